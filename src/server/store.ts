// The storage interface of the server engine. The engine decides every rule; a store only keeps
// records, answers questions about them and makes a transaction atomic. Every call is scoped to
// one account: a transaction is opened for an account and can see nothing else.
//
// Three implementations ship: memoryStore() (the mock, the demo, the in-process adapter),
// sqliteStore() (seatkit/server/sqlite) and postgresStore() (seatkit/server/postgres). An
// integrator may implement it over their own tables; docs/server.md says what each call must do,
// and the conformance suite proves it.
import type {
  Assignee,
  BillingPeriod,
  Charge,
  Invoice,
  MemberStatus,
  Role,
  SortKey,
} from '../schemas/index.js';

export interface AccountRecord {
  id: string;
  planId: string;
  period: BillingPeriod;
  /** The first cycle's start: renewals fall on anchor + k periods. */
  anchor: Date;
  cycleStart: Date;
  /** Exclusive: the next renewal. */
  cycleEnd: Date;
  /** Seats paid this cycle (only grows until the renewal recomputes it). */
  paidSeats: number;
  /** The owner's password as stored: `plain:…` (demo and tests) or `pbkdf2-sha256:…` (see password.ts). */
  credential: string;
  transferFailures: number;
  transferLockedUntil: Date | null;
  /** SMS conversations moved to the shared team inbox by removals. */
  teamInbox: number;
  /** Recordings of removed members, kept on the account. */
  keptRecordings: number;
  teamIntegrations: string[];
  /** Charges recorded so far (charge ids are `ch-<n>`). */
  chargeCount: number;
  /** Demo and test state, read only when the engine's controls are on: the clock and who is signed in. */
  testNow: Date | null;
  actorId: string | null;
}

export interface MemberRecord {
  id: string;
  name: string;
  /** As typed (trimmed). */
  email: string;
  /** Trimmed, NFC, lower-cased: the identity every comparison uses. */
  canonical: string;
  /** Name order key (see rules/order.ts), computed by the engine so every store sorts alike. */
  nameKey: string;
  role: Role;
  status: MemberStatus;
  version: number;
  recordings: number;
  smsConversations: number;
  campaigns: string[];
  personalIntegrations: string[];
}

export interface InvitationRecord {
  id: string;
  email: string;
  canonical: string;
  role: Role;
  phoneNumber: string | null;
  /**
   * Where `phoneNumber` rang when the inviter confirmed moving it to the invitee; on acceptance
   * it moves only if it still rings there. Null: it was unassigned (or there is no number).
   */
  numberFrom: Assignee | null;
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  version: number;
}

export interface NumberRecord {
  number: string;
  assignee: Assignee | null;
}

export interface RingGroupRecord {
  id: string;
  name: string;
}

/** A position in the list order: the sort's rank, the name key, the id. */
export interface EntryKey {
  rank: number;
  nameKey: string;
  id: string;
}

export interface EntryQuery {
  /** Lower-cased, trimmed; matches inside the name key or the canonical email. */
  search: string | null;
  role: Role | null;
  status: 'active' | 'deactivated' | 'pending' | 'expired' | null;
  sort: SortKey;
  direction: 'asc' | 'desc';
  /** Entries strictly after this key, in the query's order. */
  after: EntryKey | null;
  limit: number;
  /** Decides whether an open invitation is pending or expired. */
  now: Date;
  /** False for viewers who may not see invitations: members only. */
  invitations: boolean;
}

export type EntryRecord =
  { kind: 'member'; member: MemberRecord } | { kind: 'invitation'; invitation: InvitationRecord };

export interface EntryPage {
  /** At most `limit` entries, in order. */
  entries: EntryRecord[];
  /** Whether more entries follow the last one. */
  more: boolean;
  /** Entries matching the filters in all pages. */
  total: number;
}

export interface IdempotencyScope {
  accountId: string;
  memberId: string;
}

/** A response kept for an Idempotency-Key. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  | { state: 'claimed' }
  /** Another request with this key is being answered right now. */
  | { state: 'in_flight' }
  | { state: 'done'; fingerprint: string; response: StoredResponse };

/** What one account's transaction can read and write. Every method is scoped to the account. */
export interface AccountTx {
  readonly accountId: string;

