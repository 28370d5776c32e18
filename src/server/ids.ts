import type { AccountTx } from './store.js';

/** Longest slug in an id: ids stay far below the wire contract's 200 characters. */
const SLUG_MAX = 80;

/**
 * `Olivia.Park@Example.com` → `olivia-park-example-com`, at most SLUG_MAX characters (a
 * 254-character email or a long ring-group name would otherwise make an id the contract refuses).
 */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, SLUG_MAX)
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/**
 * Readable ids that are never handed out twice in an account: `mem-olivia-example-com`, then
 * `…-2`, `…-3` when that one was used before (a removed member's id stays retired).
 */
export async function freshIds(
  tx: AccountTx,
  prefix: string,
  bases: readonly string[],
): Promise<string[]> {
  const out = new Array<string>(bases.length);
  let open = bases.map((base, index) => ({ index, stem: `${prefix}-${slug(base)}`, n: 1 }));
  while (open.length > 0) {
    const candidates = open.map((o) => (o.n === 1 ? o.stem : `${o.stem}-${o.n}`));
    const reserved = await tx.reserveIds(candidates);
    const next: typeof open = [];
    open.forEach((o, k) => {
      const id = candidates[k]!;
      // One batch may ask for the same candidate twice (two emails with one slug): the first wins.
      if (reserved.delete(id)) out[o.index] = id;
      else {
        o.n++;
        next.push(o);
      }
    });
    open = next;
  }
  return out;
}
