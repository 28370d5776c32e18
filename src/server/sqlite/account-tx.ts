// One account's transaction on SQLite: every statement names the account. The transaction itself
// (BEGIN … COMMIT or ROLLBACK) is the store's; this only reads and writes inside it.
import type { Charge, Invoice } from '../../schemas/index.js';
import type {
  AccountRecord,
  AccountTx,
  InvitationRecord,
  MemberRecord,
  RingGroupRecord,
} from '../store.js';
import type { Connection } from './connection.js';
import { listEntries } from './list.js';
import {
  ACCOUNT_COLUMNS,
  INVITATION_COLUMNS,
  MEMBER_COLUMNS,
  accountFromRow,
  accountValues,
  assigneeValues,
  invitationFromRow,
  invitationValues,
  memberFromRow,
  memberValues,
  numberFromRow,
  placeholders,
} from './rows.js';
import type { AccountRow, InvitationRow, MemberRow, NumberRow } from './rows.js';
import { OPEN } from './schema.js';

/** Tables holding an account's rows, children first (the account row goes last). */
const ACCOUNT_TABLES = [
  'seatkit_idempotency',
  'seatkit_invoices',
  'seatkit_charges',
  'seatkit_ids',
  'seatkit_ring_groups',
  'seatkit_phone_numbers',
  'seatkit_invitations',
  'seatkit_members',
  'seatkit_member_counts',
  'seatkit_accounts',
];

/**
 * `column` is one of `values`: `= ?` for one value (the usual case, and the fastest), else
 * `IN (SELECT value FROM json_each(?))`, one statement for any number of values.
 */
