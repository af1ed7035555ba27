import { notFound } from "../lib/guard.server";

// Being built.
export function loader() {
  notFound();
}

export default function Placeholder() {
  return null;
}
