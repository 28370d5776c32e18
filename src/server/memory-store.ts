// The memory store: every account in plain Maps, for the mock backend, the demo, the in-process
// mock adapter and tests. Transactions of one account run one at a time; a failed one is undone
// from its undo log, so a refusal halfway through a change leaves nothing behind.
import { compareEntryKeys, entryRank } from '../rules/order.js';
import { invitationStatus } from '../rules/invitations.js';
import type { Assignee, Charge, EntryStatus, Invoice } from '../schemas/index.js';
import { KeyedMutex } from './mutex.js';
import type {
  AccountRecord,
  AccountTx,
  EntryKey,
  EntryPage,
  EntryQuery,
  EntryRecord,
  IdempotencyClaim,
  IdempotencyScope,
  InvitationRecord,
  MemberRecord,
  NumberRecord,
  RingGroupRecord,
  SeatkitStore,
  StoredResponse,
} from './store.js';

interface KeyRecord {
  fingerprint: string;
  claimedAt: number;
  response: StoredResponse | null;
}

interface AccountData {
  account: AccountRecord;
  members: Map<string, MemberRecord>;
  memberByCanonical: Map<string, string>;
  counts: { active: number; deactivated: number };
  invitations: Map<string, InvitationRecord>;
  /** Open (not accepted, not revoked) invitation ids by canonical email. */
  openByCanonical: Map<string, Set<string>>;
  numbers: Map<string, Assignee | null>;
  ringGroups: Map<string, RingGroupRecord>;
  ids: Set<string>;
  charges: Charge[];
  invoices: Invoice[];
  keys: Map<string, KeyRecord>;
  /** Bumped on every write: the list cache is kept per revision. */
  revision: number;
  listCache: { key: string; sorted: { key: EntryKey; entry: EntryRecord }[] } | null;
}

const copyMember = (m: MemberRecord): MemberRecord => ({
  ...m,
  campaigns: [...m.campaigns],
  personalIntegrations: [...m.personalIntegrations],
});
const copyInvitation = (i: InvitationRecord): InvitationRecord => ({ ...i });
const copyAccount = (a: AccountRecord): AccountRecord => ({
  ...a,
  teamIntegrations: [...a.teamIntegrations],
});

function isOpen(inv: InvitationRecord): boolean {
  return !inv.acceptedAt && !inv.revokedAt;
}

function emptyData(account: AccountRecord): AccountData {
  return {
    account,
    members: new Map(),
    memberByCanonical: new Map(),
    counts: { active: 0, deactivated: 0 },
    invitations: new Map(),
    openByCanonical: new Map(),
    numbers: new Map(),
    ringGroups: new Map(),
    ids: new Set(),
    charges: [],
    invoices: [],
    keys: new Map(),
    revision: 0,
    listCache: null,
  };
}

export interface MemoryStore extends SeatkitStore {
  /** Account ids held, for tests. */
  accounts(): string[];
}

/** A store in this process's memory: fast, and gone when the process ends. */
export function memoryStore(): MemoryStore {
  const data = new Map<string, AccountData>();
  const mutex = new KeyedMutex();

  function keyOf(scope: IdempotencyScope, key: string): string {
    return `${scope.memberId}\u0000${key}`;
  }

  return {
    accounts: () => [...data.keys()],

    transaction(accountId, mode, work) {
      return mutex.run(accountId, async () => {
        const undo: (() => void)[] = [];
        const tx = accountTx(data, accountId, mode, undo);
        try {
          return await work(tx);
        } catch (error) {
          for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
          throw error;
        }
      });
    },

    // Keys are claimed outside the account's queue (a Map operation is atomic here): a second
    // request with a key whose first is still running must hear so, not wait for it.
    async claimIdempotency(scope, key, fingerprint, now, limits): Promise<IdempotencyClaim> {
      const account = data.get(scope.accountId);
      if (!account) return { state: 'claimed' };
      const k = keyOf(scope, key);
      const at = now.getTime();
      const found = account.keys.get(k);
      if (found) {
        if (found.response && at - found.claimedAt < limits.retainMs)
          return { state: 'done', fingerprint: found.fingerprint, response: found.response };
        if (!found.response && at - found.claimedAt < limits.inFlightMs)
          return { state: 'in_flight' };
      }
      // Kept keys are dropped once past their time, a few at every claim.
      let swept = 0;
      for (const [other, record] of account.keys) {
        if (swept++ > 32) break;
        if (at - record.claimedAt >= Math.max(limits.retainMs, limits.inFlightMs))
          account.keys.delete(other);
      }
      account.keys.set(k, { fingerprint, claimedAt: at, response: null });
      return { state: 'claimed' };
    },

    async releaseIdempotency(scope, key) {
      const account = data.get(scope.accountId);
      const k = keyOf(scope, key);
      if (account?.keys.get(k)?.response === null) account.keys.delete(k);
    },
  };
}

