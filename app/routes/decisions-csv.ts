import { notFound } from "../lib/guard.server";

// Being built.
export function loader() {
  notFound();
}
