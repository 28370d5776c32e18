import type { ReadOptions, SeatkitAdapter } from '../api/adapter.js';
import { ERROR_TRAITS } from '../api/error-traits.js';
import { SeatkitError, isSeatkitError } from '../api/errors.js';
import { newIdempotencyKey } from '../api/idempotency-key.js';
import {
  decide as decideRule,
  lowestPlanWithRole,
  planAllowsRole,
  type Action,
  type Decision,
  type NumberHolder,
  type Target,
  type TeamSnapshot,
} from '../rules/index.js';
import type {
  Assignee,
  BatchAction,
  BatchInput,
  BatchOutcome,
  BatchPreview,
  BillingSummary,
  BulkInviteResult,
  Change,
  ErrorCode,
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
  TeamEntry,
  TransferResult,
} from '../schemas/index.js';
import { MAX_BATCH_ITEMS } from '../schemas/constants.js';
// From the schemas, not the rules' index: only the function, not the email checks behind it.
import { canonicalEmail } from '../schemas/email.js';
import { EntryList } from './entry-list.js';
import { Overlay, type Edit } from './overlay.js';

/** What a bulk action takes besides its items: the role to give, where removed members' numbers go. */
export interface BatchOptions {
  role?: Role;
  reassignTo?: Assignee | null;
}

/** What became of one item of a bulk action. */
export type BulkOutcome =
  | BatchOutcome
  /** Its request failed (the network, the server): the item may be tried again. */
  | { id: string; outcome: 'failed'; code: ErrorCode; message: string };

/** How each bulk action shows at once, before the backend answers (resend waits for it). */
const BATCH_EDITS: Record<BatchAction, (input: BatchOptions) => Edit<TeamEntry> | null> = {
  changeRole:
    ({ role }) =>
    (e) =>
      e?.kind === 'member' && role ? { ...e, role } : e,
  resend: () => null,
  revoke: () => () => undefined,
  deactivate: () => (e) => (e?.kind === 'member' ? { ...e, status: 'deactivated' } : e),
  reactivate: () => (e) => (e?.kind === 'member' ? { ...e, status: 'active' } : e),
  remove: () => () => undefined,
};

export type StoreStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface TeamStoreOptions {
  /** Entries fetched per request while walking the cursor (default 200, the HTTP contract's maximum). */
  pageSize?: number;
}

export interface IdempotentOptions {
  /**
   * The Idempotency-Key to send. Leave it out: the store keeps one per intended change (the same
   * input sent again after an unknown outcome is the same request) and makes a new one after
   * the outcome is known.
   */
  idempotencyKey?: string;
  /**
   * What makes two calls the same intended change, when comparing the bodies would be costly (the
   * bulk dialog: its file and the rows it leaves out). Default: the request body itself.
   */
  sameAs?: string;
  signal?: AbortSignal;
}

/**
 * One intended change (operation + target + request body): its Idempotency-Key and the version
 * first sent, kept until its outcome is known, so the user's retry is the same request again.
 */
interface Intent {
  readonly signature: string;
  readonly target: string;
  readonly idempotencyKey: string;
  readonly version: number;
}

/** The optimistic edits of one change, by entry id and by phone number. */
interface Edits {
  entries?: readonly (readonly [id: string, edit: Edit<TeamEntry>])[];
  numbers?: readonly (readonly [number: string, edit: Edit<PhoneNumber>])[];
}

/** What the backend answered for the entries and numbers a change touched. */
interface Answer {
  entries?: readonly (readonly [id: string, entry: TeamEntry | undefined])[];
  numbers?: readonly (readonly [number: string, value: PhoneNumber | undefined])[];
}

const gone = (): undefined => undefined;

function toSeatkitError(error: unknown): SeatkitError {
  if (isSeatkitError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError')
    return new SeatkitError('aborted', 'The request was cancelled.', { cause: error });
  return new SeatkitError('server_error', 'Unexpected error.', { cause: error });
}

/** Agents and supervisors may not read billing or numbers: that is not a load failure. */
async function unlessForbidden<T, F>(request: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await request;
  } catch (error) {
    if (isSeatkitError(error) && error.code === 'forbidden') return fallback;
    throw error;
  }
}

