// The owner's password, as the engine checks it before a transfer of ownership. An integrator
// with their own sign-in passes `verifyPassword` to the engine instead; these are the defaults.
//
// A stored credential is `pbkdf2-sha256:<iterations>:<salt>:<hash>` (base64url), or
// `plain:<password>` for demo and test accounts (the mock keeps the scenario's password so a
// snapshot can give it back).

const ITERATIONS = 210_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('Hashed passwords need Web Crypto (crypto.subtle).');
  const key = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** A credential to store for `password` (PBKDF2-SHA-256 with a random salt). */
export async function hashPassword(password: string, iterations = ITERATIONS): Promise<string> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return `pbkdf2-sha256:${iterations}:${toBase64Url(salt)}:${toBase64Url(hash)}`;
}

/** Compares in time that does not depend on where the two first differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Whether `password` matches a stored credential. An unknown format never matches. */
export async function verifyCredential(credential: string, password: string): Promise<boolean> {
  if (credential.startsWith('plain:')) {
    const encoder = new TextEncoder();
    return sameBytes(encoder.encode(credential.slice('plain:'.length)), encoder.encode(password));
  }
  const [scheme, iterations, salt, hash] = credential.split(':');
  if (scheme !== 'pbkdf2-sha256' || !iterations || !salt || !hash) return false;
  const rounds = Number(iterations);
  if (!Number.isInteger(rounds) || rounds < 1) return false;
  return sameBytes(await derive(password, fromBase64Url(salt), rounds), fromBase64Url(hash));
}
