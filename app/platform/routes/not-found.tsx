export function loader() {
  throw new Response("If you typed the web address, check it is correct.", { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}
