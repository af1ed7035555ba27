import { useActionData } from "react-router";
import type { FieldErrors, FormValues } from "../forms";

type ActionResult = { ok: false; errors: FieldErrors; values: FormValues } | { ok: true } | undefined;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The last submission's errors and what was typed, so a refused form shows
 * the person's own text again: `value(name, saved)` prefers what they typed.
 * After a conflict the page shows the saved record beside it and the form
 * carries the saved version, so saving again replaces the other person's
 * change knowingly, never silently.
 */
export function useFormResult() {
  const result = useActionData() as ActionResult;
  const failed = result && !result.ok ? result : undefined;
  const typed = failed?.values ?? {};
  return {
    errors: failed?.errors,
    failed: Boolean(failed),
    conflict: Boolean(failed?.errors.version),
    value: (name: string, saved?: string | number | null) => {
      const t = first(typed[name]);
      return t !== undefined ? t : saved == null ? "" : String(saved);
    },
    checked: (name: string, saved: boolean) => (failed ? first(typed[name]) === "yes" : saved),
    checkedList: (name: string, saved: readonly string[]) => {
      if (!failed) return saved;
      const t = typed[name];
      return t === undefined ? [] : Array.isArray(t) ? t : [t];
    },
  };
}
