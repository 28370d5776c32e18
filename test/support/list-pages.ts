// A store's list as the store tests compare it with the memory store's, which defines it: each
// page's entry ids, total and `more`.
import { entryKey } from '../../src/server/list.js';
import type { EntryKey, EntryQuery, EntryRecord, SeatkitStore } from '../../src/server/index.js';

export interface ListedPage {
  ids: string[];
  more: boolean;
  total: number;
}

const idOf = (e: EntryRecord) => (e.kind === 'member' ? e.member.id : e.invitation.id);

/** One page of `query`, in a read transaction of its own. */
export async function listedPage(
  store: SeatkitStore,
  accountId: string,
  query: EntryQuery,
): Promise<ListedPage> {
  const page = await store.transaction(accountId, 'read', (tx) => tx.listEntries(query));
  return { ids: page.entries.map(idOf), more: page.more, total: page.total };
}

/** Every page of `query`, following the cursor the engine makes from each page's last entry. */
export async function listedPages(
  store: SeatkitStore,
  accountId: string,
  query: Omit<EntryQuery, 'after'>,
): Promise<ListedPage[]> {
  const out: ListedPage[] = [];
  let after: EntryKey | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await store.transaction(accountId, 'read', (tx) =>
      tx.listEntries({ ...query, after }),
    );
    out.push({ ids: page.entries.map(idOf), more: page.more, total: page.total });
    const last = page.entries.at(-1);
    if (!page.more || !last) return out;
    after = entryKey(last, query.sort, query.now);
  }
  throw new Error('more than 100 pages');
}