function accountTx(
  data: Map<string, AccountData>,
  accountId: string,
  mode: 'read' | 'write',
  undo: (() => void)[],
): AccountTx {
  const get = (): AccountData => {
    const found = data.get(accountId);
    if (!found) throw new Error(`No account ${accountId}.`);
    return found;
  };
  /** Marks a write: refused in read transactions, and bumps the revision (undone on rollback). */
  const write = (): AccountData => {
    if (mode !== 'write') throw new Error('A read transaction cannot write.');
    const d = get();
    const revision = d.revision;
    d.revision = revision + 1;
    d.listCache = null;
    undo.push(() => {
      d.revision = revision;
      d.listCache = null;
    });
    return d;
  };
  const count = (d: AccountData, status: MemberRecord['status'], by: number) => {
    d.counts[status] += by;
    undo.push(() => {
      d.counts[status] -= by;
    });
  };
  const indexOpen = (d: AccountData, inv: InvitationRecord, add: boolean) => {
    let ids = d.openByCanonical.get(inv.canonical);
    if (add) {
      if (!ids) d.openByCanonical.set(inv.canonical, (ids = new Set()));
      ids.add(inv.id);
      undo.push(() => ids?.delete(inv.id));
    } else if (ids?.delete(inv.id)) {
      undo.push(() => ids?.add(inv.id));
    }
  };
  /** Sets `map.get(key)` to `value` (or deletes it), with its undo. */
  function put<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    const had = map.has(key);
    const before = map.get(key);
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    undo.push(() => {
      if (had) map.set(key, before as V);
      else map.delete(key);
    });
  }

  return {
    accountId,

    async account() {
      const d = data.get(accountId);
      return d ? copyAccount(d.account) : null;
    },
    async updateAccount(patch) {
      const d = write();
      const before = d.account;
      d.account = { ...before, ...patch, id: before.id };
      undo.push(() => {
        d.account = before;
      });
    },
    async deleteAccount() {
      if (mode !== 'write') throw new Error('A read transaction cannot write.');
      const before = data.get(accountId);
      if (!before) return;
      data.delete(accountId);
      undo.push(() => data.set(accountId, before));
    },
    async createAccount(account) {
      if (mode !== 'write') throw new Error('A read transaction cannot write.');
      if (data.has(accountId)) throw new Error(`Account ${accountId} exists.`);
      data.set(accountId, emptyData(copyAccount({ ...account, id: accountId })));
      undo.push(() => data.delete(accountId));
    },

    async member(id) {
      const m = get().members.get(id);
      return m ? copyMember(m) : null;
    },
    async membersByCanonical(canonicals) {
      const d = get();
      const out: MemberRecord[] = [];
      for (const c of new Set(canonicals)) {
        const id = d.memberByCanonical.get(c);
        const m = id === undefined ? undefined : d.members.get(id);
        if (m) out.push(copyMember(m));
      }
      return out;
    },
    async memberCounts() {
      return { ...get().counts };
    },
    async insertMembers(members) {
      const d = write();
      for (const m of members) {
        if (d.members.has(m.id)) throw new Error(`Member ${m.id} exists.`);
        if (d.memberByCanonical.has(m.canonical)) throw new Error(`${m.email} is a member.`);
        put(d.members, m.id, copyMember(m));
        put(d.memberByCanonical, m.canonical, m.id);
        count(d, m.status, 1);
      }
    },
    async updateMember(id, patch) {
      const d = write();
      const before = d.members.get(id);
      if (!before) throw new Error(`No member ${id}.`);
      const after = copyMember({ ...before, ...patch, id });
      if (after.canonical !== before.canonical) {
        put(d.memberByCanonical, before.canonical, undefined);
        put(d.memberByCanonical, after.canonical, id);
      }
      if (after.status !== before.status) {
        count(d, before.status, -1);
        count(d, after.status, 1);
      }
      put(d.members, id, after);
    },
    async deleteMember(id) {
      const d = write();
      const before = d.members.get(id);
      if (!before) return;
      put(d.members, id, undefined);
      put(d.memberByCanonical, before.canonical, undefined);
      count(d, before.status, -1);
    },
    async allMembers() {
      return [...get().members.values()].map(copyMember);
    },

    async invitation(id) {
      const inv = get().invitations.get(id);
      return inv ? copyInvitation(inv) : null;
    },
    async openInvitationsByCanonical(canonicals) {
      const d = get();
      const out: InvitationRecord[] = [];
      for (const c of new Set(canonicals)) {
        for (const id of d.openByCanonical.get(c) ?? []) {
          const inv = d.invitations.get(id);
          if (inv) out.push(copyInvitation(inv));
        }
      }
      return out;
    },
    async countPendingInvitations(now) {
      const d = get();
      let n = 0;
      for (const ids of d.openByCanonical.values()) {
        for (const id of ids) {
          const inv = d.invitations.get(id);
          if (inv && invitationStatus(inv, now) === 'pending') n++;
        }
      }
      return n;
    },
    async insertInvitations(invitations) {
      const d = write();
      for (const inv of invitations) {
        if (d.invitations.has(inv.id)) throw new Error(`Invitation ${inv.id} exists.`);
        put(d.invitations, inv.id, copyInvitation(inv));
        if (isOpen(inv)) indexOpen(d, inv, true);
      }
    },
    async updateInvitation(id, patch) {
      const d = write();
      const before = d.invitations.get(id);
      if (!before) throw new Error(`No invitation ${id}.`);
      const after = { ...before, ...patch, id };
      if (isOpen(before)) indexOpen(d, before, false);
      if (isOpen(after)) indexOpen(d, after, true);
      put(d.invitations, id, after);
    },
    async allInvitations() {
      return [...get().invitations.values()].map(copyInvitation);
    },

    async listEntries(query) {
      return listEntries(get(), query);
    },

    async phoneNumbers() {
      return [...get().numbers].map(([number, assignee]) => ({ number, assignee }));
    },
    async phoneNumbersIn(numbers) {
      const d = get();
      const out: NumberRecord[] = [];
      for (const number of new Set(numbers)) {
        if (d.numbers.has(number)) out.push({ number, assignee: d.numbers.get(number) ?? null });
      }
      return out;
    },
    async numbersOfMembers(memberIds) {
      const wanted = new Set(memberIds);
      const out = new Map<string, string[]>();
      for (const [number, a] of get().numbers) {
        if (a?.type !== 'member' || !wanted.has(a.memberId)) continue;
        const list = out.get(a.memberId);
        if (list) list.push(number);
        else out.set(a.memberId, [number]);
      }
      return out;
    },
    async insertPhoneNumbers(numbers) {
      const d = write();
      for (const n of numbers) {
        if (d.numbers.has(n.number)) throw new Error(`Number ${n.number} exists.`);
        put(d.numbers, n.number, n.assignee);
      }
    },
    async setAssignee(number, assignee) {
      const d = write();
      if (!d.numbers.has(number)) throw new Error(`No number ${number}.`);
      put(d.numbers, number, assignee);
    },

    async ringGroups() {
      return [...get().ringGroups.values()].map((g) => ({ ...g }));
    },
    async ringGroup(id) {
      const g = get().ringGroups.get(id);
      return g ? { ...g } : null;
    },
    async insertRingGroups(groups) {
      const d = write();
      for (const g of groups) put(d.ringGroups, g.id, { ...g });
    },

    async reserveIds(ids) {
      const d = write();
      const reserved = new Set<string>();
      for (const id of ids) {
        if (d.ids.has(id)) continue;
        d.ids.add(id);
        reserved.add(id);
        undo.push(() => d.ids.delete(id));
      }
      return reserved;
    },
    async reservedIds() {
      return [...get().ids];
    },

    async insertCharge(charge) {
      const d = write();
      d.charges.push({ ...charge });
      undo.push(() => d.charges.pop());
    },
    async charges() {
      return get().charges.map((c) => ({ ...c }));
    },
    async insertInvoices(invoices) {
      const d = write();
      const before = d.invoices.length;
      d.invoices.push(...invoices.map((i) => ({ ...i })));
      undo.push(() => {
        d.invoices.length = before;
      });
    },
    async invoices() {
      return get().invoices.map((i) => ({ ...i }));
    },

    async completeIdempotency(scope, key, fingerprint, response) {
      const d = write();
      put(d.keys, `${scope.memberId}\u0000${key}`, {
        fingerprint,
        claimedAt: d.keys.get(`${scope.memberId}\u0000${key}`)?.claimedAt ?? 0,
        response,
      });
    },
  };
}

