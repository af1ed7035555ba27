import { execFileSync } from "node:child_process";

// Integration tests drive the real built server, so build it once per run.
export default function setup() {
  if (process.env.SKIP_BUILD === "1") return;
  execFileSync("npx", ["react-router", "build"], { stdio: ["ignore", "ignore", "inherit"] });
}
