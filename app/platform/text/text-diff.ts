// Word-level comparison for showing two versions of a text side by side.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

// Splits into words and the whitespace after them, so joining the parts of
// either side gives back exactly the text that side had.
function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

const MAX_CELLS = 4_000_000; // beyond this, show the texts as one replacement

/**
 * The changes from `before` to `after` as runs of unchanged, removed and
 * added text (a longest-common-subsequence diff over words).
 */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...(before ? [{ kind: "removed" as const, text: before }] : []),
      ...(after ? [{ kind: "added" as const, text: after }] : []),
    ];
  }
  // Compare words without the whitespace that follows them.
  const ka = a.map((t) => t.trimEnd());
  const kb = b.map((t) => t.trimEnd());
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = ka[i] === kb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);

  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j]) {
      // The same word; when only the whitespace after it differs, that
      // whitespace is a change of its own, so each side keeps its own.
      push("same", kb[j]);
      if (a[i] !== b[j]) {
        push("removed", a[i].slice(ka[i].length));
        push("added", b[j].slice(kb[j].length));
      } else push("same", b[j].slice(kb[j].length));
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push("removed", a[i++]);
    else push("added", b[j++]);
  }
  while (i < n) push("removed", a[i++]);
  while (j < m) push("added", b[j++]);
  return parts;
}

/** The parts each side shows: the earlier version without additions, the later without removals. */
export function sideBySide(parts: readonly DiffPart[]) {
  return {
    before: parts.filter((p) => p.kind !== "added"),
    after: parts.filter((p) => p.kind !== "removed"),
    changed: parts.some((p) => p.kind !== "same"),
  };
}