// ---- the list ----------------------------------------------------------------------------------

function entryStatus(entry: EntryRecord, now: Date): EntryStatus {
  if (entry.kind === 'member') return entry.member.status;
  return invitationStatus(entry.invitation, now) === 'pending' ? 'pending' : 'expired';
}

/**
 * The sorted, filtered list of one query, kept until the next write or another query: a team
 * of 100,000 is sorted once, and each page after that is a binary search.
 */
function sortedEntries(d: AccountData, q: EntryQuery): { key: EntryKey; entry: EntryRecord }[] {
  const cacheKey = JSON.stringify([
    d.revision,
    q.now.getTime(),
    q.search,
    q.role,
    q.status,
    q.sort,
    q.invitations,
  ]);
  if (d.listCache?.key === cacheKey) return d.listCache.sorted;
  const out: { key: EntryKey; entry: EntryRecord }[] = [];
  const add = (entry: EntryRecord, id: string, nameKey: string, canonical: string) => {
    const role = entry.kind === 'member' ? entry.member.role : entry.invitation.role;
    const status = entryStatus(entry, q.now);
    if (q.role && role !== q.role) return;
    if (q.status && status !== q.status) return;
    if (q.search && !nameKey.includes(q.search) && !canonical.includes(q.search)) return;
    out.push({ key: { rank: entryRank(q.sort, role, status), nameKey, id }, entry });
  };
  for (const m of d.members.values())
    add({ kind: 'member', member: m }, m.id, m.nameKey, m.canonical);
  if (q.invitations) {
    for (const ids of d.openByCanonical.values()) {
      for (const id of ids) {
        const inv = d.invitations.get(id);
        if (inv) add({ kind: 'invitation', invitation: inv }, inv.id, inv.canonical, inv.canonical);
      }
    }
  }
  out.sort((a, b) => compareEntryKeys(a.key, b.key));
  d.listCache = { key: cacheKey, sorted: out };
  return out;
}

function listEntries(d: AccountData, q: EntryQuery): EntryPage {
  const sorted = sortedEntries(d, q);
  const desc = q.direction === 'desc';
  const n = sorted.length;
  // Position of the first entry after `q.after` in the query's direction.
  let start = 0;
  if (q.after) {
    const after = q.after;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntryKeys(sorted[mid]!.key, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    // Ascending: `lo` is the first key above `after`. Descending walks down from below it.
    start = desc
      ? n - lo + (lo > 0 && compareEntryKeys(sorted[lo - 1]!.key, after) === 0 ? 1 : 0)
      : lo;
  }
  const entries: EntryRecord[] = [];
  for (let i = start; i < n && entries.length < q.limit; i++) {
    const item = sorted[desc ? n - 1 - i : i]!;
    entries.push(
      item.entry.kind === 'member'
        ? { kind: 'member', member: copyMember(item.entry.member) }
        : { kind: 'invitation', invitation: copyInvitation(item.entry.invitation) },
    );
  }
  return { entries, more: start + entries.length < n, total: n };
}
