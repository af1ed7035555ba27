import { Form, useLocation, useRouteLoaderData, type FormProps } from "react-router";

/** The root loader's key for the forms on this page (app/root.tsx): new after every successful write. */
export function useFormKey() {
  return useRouteLoaderData<{ formKey: string }>("root")?.formKey ?? "";
}

/**
 * A form that posts once: it carries the one-time key the page was rendered
 * with, so a double click or a resent submission records once (see
 * app/platform/once.server.ts). It starts afresh after a successful write
 * (the key changes) and on another page or item (the address changes), so
 * unsent text never follows the person somewhere else.
 */
export function AppForm({ children, ...props }: FormProps) {
  const formKey = useFormKey();
  const location = useLocation();
  return (
    <Form key={`${formKey}|${location.pathname}${location.search}`} {...props}>
      <input type="hidden" name="_once" value={formKey} />
      {children}
    </Form>
  );
}
