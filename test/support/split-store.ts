// A store that is wrong on purpose, for the race test to prove it can fail: a write transaction's
// checks run in a read transaction (no lock), and its writes are replayed afterwards in a write
// transaction of their own — the split check-then-write that lets two requests both take the
// last seat. Never use it for anything else.
import type { AccountTx, SeatkitStore } from '../../src/server/store.js';

const WRITES = new Set([
  'updateAccount',
  'deleteAccount',
  'createAccount',
  'insertMembers',
  'updateMember',
  'deleteMember',
  'insertInvitations',
  'updateInvitation',
  'insertPhoneNumbers',
  'setAssignee',
  'insertRingGroups',
  'insertCharge',
  'insertInvoices',
  'completeIdempotency',
]);

export function splitStore(inner: SeatkitStore): SeatkitStore {
  return {
    ...inner,
    async transaction(accountId, mode, work) {
      if (mode === 'read') return inner.transaction(accountId, mode, work);
      const writes: ((tx: AccountTx) => Promise<unknown>)[] = [];
      const result = await inner.transaction(accountId, 'read', (readTx) => {
        const tx = new Proxy(readTx, {
          get(target, name: string) {
            const value = (target as unknown as Record<string, unknown>)[name];
            if (typeof value !== 'function') return value;
            if (WRITES.has(name))
              return (...args: unknown[]) => {
                writes.push((w) =>
                  (w as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!(
                    ...args,
                  ),
                );
                return Promise.resolve();
              };
            // Ids must be taken for real (they are read back at once); any write transaction will do.
            if (name === 'reserveIds')
              return (ids: readonly string[]) =>
                inner.transaction(accountId, 'write', (w) => w.reserveIds(ids));
            return (value as (...a: unknown[]) => unknown).bind(target);
          },
        });
        return work(tx);
      });
      // The time between the check and the write (a round trip on a networked database): another
      // request, here or in another process, checks in between.
      await new Promise((resolve) => setTimeout(resolve, 10));
      await inner.transaction(accountId, 'write', async (tx) => {
        for (const write of writes) await write(tx);
      });
      return result;
    },
  };
}