/**
 * The client-side state of one team, shared by every Seatkit element in a page region.
 * Dispatches `change` (a plain Event) on every state change. Changes show at once
 * (optimistically); when the backend refuses one, that change's own edits are taken back (never
 * anything another change made) and the refusal is re-thrown as a SeatkitError so the caller can
 * show the reason. After a failure whose outcome is unknown the list is reloaded to show what the
 * backend holds; a reload reads on the side and swaps.
 */
export class TeamStore extends EventTarget {
  readonly adapter: SeatkitAdapter;
  private readonly pageSize: number;
  private readonly list = new EntryList();
  private _viewer: Member | null = null;
  private _status: StoreStatus = 'idle';
  private _error: SeatkitError | null = null;
  private _billing: BillingSummary | null = null;
  private _phoneNumbers: readonly PhoneNumber[] = [];
  private _ringGroups: readonly RingGroup[] = [];
  private _total = 0;
  private _complete = false;
  private loading: Promise<void> | null = null;
  private generation = 0;
  /**
   * Entries the backend confirmed (a change's answer) while a load is reading pages: a page read
   * before the change must not bring back what it replaced. `undefined` = removed.
   */
  private journal: Map<string, TeamEntry | undefined> | null = null;
  private readonly entryEdits = new Overlay<TeamEntry>(
    (id) => this.list.get(id),
    (id, entry) => (entry ? this.list.upsert(entry) : this.list.remove(id)),
  );
  private readonly numberEdits = new Overlay<PhoneNumber>(
    (number) => this._phoneNumbers.find((n) => n.number === number),
    (number, value) => {
      const others = this._phoneNumbers.filter((n) => n.number !== number);
      const at = this._phoneNumbers.findIndex((n) => n.number === number);
      if (!value) this._phoneNumbers = others;
      else if (at === -1) this._phoneNumbers = [...others, value];
      else this._phoneNumbers = this._phoneNumbers.map((n, i) => (i === at ? value : n));
    },
  );
  private abort: AbortController | null = null;
  private snapshotCache: {
    entries: readonly TeamEntry[];
    billing: BillingSummary;
    numbers: readonly PhoneNumber[];
    groups: readonly RingGroup[];
    viewer: Member | null;
    snapshot: TeamSnapshot;
  } | null = null;

  constructor(adapter: SeatkitAdapter, options: TeamStoreOptions = {}) {
    super();
    this.adapter = adapter;
    this.pageSize = options.pageSize ?? 200;
  }

  get viewer(): Member | null {
    return this._viewer;
  }
  /** Every member and open or expired invitation loaded so far (all pages); a new array on each change. */
  get entries(): readonly TeamEntry[] {
    return this.list.entries;
  }
  get status(): StoreStatus {
    return this._status;
  }
  get error(): SeatkitError | null {
    return this._error;
  }
  get billing(): BillingSummary | null {
    return this._billing;
  }
  get phoneNumbers(): readonly PhoneNumber[] {
    return this._phoneNumbers;
  }
  get ringGroups(): readonly RingGroup[] {
    return this._ringGroups;
  }
  /** How many entries the backend reported in all pages. */
  get total(): number {
    return this._complete ? this.list.entries.length : this._total;
  }
  /** True once every page has been loaded. */
  get complete(): boolean {
    return this._complete;
  }

  /** Finds a loaded entry by id. */
  entry(id: string): TeamEntry | undefined {
    return this.list.get(id);
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }

