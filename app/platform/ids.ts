import { randomBytes } from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): 48 bits of millisecond time, then random
 * bits. Ids made later sort later, so a list ordered by (date, id) keeps
 * the order records were made in. Made here because PostgreSQL 15 has no
 * uuidv7() (docs/decisions/0002).
 */
let lastTime = 0;

export function uuidv7(now = Date.now()): string {
  // Within one process, strictly increasing even within a millisecond.
  const time = Math.max(now, lastTime + 1);
  lastTime = time;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(time, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
