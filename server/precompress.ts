import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

// Run after `react-router build`: writes a Brotli (.br) and a gzip (.gz) copy
// of every compressible file under build/client once, at their best settings,
// so the server sends static files as they are instead of compressing them on
// every request (server/app.ts, precompressedAssets).

export const COMPRESSIBLE = /\.(js|mjs|css|svg|json|html|txt|map|woff)$/;

export function precompress(dir: string) {
  let files = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = fs.readFileSync(file);
    if (content.length < 512) continue; // not worth it: the headers outweigh the saving
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
    files += 1;
  }
  return files;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const dir = path.resolve(process.argv[2] ?? "build/client");
  console.log(`Precompressed ${precompress(dir)} files in ${dir}`);
}
