import type {
  Assignee,
  BatchInput,
  BatchPreview,
  BatchResult,
  BillingSummary,
  BulkInviteResult,
  Change,
  EntryStatus,
  Invitation,
  InviteInput,
  Member,
  MemberChangeResult,
  PhoneNumber,
  Quote,
  RemovalImpact,
  RemovalResult,
  RingGroup,
  Role,
  SortKey,
  TeamPage,
  TransferResult,
  Viewer,
} from '../schemas/index.js';

/** Options every read takes. */
export interface ReadOptions {
  signal?: AbortSignal;
}

/** Options every change takes. */
export interface WriteOptions extends ReadOptions {
  /**
   * Identifies one intended change. Send the same key when retrying the same change, so the
   * backend applies it once. The HTTP adapter makes one up when it is missing.
   */
  idempotencyKey?: string;
}

/** Options of a change to an existing resource. */
export interface VersionedWriteOptions extends WriteOptions {
  /** The version the caller last saw; a stale one is refused with `version_conflict`. */
  version: number;
}

export interface TeamQuery {
  /** Matches name or email, case-insensitively. */
  search?: string;
  role?: Role;
  status?: EntryStatus;
  sort?: SortKey;
  direction?: 'asc' | 'desc';
  /** From the previous page's `nextCursor`. */
  cursor?: string;
  /** Page size; the backend may cap it. */
  limit?: number;
}

/**
 * The one contract between the elements and a backend. Every method rejects with a
 * `SeatkitError`. Implement it yourself, or use `createHttpAdapter` against a backend that
 * speaks `docs/openapi.json`, and prove it with the conformance suite (`seatkit/testing`).
 */
export interface SeatkitAdapter {
  /** The signed-in member. */
  getViewer(options?: ReadOptions): Promise<Viewer>;
  /** Members and open or expired invitations, a page at a time. */
  listTeam(query: TeamQuery, options?: ReadOptions): Promise<TeamPage>;
  listPhoneNumbers(options?: ReadOptions): Promise<PhoneNumber[]>;
  listRingGroups(options?: ReadOptions): Promise<RingGroup[]>;

  getBillingSummary(options?: ReadOptions): Promise<BillingSummary>;
  /** Prices a planned change without making it. */
  quote(change: Change, options?: ReadOptions): Promise<Quote>;

  invite(input: InviteInput, options?: WriteOptions): Promise<Invitation>;
  /** All valid rows in one atomic request; any invalid row refuses the whole request. */
  bulkInvite(invitations: InviteInput[], options?: WriteOptions): Promise<BulkInviteResult>;
  /** A fresh link; the 7 days start again. */
  resendInvitation(invitationId: string, options: VersionedWriteOptions): Promise<Invitation>;
  revokeInvitation(invitationId: string, options: VersionedWriteOptions): Promise<Invitation>;

  changeRole(memberId: string, role: Role, options: VersionedWriteOptions): Promise<Member>;
  /** Assigns a number to a member or a ring group, or unassigns it (`null`). */
  assignPhoneNumber(
    number: string,
    assignee: Assignee | null,
    options?: WriteOptions,
  ): Promise<PhoneNumber>;

  getRemovalImpact(memberId: string, options?: ReadOptions): Promise<RemovalImpact>;
  removeMember(
    memberId: string,
    options: VersionedWriteOptions & { reassignTo?: Assignee | null },
  ): Promise<RemovalResult>;
  deactivateMember(memberId: string, options: VersionedWriteOptions): Promise<MemberChangeResult>;
  reactivateMember(memberId: string, options: VersionedWriteOptions): Promise<MemberChangeResult>;

  /**
   * One action on many selected members or invitations (at most MAX_BATCH_ITEMS a request):
   * each item decided and applied on its own, in order, with the single action's rules; the
   * result says per item whether it was done or refused and why. One Idempotency-Key for all.
   */
  batch(input: BatchInput, options?: WriteOptions): Promise<BatchResult>;
  /** What `batch` would do, decided the same way: per item, the price together, the removals' consequences. */
  previewBatch(input: BatchInput, options?: ReadOptions): Promise<BatchPreview>;

  /** Only the owner, to an active member, confirmed with the owner's password. */
  transferOwnership(
    memberId: string,
    password: string,
    options?: WriteOptions,
  ): Promise<TransferResult>;
}
