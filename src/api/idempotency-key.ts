/**
 * The one generator of Idempotency-Keys: a random UUID (version 4). `crypto.randomUUID` exists
 * only in secure contexts (HTTPS, localhost); a host page served over plain HTTP on an intranet
 * has `crypto.getRandomValues` only, so the same kind of key is made from 16 random bytes there.
 * When a change reuses a key (a retry of the same intent) is the store's decision; the HTTP
 * adapter calls this only when its caller passed no key.
 */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