  /** Null when the account does not exist. In a write transaction the account is locked. */
  account(): Promise<AccountRecord | null>;
  updateAccount(patch: Partial<Omit<AccountRecord, 'id'>>): Promise<void>;
  /** Deletes everything of the account (members, invitations, numbers, charges, keys, ids). */
  deleteAccount(): Promise<void>;
  createAccount(account: AccountRecord): Promise<void>;

  member(id: string): Promise<MemberRecord | null>;
  membersByCanonical(canonicals: readonly string[]): Promise<MemberRecord[]>;
  memberCounts(): Promise<{ active: number; deactivated: number }>;
  insertMembers(members: readonly MemberRecord[]): Promise<void>;
  updateMember(id: string, patch: Partial<Omit<MemberRecord, 'id'>>): Promise<void>;
  deleteMember(id: string): Promise<void>;
  /** Every member, in the order they were added (snapshots). */
  allMembers(): Promise<MemberRecord[]>;

  invitation(id: string): Promise<InvitationRecord | null>;
  /** Invitations neither accepted nor revoked (pending or expired) for these emails. */
  openInvitationsByCanonical(canonicals: readonly string[]): Promise<InvitationRecord[]>;
  /** Open invitations not expired at `now`: they hold a seat of capacity. */
  countPendingInvitations(now: Date): Promise<number>;
  insertInvitations(invitations: readonly InvitationRecord[]): Promise<void>;
  updateInvitation(id: string, patch: Partial<Omit<InvitationRecord, 'id'>>): Promise<void>;
  /** Every invitation, open or closed, in the order they were created (snapshots). */
  allInvitations(): Promise<InvitationRecord[]>;

  /** Members and open invitations in list order (rules/order.ts), a page at a time. */
  listEntries(query: EntryQuery): Promise<EntryPage>;

  /** Every number on the account, in the order they were added. */
  phoneNumbers(): Promise<NumberRecord[]>;
  phoneNumbersIn(numbers: readonly string[]): Promise<NumberRecord[]>;
  /** The numbers ringing each of these members. */
  numbersOfMembers(memberIds: readonly string[]): Promise<Map<string, string[]>>;
  insertPhoneNumbers(numbers: readonly NumberRecord[]): Promise<void>;
  setAssignee(number: string, assignee: Assignee | null): Promise<void>;

  ringGroups(): Promise<RingGroupRecord[]>;
  ringGroup(id: string): Promise<RingGroupRecord | null>;
  insertRingGroups(groups: readonly RingGroupRecord[]): Promise<void>;

  /**
   * Reserves ids for good (an id once handed out is never handed out again in the account, even
   * after its member is removed). Returns the ids that were free and are now reserved.
   */
  reserveIds(ids: readonly string[]): Promise<Set<string>>;
  /** Every id ever reserved (snapshots). */
  reservedIds(): Promise<string[]>;

  insertCharge(charge: Charge): Promise<void>;
  charges(): Promise<Charge[]>;
  insertInvoices(invoices: readonly Invoice[]): Promise<void>;
  invoices(): Promise<Invoice[]>;

  /** Keeps the response for a claimed key, in the same transaction as the change it answers. */
  completeIdempotency(
    scope: IdempotencyScope,
    key: string,
    fingerprint: string,
    response: StoredResponse,
  ): Promise<void>;
}

export interface SeatkitStore {
  /**
   * Runs `work` in one transaction on one account: all of it or none of it. `write`
   * transactions of one account run one at a time, across every process sharing the store
   * (the last free seat can be taken once); `read` transactions see one consistent state.
   * A rejection of `work` rolls back and is passed on.
   */
  transaction<T>(
    accountId: string,
    mode: 'read' | 'write',
    work: (tx: AccountTx) => Promise<T>,
  ): Promise<T>;

  /**
   * Claims an Idempotency-Key before its request runs. A key claimed and not completed within
   * `inFlightMs` counts as abandoned (its process died) and may be claimed again; a completed
   * key is kept until `retainMs` after it was claimed. `now` is the engine's clock.
   */
  claimIdempotency(
    scope: IdempotencyScope,
    key: string,
    fingerprint: string,
    now: Date,
    limits: { inFlightMs: number; retainMs: number },
  ): Promise<IdempotencyClaim>;
  /** Forgets a claimed key whose request was refused (nothing changed: a retry runs again). */
  releaseIdempotency(scope: IdempotencyScope, key: string): Promise<void>;

  close?(): Promise<void>;
}
