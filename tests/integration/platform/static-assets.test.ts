import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../helpers/server";

// Static files are compressed once, at build (server/precompress.ts), and
// sent as they are to browsers that take Brotli or gzip; others get the file.

let s: TestServer;
let stylesheet: string;
let script: string;
beforeAll(async () => {
  s = await startTestServer();
  const html = await (await fetch(`${s.baseUrl}/accessibility`)).text();
  stylesheet = html.match(/href="(\/assets\/[^"]+\.css)"/)![1];
  script = html.match(/(\/assets\/entry\.client-[^"]+\.js)/)![1];
});
afterAll(() => s?.close());

const get = (path: string, encoding: string) => fetch(`${s.baseUrl}${path}`, { headers: { "accept-encoding": encoding } });

describe("static assets", () => {
  it("sends the build's Brotli copy to a browser that takes it, and the same file once decoded", async () => {
    for (const path of [stylesheet, script]) {
      const br = await get(path, "gzip, deflate, br");
      expect(br.status).toBe(200);
      expect(br.headers.get("content-encoding")).toBe("br");
      expect(br.headers.get("vary")).toMatch(/Accept-Encoding/i);
      expect(br.headers.get("content-type")).toMatch(path.endsWith(".css") ? /^text\/css/ : /javascript/);
      expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const plain = await get(path, "identity");
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(await br.text()).toBe(await plain.text()); // fetch decodes the Brotli body
    }
  });

  it("falls back to gzip, and answers 404 for a file that is not there, compressed copy or not", async () => {
    const gz = await get(stylesheet, "gzip");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect((await get("/assets/no-such-file.css", "br")).status).toBe(404);
  });
});