  /** Loads everything once; later calls reuse the result; concurrent calls share one promise. */
  load(): Promise<void> {
    if (this.loading) return this.loading;
    if (this._status === 'ready') return Promise.resolve();
    this.loading = this.loadAll().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Reloads everything (Retry, or after someone else changed the team). */
  refresh(): Promise<void> {
    this.abort?.abort();
    this.loading = null;
    if (this._status !== 'ready') this._status = 'idle';
    this.loading = this.loadAll().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /**
   * The first load shows each page as it arrives. A reload (the list is showing) reads every page
   * on the side and swaps the new list in when it is complete: the list never shrinks to a first
   * page, `complete` stays true and a scrolled list keeps its place. Either way, what a change
   * confirmed while the pages were read, and the edits still in flight, are kept over the pages.
   */
  private async loadAll(): Promise<void> {
    const generation = ++this.generation;
    const controller = new AbortController();
    this.abort = controller;
    const signal = controller.signal;
    const onTheSide = this._status === 'ready';
    this.journal = new Map();
    if (!onTheSide) {
      this._status = 'loading';
      this._error = null;
      this.emit();
    }
    try {
      const [viewer, billing, numbers, groups, first] = await Promise.all([
        this.adapter.getViewer({ signal }),
        unlessForbidden(this.adapter.getBillingSummary({ signal }), null),
        unlessForbidden(this.adapter.listPhoneNumbers({ signal }), []),
        unlessForbidden(this.adapter.listRingGroups({ signal }), []),
        this.adapter.listTeam({ limit: this.pageSize }, { signal }),
      ]);
      if (generation !== this.generation) return;
      const show = () => {
        this._viewer = viewer.member;
        this._billing = billing;
        this.replaceNumbers(numbers);
        this._ringGroups = groups;
      };
      let cursor = first.nextCursor;
      let total = first.total;
      if (onTheSide) {
        const fresh: TeamEntry[] = [...first.items];
        while (cursor !== null) {
          const page = await this.adapter.listTeam({ limit: this.pageSize, cursor }, { signal });
          if (generation !== this.generation) return;
          for (const item of page.items) fresh.push(item);
          cursor = page.nextCursor;
          total = page.total;
        }
        show();
        this._total = total;
        this._complete = true;
        this.list.replace(this.absorb(fresh, true));
        this.reapplyEdits();
        this.journal = null;
        this._error = null;
        this.emit();
        return;
      }
      show();
      this._total = total;
      this._complete = cursor === null;
      this.list.replace(this.absorb(first.items, true));
      this.reapplyEdits();
      this._status = 'ready';
      this._error = null;
      this.emit();
      // Large teams arrive in many pages: append them (only the new ones are indexed) and show
      // them at most every 100 ms and at the end, not re-render after each of 500 pages.
      let pending: TeamEntry[] = [];
      let shownAt = performance.now();
      while (cursor !== null) {
        const page = await this.adapter.listTeam({ limit: this.pageSize, cursor }, { signal });
        if (generation !== this.generation) return;
        for (const item of page.items) pending.push(item);
        cursor = page.nextCursor;
        this._total = page.total;
        if (cursor !== null && performance.now() - shownAt < 100) continue;
        this._complete = cursor === null;
        this.list.append(this.absorb(pending, false));
        this.reapplyEdits(pending);
        pending = [];
        this.emit();
        shownAt = performance.now();
      }
      this.journal = null;
    } catch (error) {
      if (generation !== this.generation) return;
      this.journal = null;
      const problem = toSeatkitError(error);
      if (problem.code === 'aborted') return;
      this._error = problem;
      if (!onTheSide || this._status !== 'ready') this._status = 'error';
      this.emit();
      throw problem;
    }
  }

  /**
   * Pages as the backend sent them, less what they cannot know yet: an entry whose removal was
   * confirmed while they were read, and an older version of one a change confirmed meanwhile.
   */
  private absorb(items: readonly TeamEntry[], whole: boolean): readonly TeamEntry[] {
    const journal = this.journal;
    if (!journal || journal.size === 0) return items;
    const out: TeamEntry[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(item.id);
      if (!journal.has(item.id)) out.push(item);
      else {
        const ours = journal.get(item.id);
        if (ours) out.push(ours.version > item.version ? ours : item);
      }
    }
    // Created meanwhile (an invitation sent) and missing from a list that replaces the shown
    // one: the pages were read before it existed.
    if (whole) for (const [id, ours] of journal) if (ours && !seen.has(id)) out.push(ours);
    return out;
  }

  /** After the shown list was replaced or extended: the edits in flight show on top again. */
  private reapplyEdits(items?: readonly TeamEntry[]): void {
    const ids = items ? new Set(items.map((e) => e.id)) : null;
    for (const id of this.entryEdits.pendingKeys())
      if (!ids || ids.has(id)) this.entryEdits.confirm(id, this.list.get(id));
  }

  /** The account's numbers as the backend sent them, with the number edits in flight on top. */
  private replaceNumbers(numbers: readonly PhoneNumber[]): void {
    this._phoneNumbers = numbers;
    for (const number of this.numberEdits.pendingKeys())
      this.numberEdits.confirm(
        number,
        numbers.find((n) => n.number === number),
      );
  }

  /** The backend's answer for entries: shown (under edits in flight) and kept over older pages. */
  private confirmEntries(entries: Iterable<readonly [string, TeamEntry | undefined]>): void {
    for (const [id, entry] of entries) {
      this.entryEdits.confirm(id, entry);
      this.journal?.set(id, entry);
    }
  }

  /**
   * Plan, members, invitations and who each number rings, as the rules' invite validation needs
   * them: the dialogs decide with the same function, on the same facts, as the backend.
   */
  teamSnapshot(): TeamSnapshot {
    const billing = this.requireBilling();
    // Elements ask on every render and keystroke: build it again only when the team changed.
    const cached = this.snapshotCache;
    if (
      cached?.entries === this.list.entries &&
      cached.billing === billing &&
      cached.numbers === this._phoneNumbers &&
      cached.groups === this._ringGroups &&
      cached.viewer === this._viewer
    )
      return cached.snapshot;
    const members: { email: string; status: Member['status'] }[] = [];
    const invitations: { email: string; status: Invitation['status'] }[] = [];
    for (const entry of this.list.entries) {
      if (entry.kind === 'member') members.push({ email: entry.email, status: entry.status });
      else invitations.push({ email: entry.email, status: entry.status });
    }
    const max = billing.plan.maxSeats;
    const snapshot: TeamSnapshot = {
      plan: billing.plan,
      members,
      invitations,
      phoneNumbers: this._phoneNumbers.map((n) => n.number),
      numberHolders: this.numberHolders(),
      viewerIsOwner: this._viewer?.role === 'owner',
      capacityLeft:
        max === null ? null : Math.max(0, max - billing.activeSeats - billing.pendingInvitations),
    };
    this.snapshotCache = {
      entries: this.list.entries,
      billing,
      numbers: this._phoneNumbers,
      groups: this._ringGroups,
      viewer: this._viewer,
      snapshot,
    };
    return snapshot;
  }

  /**
   * Who each assigned number rings now, by name, as the backend names them (a member not loaded
   * yet by their id; the viewer is always known, so an owner viewer's own numbers are theirs).
   */
  private numberHolders(): Map<string, NumberHolder> {
    const holders = new Map<string, NumberHolder>();
    for (const { number, assignee } of this._phoneNumbers) {
      if (!assignee) continue;
      if (assignee.type === 'ringGroup') {
        const group = this._ringGroups.find((g) => g.id === assignee.ringGroupId);
        holders.set(number, { name: group?.name ?? 'a ring group', owner: false });
        continue;
      }
      const entry = this.list.get(assignee.memberId);
      const holder =
        entry?.kind === 'member'
          ? entry
          : this._viewer?.id === assignee.memberId
            ? this._viewer
            : null;
      holders.set(number, {
        name: holder?.name ?? assignee.memberId,
        owner: holder?.role === 'owner',
      });
    }
    return holders;
  }

  /**
   * What the viewer may do (rules.decide with the viewer and the plan). Reactivating also needs
   * the plan to offer the member's role, as the backend checks next (a downgrade can leave a
   * deactivated supervisor on Team).
   */
  decide(action: Action, target?: Target, newRole?: Role): Decision {
    const viewer = this._viewer;
    if (!viewer) return { allowed: false, code: 'unauthenticated', reason: 'Not signed in.' };
    const context: Parameters<typeof decideRule>[2] = {};
    if (target) context.target = target;
    if (newRole) context.newRole = newRole;
    const plan = this._billing?.plan;
    if (plan) context.plan = plan;
    const decision = decideRule(
      { id: viewer.id, role: viewer.role, status: viewer.status },
      action,
      context,
    );
    if (decision.allowed && action === 'reactivateMember' && target && plan) {
      if (!planAllowsRole(plan, target.role)) {
        const role = `${target.role.charAt(0).toUpperCase()}${target.role.slice(1)}`;
        const needed = lowestPlanWithRole(target.role)?.name ?? 'another';
        return {
          allowed: false,
          code: 'role_not_on_plan',
          reason: `${role} needs the ${needed} plan or above. Change their role first.`,
        };
      }
    }
    return decision;
  }

  quote(change: Change, options?: ReadOptions): Promise<Quote> {
    return this.adapter.quote(change, options);
  }

  getRemovalImpact(memberId: string, options?: ReadOptions): Promise<RemovalImpact> {
    return this.adapter.getRemovalImpact(memberId, options);
  }

  async invite(input: InviteInput, options: IdempotentOptions = {}): Promise<Invitation> {
    const intent = this.intent('invite', canonicalEmail(input.email), input, 0, options);
    const invitation = await this.run(
      () =>
        this.adapter.invite(input, {
          idempotencyKey: intent.idempotencyKey,
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      intent,
    );
    this.confirmEntries([[invitation.id, invitation]]);
    this.emit();
    await this.refreshBilling();
    return invitation;
  }

  async bulkInvite(
    rows: InviteInput[],
    options: IdempotentOptions = {},
  ): Promise<BulkInviteResult> {
    const intent = this.intent('bulkInvite', '', rows, 0, options);
    const result = await this.run(
      () =>
        this.adapter.bulkInvite(rows, {
          idempotencyKey: intent.idempotencyKey,
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      intent,
    );
    this.confirmEntries(result.invitations.map((i) => [i.id, i] as const));
    this.emit();
    await this.refreshBilling();
    return result;
  }

  async resendInvitation(id: string): Promise<Invitation> {
    const current = this.requireEntry(id, 'invitation');
    const intent = this.intent('resendInvitation', id, null, current.version);
    const invitation = await this.run(
      () =>
        this.adapter.resendInvitation(id, {
          version: intent.version,
          idempotencyKey: intent.idempotencyKey,
        }),
      intent,
    );
    this.confirmEntries([[invitation.id, invitation]]);
    this.emit();
    await this.refreshBilling();
    return invitation;
  }

  async revokeInvitation(id: string): Promise<Invitation> {
    const current = this.requireEntry(id, 'invitation');
    const intent = this.intent('revokeInvitation', id, null, current.version);
    const invitation = await this.optimistic(
      { entries: [[id, gone]] },
      () =>
        this.adapter.revokeInvitation(id, {
          version: intent.version,
          idempotencyKey: intent.idempotencyKey,
        }),
      intent,
      () => ({ entries: [[id, undefined]] }),
    );
    await this.refreshBilling();
    return invitation;
  }

  async changeRole(memberId: string, role: Role): Promise<Member> {
    const current = this.requireEntry(memberId, 'member');
    const intent = this.intent('changeRole', memberId, role, current.version);
    return this.optimistic(
      { entries: [[memberId, (e) => (e?.kind === 'member' ? { ...e, role } : e)]] },
      () =>
        this.adapter.changeRole(memberId, role, {
          version: intent.version,
          idempotencyKey: intent.idempotencyKey,
        }),
      intent,
      (member) => ({ entries: [[member.id, member]] }),
    );
  }

  async assignPhoneNumber(number: string, assignee: Assignee | null): Promise<PhoneNumber> {
    // Whoever holds the number (as confirmed, and as shown) and whoever gets it.
    const holders = new Set(
      [
        this.numberEdits.current(number)?.assignee,
        this._phoneNumbers.find((n) => n.number === number)?.assignee,
        assignee,
      ].flatMap((a) => (a?.type === 'member' ? [a.memberId] : [])),
    );
    const intent = this.intent('assignPhoneNumber', number, assignee);
    // The number moves: off whoever holds it, onto the new assignee (each member's own list).
    const memberEdit: (id: string) => Edit<TeamEntry> = (id) => (e) => {
      if (e?.kind !== 'member') return e;
      const others = e.phoneNumbers.filter((n) => n !== number);
      const gets = assignee?.type === 'member' && assignee.memberId === id;
      return { ...e, phoneNumbers: gets ? [...others, number] : others };
    };
    return this.optimistic(
      {
        numbers: [[number, () => ({ number, assignee })]],
        entries: [...holders].map((id) => [id, memberEdit(id)] as const),
      },
      () =>
        this.adapter.assignPhoneNumber(number, assignee, {
          idempotencyKey: intent.idempotencyKey,
        }),
      intent,
      (result) => ({ numbers: [[result.number, result]] }),
    );
  }

  async removeMember(memberId: string, reassignTo: Assignee | null): Promise<RemovalResult> {
    const current = this.requireEntry(memberId, 'member');
    const intent = this.intent('removeMember', memberId, reassignTo, current.version);
    const result = await this.optimistic(
      { entries: [[memberId, gone]] },
      () =>
        this.adapter.removeMember(memberId, {
          version: intent.version,
          idempotencyKey: intent.idempotencyKey,
          reassignTo,
        }),
      intent,
      () => ({ entries: [[memberId, undefined]] }),
    );
    await Promise.all([this.refreshBilling(), this.refreshNumbers()]);
    if (reassignTo?.type === 'member') {
      const target = this.entryEdits.current(reassignTo.memberId);
      if (target?.kind === 'member') {
        const numbers = new Set([...target.phoneNumbers, ...result.unassignedNumbers]);
        this.confirmEntries([[target.id, { ...target, phoneNumbers: [...numbers] }]]);
        this.emit();
      }
    }
    return result;
  }

  deactivateMember(memberId: string): Promise<MemberChangeResult> {
    return this.setStatus(memberId, 'deactivated');
  }

  reactivateMember(memberId: string): Promise<MemberChangeResult> {
    return this.setStatus(memberId, 'active');
  }

  private async setStatus(memberId: string, status: Member['status']): Promise<MemberChangeResult> {
    const current = this.requireEntry(memberId, 'member');
    const operation = status === 'active' ? 'reactivateMember' : 'deactivateMember';
    const intent = this.intent(operation, memberId, null, current.version);
    const options = { version: intent.version, idempotencyKey: intent.idempotencyKey };
    const result = await this.optimistic(
      { entries: [[memberId, (e) => (e?.kind === 'member' ? { ...e, status } : e)]] },
      () =>
        status === 'active'
          ? this.adapter.reactivateMember(memberId, options)
          : this.adapter.deactivateMember(memberId, options),
      intent,
      (answer) => ({ entries: [[answer.member.id, answer.member]] }),
    );
    await this.refreshBilling();
    return result;
  }

  /** What a bulk action on these entries would do, decided by the backend as the action itself. */
  previewBatch(
    action: BatchAction,
    ids: readonly string[],
    input: BatchOptions = {},
    options?: ReadOptions,
  ): Promise<BatchPreview> {
    return this.adapter.previewBatch(this.batchInput(action, ids, input), options);
  }

  /**
   * One action on many entries, shown at once and sent in requests of at most MAX_BATCH_ITEMS,
   * each with its own Idempotency-Key (the same again when the same items are retried). Every
   * item comes back done, refused (with the backend's reason; its change is taken back), or
   * failed (its request failed: it may be retried, and a retry never repeats an item that was
   * done, since the backend replays what it already did for that key).
   */
  async batch(
    action: BatchAction,
    ids: readonly string[],
    input: BatchOptions = {},
  ): Promise<BulkOutcome[]> {
    const outcomes: BulkOutcome[] = [];
    for (let start = 0; start < ids.length; start += MAX_BATCH_ITEMS) {
      const chunk = ids.slice(start, start + MAX_BATCH_ITEMS);
      // One intention per request: the same items retried are the same request, sent again as
      // first sent (the versions then), with the same key.
      const intent = this.intent('batch', JSON.stringify([action, chunk]), [
        input.role,
        input.reassignTo,
      ]);
      const body = this.batchBodies.get(intent) ?? this.batchInput(action, chunk, input);
      this.batchBodies.set(intent, body);
      const owners = new Map(chunk.map((id) => [id, {}]));
      const edit = BATCH_EDITS[action](input);
      if (edit) for (const [id, owner] of owners) this.entryEdits.add(owner, id, edit);
      this.emit();
      try {
        const { results } = await this.run(
          () => this.adapter.batch(body, { idempotencyKey: intent.idempotencyKey }),
          intent,
        );
        for (const result of results) {
          const owner = owners.get(result.id) ?? {};
          if (result.outcome === 'refused') {
            this.entryEdits.drop(owner);
            outcomes.push(result);
            continue;
          }
          const answer: [string, TeamEntry | undefined][] = [
            [
              result.id,
              result.entry &&
              result.entry.kind === 'invitation' &&
              result.entry.status === 'revoked'
                ? undefined
                : (result.entry ?? undefined),
            ],
          ];
          const confirmed = this.entryEdits.commit(owner, new Map(answer));
          for (const [id, entry] of confirmed) this.journal?.set(id, entry);
          outcomes.push(result);
        }
      } catch (error) {
        const problem = toSeatkitError(error);
        for (const [id, owner] of owners) {
          this.entryEdits.drop(owner);
          outcomes.push({ id, outcome: 'failed', code: problem.code, message: problem.message });
        }
      }
      this.emit();
    }
    await Promise.all([
      this.refreshBilling(),
      action === 'remove' ? this.refreshNumbers() : Promise.resolve(),
    ]);
    return outcomes;
  }

  /** The request first sent for each bulk intention (a retry sends it again as it was). */
  private readonly batchBodies = new WeakMap<Intent, BatchInput>();

  private batchInput(action: BatchAction, ids: readonly string[], input: BatchOptions): BatchInput {
    return {
      action,
      ...(input.role ? { role: input.role } : {}),
      ...(input.reassignTo !== undefined ? { reassignTo: input.reassignTo } : {}),
      items: ids.map((id) => ({ id, version: this.list.get(id)?.version ?? 0 })),
    };
  }

  async transferOwnership(memberId: string, password: string): Promise<TransferResult> {
    // The password is not part of the intention (and is not kept): a wrong one is refused, and a
    // refusal forgets the intent, so the next attempt gets a new key.
    const intent = this.intent('transferOwnership', memberId, null);
    const result = await this.run(
      () =>
        this.adapter.transferOwnership(memberId, password, {
          idempotencyKey: intent.idempotencyKey,
        }),
      intent,
    );
    this.confirmEntries([
      [result.newOwner.id, result.newOwner],
      [result.previousOwner.id, result.previousOwner],
    ]);
    if (this._viewer?.id === result.previousOwner.id) this._viewer = result.previousOwner;
    if (this._viewer?.id === result.newOwner.id) this._viewer = result.newOwner;
    this.emit();
    return result;
  }

  /** Re-reads the billing summary; a failure keeps the previous one. */
  async refreshBilling(): Promise<void> {
    if (!this._billing) return;
    try {
      this._billing = await this.adapter.getBillingSummary();
      this.emit();
    } catch {
      // The change itself succeeded; the summary catches up on the next refresh.
    }
  }

  private async refreshNumbers(): Promise<void> {
    try {
      this.replaceNumbers(await this.adapter.listPhoneNumbers());
      this.emit();
    } catch {
      // As above.
    }
  }

  /** Intended changes whose outcome is not known yet, by signature. */
  private readonly intents = new Map<string, Intent>();

  /**
   * The Idempotency-Key and version for a change: the same operation, target and body as an
   * earlier attempt whose outcome is unknown get that attempt's, so the backend replays it —
   * unless the target has changed more than that attempt could have changed it (`version`, the
   * one shown now, is past the one the attempt sent and the one it made): then it is a new change.
   * A key the caller chose is used as it is.
   */
  private intent(
    operation: string,
    target: string,
    body: unknown,
    version = 0,
    options: IdempotentOptions = {},
  ): Intent {
    const signature = JSON.stringify([operation, target, options.sameAs ?? body ?? null]);
    if (options.idempotencyKey)
      return { signature, target, idempotencyKey: options.idempotencyKey, version };
    let intent = this.intents.get(signature);
    if (!intent || version > intent.version + 1) {
      intent = { signature, target, idempotencyKey: newIdempotencyKey(), version };
      this.intents.set(signature, intent);
    }
    return intent;
  }

  /**
   * Runs a request. The `intent` is forgotten once its outcome is known (any other change of the
   * same target succeeding makes a new intention too). A failure after which the list may be
   * stale (a version conflict, a refusal because the target changed) or whose outcome is unknown
   * (the answer was lost or unreadable: the change may have been applied) reloads the team, so
   * the list shows what the backend holds; ERROR_TRAITS says which.
   */
  private async run<T>(request: () => Promise<T>, intent?: Intent): Promise<T> {
    try {
      const result = await request();
      if (intent)
        for (const [signature, other] of this.intents)
          if (other.target === intent.target) this.intents.delete(signature);
      return result;
    } catch (error) {
      const problem = toSeatkitError(error);
      const traits = ERROR_TRAITS[problem.code];
      if (intent && !traits?.keepIntent && this.intents.get(intent.signature) === intent)
        this.intents.delete(intent.signature);
      if (traits?.reloadAfter) void this.refresh().catch(() => undefined);
      throw problem;
    }
  }

  /**
   * Shows a change at once (its `edits`), then sends `request`. On success the backend's answer
   * (`answered`) becomes the confirmed value of what it names and the change's other edits are
   * kept as made; on failure the change's own edits are taken back and nothing else: other
   * changes in flight, or already confirmed, keep showing.
   */
  private async optimistic<T>(
    edits: Edits,
    request: () => Promise<T>,
    intent: Intent,
    answered: (result: T) => Answer,
  ): Promise<T> {
    const change = {};
    for (const [id, edit] of edits.entries ?? []) this.entryEdits.add(change, id, edit);
    for (const [number, edit] of edits.numbers ?? []) this.numberEdits.add(change, number, edit);
    this.emit();
    let result: T;
    try {
      result = await this.run(request, intent);
    } catch (error) {
      this.entryEdits.drop(change);
      this.numberEdits.drop(change);
      this.emit();
      throw error;
    }
    const answer = answered(result);
    const confirmed = this.entryEdits.commit(change, new Map(answer.entries ?? []));
    for (const [id, entry] of confirmed) this.journal?.set(id, entry);
    this.numberEdits.commit(change, new Map(answer.numbers ?? []));
    this.emit();
    return result;
  }

  private requireBilling(): BillingSummary {
    if (!this._billing)
      throw new SeatkitError('not_found', 'The billing summary has not been loaded yet.');
    return this._billing;
  }

  private requireEntry<K extends TeamEntry['kind']>(
    id: string,
    kind: K,
  ): Extract<TeamEntry, { kind: K }> {
    const entry = this.list.get(id);
    if (!entry || entry.kind !== kind)
      throw new SeatkitError('not_found', `No ${kind} with id ${id} is loaded.`);
    return entry as Extract<TeamEntry, { kind: K }>;
  }
}
