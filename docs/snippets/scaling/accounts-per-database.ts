// Accounts spread over several databases: every call the engine makes to its store names one
// account, so a store that picks the database by account is all it takes. `shardOf` is yours:
// a directory (account → database) lets an account move; a hash does not.
import type { SeatkitStore } from 'seatkit/server';

export function storeByAccount(
  stores: readonly SeatkitStore[],
  shardOf: (accountId: string) => number,
): SeatkitStore {
  const storeOf = (accountId: string) => stores[shardOf(accountId)]!;
  return {
    transaction: (accountId, mode, work) => storeOf(accountId).transaction(accountId, mode, work),
    claimIdempotency: (scope, key, fingerprint, now, limits) =>
      storeOf(scope.accountId).claimIdempotency(scope, key, fingerprint, now, limits),
    releaseIdempotency: (scope, key) => storeOf(scope.accountId).releaseIdempotency(scope, key),
    close: async () => {
      await Promise.all(stores.map((store) => store.close?.()));
    },
  };
}