function oneOf(column: string, values: readonly string[]): [clause: string, param: string] {
  const distinct = [...new Set(values)];
  return distinct.length === 1
    ? [`${column} = ?`, distinct[0]!]
    : [`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(distinct)];
}

const ACCOUNT_INSERT = `INSERT INTO seatkit_accounts (${ACCOUNT_COLUMNS}) VALUES (${placeholders(16)})`;
const ACCOUNT_UPDATE = `UPDATE seatkit_accounts SET (${ACCOUNT_COLUMNS}) = (${placeholders(16)}) WHERE id = ?`;
const MEMBER_INSERT = `INSERT INTO seatkit_members (account_id, ${MEMBER_COLUMNS}) VALUES (?, ${placeholders(12)})`;
const MEMBER_UPDATE = `UPDATE seatkit_members SET (${MEMBER_COLUMNS}) = (${placeholders(12)}) WHERE account_id = ? AND id = ?`;
const INVITATION_INSERT = `INSERT INTO seatkit_invitations (account_id, ${INVITATION_COLUMNS}) VALUES (?, ${placeholders(11)})`;
const INVITATION_UPDATE = `UPDATE seatkit_invitations SET (${INVITATION_COLUMNS}) = (${placeholders(11)}) WHERE account_id = ? AND id = ?`;

export interface TxState {
  /** False once the transaction committed or rolled back: a leaked tx must not run statements. */
  open: boolean;
}

export function sqliteAccountTx(
  conn: Connection,
  accountId: string,
  mode: 'read' | 'write',
  state: TxState,
): AccountTx {
  const usable = () => {
    if (!state.open) throw new Error('This transaction is over.');
  };
  const writable = () => {
    usable();
    if (mode !== 'write') throw new Error('A read transaction cannot write.');
  };
  const get = <T>(sql: string, ...params: unknown[]): T | undefined => {
    usable();
    return conn.st(sql).get(...params) as T | undefined;
  };
  const all = <T>(sql: string, ...params: unknown[]): T[] => {
    usable();
    return conn.st(sql).all(...params) as T[];
  };
  const run = (sql: string, ...params: unknown[]) => {
    writable();
    return conn.st(sql).run(...params);
  };

  const readAccount = (): AccountRecord | null => {
    const row = get<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM seatkit_accounts WHERE id = ?`,
      accountId,
    );
    return row ? accountFromRow(row) : null;
  };
  const readMember = (id: string): MemberRecord | null => {
    const row = get<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM seatkit_members WHERE account_id = ? AND id = ?`,
      accountId,
      id,
    );
    return row ? memberFromRow(row) : null;
  };
  const readInvitation = (id: string): InvitationRecord | null => {
    const row = get<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM seatkit_invitations WHERE account_id = ? AND id = ?`,
      accountId,
      id,
    );
    return row ? invitationFromRow(row) : null;
  };
  /** Adds `by` to the count of members with this role and status. */
  const count = (role: string, status: string, by: number) =>
    run(
      `INSERT INTO seatkit_member_counts (account_id, role, status, n) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id, role, status) DO UPDATE SET n = n + excluded.n`,
      accountId,
      role,
      status,
      by,
    );

  return {
    accountId,

    async account() {
      return readAccount();
    },
    async updateAccount(patch) {
      writable();
      const before = readAccount();
      if (!before) throw new Error(`No account ${accountId}.`);
      run(ACCOUNT_UPDATE, ...accountValues({ ...before, ...patch, id: accountId }), accountId);
    },
    async deleteAccount() {
      writable();
      for (const table of ACCOUNT_TABLES)
        run(
          `DELETE FROM ${table} WHERE ${table === 'seatkit_accounts' ? 'id' : 'account_id'} = ?`,
          accountId,
        );
    },
    async createAccount(account) {
      writable();
      if (readAccount()) throw new Error(`Account ${accountId} exists.`);
      run(ACCOUNT_INSERT, ...accountValues({ ...account, id: accountId }));
    },

    async member(id) {
      return readMember(id);
    },
    async membersByCanonical(canonicals) {
      if (canonicals.length === 0) return [];
      const [clause, param] = oneOf('canonical', canonicals);
      const rows = all<MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM seatkit_members WHERE account_id = ? AND ${clause}`,
        accountId,
        param,
      );
      const byCanonical = new Map(rows.map((r) => [r.canonical, memberFromRow(r)]));
      return [...new Set(canonicals)].flatMap((c) => {
        const m = byCanonical.get(c);
        return m ? [m] : [];
      });
    },
    async memberCounts() {
      const rows = all<{ status: string; n: number }>(
        'SELECT status, n FROM seatkit_member_counts WHERE account_id = ?',
        accountId,
      );
      const counts = { active: 0, deactivated: 0 };
      for (const r of rows)
        if (r.status === 'active' || r.status === 'deactivated') counts[r.status] += r.n;
      return counts;
    },
    async insertMembers(members) {
      writable();
      const added = new Map<string, { role: string; status: string; n: number }>();
      for (const m of members) {
        run(MEMBER_INSERT, accountId, ...memberValues(m));
        const key = `${m.role}\u0000${m.status}`;
        const group = added.get(key);
        if (group) group.n++;
        else added.set(key, { role: m.role, status: m.status, n: 1 });
      }
      for (const g of added.values()) count(g.role, g.status, g.n);
    },
    async updateMember(id, patch) {
      writable();
      const before = readMember(id);
      if (!before) throw new Error(`No member ${id}.`);
      const after: MemberRecord = { ...before, ...patch, id };
      run(MEMBER_UPDATE, ...memberValues(after), accountId, id);
      if (after.role !== before.role || after.status !== before.status) {
        count(before.role, before.status, -1);
        count(after.role, after.status, 1);
      }
    },
    async deleteMember(id) {
      writable();
      const before = readMember(id);
      if (!before) return;
      run('DELETE FROM seatkit_members WHERE account_id = ? AND id = ?', accountId, id);
      count(before.role, before.status, -1);
    },
    async allMembers() {
      return all<MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM seatkit_members WHERE account_id = ? ORDER BY rowid`,
        accountId,
      ).map(memberFromRow);
    },

    async invitation(id) {
      return readInvitation(id);
    },
    async openInvitationsByCanonical(canonicals) {
      if (canonicals.length === 0) return [];
      const [clause, param] = oneOf('canonical', canonicals);
      const rows = all<InvitationRow>(
        `SELECT ${INVITATION_COLUMNS} FROM seatkit_invitations INDEXED BY seatkit_invitations_open_by_name
         WHERE account_id = ? AND ${clause} AND ${OPEN}
         ORDER BY rowid`,
        accountId,
        param,
      );
      const order = new Map([...new Set(canonicals)].map((c, i) => [c, i]));
      return rows
        .map(invitationFromRow)
        .sort((a, b) => order.get(a.canonical)! - order.get(b.canonical)!);
    },
    async countPendingInvitations(now) {
      return get<{ n: number }>(
        `SELECT count(*) AS n FROM seatkit_invitations INDEXED BY seatkit_invitations_open_by_expiry
         WHERE account_id = ? AND ${OPEN} AND expires_at > ?`,
        accountId,
        now.getTime(),
      )!.n;
    },
    async insertInvitations(invitations) {
      writable();
      for (const inv of invitations) run(INVITATION_INSERT, accountId, ...invitationValues(inv));
    },
    async updateInvitation(id, patch) {
      writable();
      const before = readInvitation(id);
      if (!before) throw new Error(`No invitation ${id}.`);
      run(INVITATION_UPDATE, ...invitationValues({ ...before, ...patch, id }), accountId, id);
    },
    async allInvitations() {
      return all<InvitationRow>(
        `SELECT ${INVITATION_COLUMNS} FROM seatkit_invitations WHERE account_id = ? ORDER BY rowid`,
        accountId,
      ).map(invitationFromRow);
    },

    async listEntries(query) {
      usable();
      return listEntries(conn, accountId, query);
    },

    async phoneNumbers() {
      return all<NumberRow>(
        'SELECT number, assignee_type, assignee_id FROM seatkit_phone_numbers WHERE account_id = ? ORDER BY rowid',
        accountId,
      ).map(numberFromRow);
    },
    async phoneNumbersIn(numbers) {
      if (numbers.length === 0) return [];
      const [clause, param] = oneOf('number', numbers);
      const rows = all<NumberRow>(
        `SELECT number, assignee_type, assignee_id FROM seatkit_phone_numbers
         WHERE account_id = ? AND ${clause}`,
        accountId,
        param,
      );
      const found = new Map(rows.map((r) => [r.number, numberFromRow(r)]));
      return [...new Set(numbers)].flatMap((n) => {
        const record = found.get(n);
        return record ? [record] : [];
      });
    },
    async numbersOfMembers(memberIds) {
      if (memberIds.length === 0) return new Map();
      const [clause, param] = oneOf('assignee_id', memberIds);
      const rows = all<{ number: string; assignee_id: string }>(
        `SELECT number, assignee_id FROM seatkit_phone_numbers
         WHERE account_id = ? AND assignee_type = 'member' AND ${clause}
         ORDER BY rowid`,
        accountId,
        param,
      );
      const out = new Map<string, string[]>();
      for (const r of rows) {
        const numbers = out.get(r.assignee_id);
        if (numbers) numbers.push(r.number);
        else out.set(r.assignee_id, [r.number]);
      }
      return out;
    },
    async insertPhoneNumbers(numbers) {
      writable();
      for (const n of numbers)
        run(
          'INSERT INTO seatkit_phone_numbers (account_id, number, assignee_type, assignee_id) VALUES (?, ?, ?, ?)',
          accountId,
          n.number,
          ...assigneeValues(n.assignee),
        );
    },
    async setAssignee(number, assignee) {
      writable();
      const changed = run(
        'UPDATE seatkit_phone_numbers SET assignee_type = ?, assignee_id = ? WHERE account_id = ? AND number = ?',
        ...assigneeValues(assignee),
        accountId,
        number,
      );
      if (changed.changes === 0) throw new Error(`No number ${number}.`);
    },

    async ringGroups() {
      return all<RingGroupRecord>(
        'SELECT id, name FROM seatkit_ring_groups WHERE account_id = ? ORDER BY rowid',
        accountId,
      );
    },
    async ringGroup(id) {
      return (
        get<RingGroupRecord>(
          'SELECT id, name FROM seatkit_ring_groups WHERE account_id = ? AND id = ?',
          accountId,
          id,
        ) ?? null
      );
    },
    async insertRingGroups(groups) {
      writable();
      for (const g of groups)
        run(
          `INSERT INTO seatkit_ring_groups (account_id, id, name) VALUES (?, ?, ?)
           ON CONFLICT (account_id, id) DO UPDATE SET name = excluded.name`,
          accountId,
          g.id,
          g.name,
        );
    },

    async reserveIds(ids) {
      writable();
      // One statement for the whole batch (a 100,000-row bulk invite): the ids that were free
      // are the rows it inserted.
      const rows = conn
        .st(
          `INSERT INTO seatkit_ids (account_id, id)
           SELECT ?, value FROM json_each(?) WHERE true
           ON CONFLICT (account_id, id) DO NOTHING RETURNING id`,
        )
        .all(accountId, JSON.stringify(ids)) as { id: string }[];
      return new Set(rows.map((r) => r.id));
    },
    async reservedIds() {
      return all<{ id: string }>(
        'SELECT id FROM seatkit_ids WHERE account_id = ? ORDER BY rowid',
        accountId,
      ).map((r) => r.id);
    },

    async insertCharge(charge) {
      writable();
      run(
        'INSERT INTO seatkit_charges (account_id, id, member_id, amount, at, reason) VALUES (?, ?, ?, ?, ?, ?)',
        accountId,
        charge.id,
        charge.memberId,
        charge.amount,
        charge.at,
        charge.reason,
      );
    },
    async charges() {
      return all<{ id: string; member_id: string; amount: number; at: string; reason: string }>(
        'SELECT id, member_id, amount, at, reason FROM seatkit_charges WHERE account_id = ? ORDER BY rowid',
        accountId,
      ).map((r): Charge => ({
        id: r.id,
        memberId: r.member_id,
        amount: r.amount,
        at: r.at,
        reason: r.reason as Charge['reason'],
      }));
    },
    async insertInvoices(invoices) {
      writable();
      for (const i of invoices)
        run(
          'INSERT INTO seatkit_invoices (account_id, amount, seats, date) VALUES (?, ?, ?, ?)',
          accountId,
          i.amount,
          i.seats,
          i.date,
        );
    },
    async invoices() {
      return all<Invoice>(
        'SELECT amount, seats, date FROM seatkit_invoices WHERE account_id = ? ORDER BY rowid',
        accountId,
      );
    },

    async completeIdempotency(scope, key, fingerprint, response) {
      writable();
      // The claim's time is kept; a key whose claim was swept meanwhile is kept as claimed at 0.
      run(
        `INSERT INTO seatkit_idempotency (account_id, member_id, key, fingerprint, claimed_at, status, body)
         VALUES (?, ?, ?, ?, 0, ?, ?)
         ON CONFLICT (account_id, member_id, key) DO UPDATE SET
           fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body`,
        accountId,
        scope.memberId,
        key,
        fingerprint,
        response.status,
        JSON.stringify(response.body ?? null),
      );
    },
  };
}
