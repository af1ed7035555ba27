import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // The whole route manifest is one static, precompressed and immutable file the browser
  // fetches once, instead of a partial manifest matched and inlined into every page
  // (docs/decisions/0013): less work and fewer bytes per response, no /__manifest requests.
  routeDiscovery: { mode: "initial" },
} satisfies Config;
