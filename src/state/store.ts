import type { ReadOptions, SeatkitAdapter } from '../api/adapter.js';
import { SeatkitError, isSeatkitError, toSeatkitError } from '../api/errors.js';
import {
  decide as decideRule,
  type Action,
  type Decision,
  type NumberHolder,
  type Target,
  type TeamSnapshot,
} from '../rules/index.js';
import type {
  Assignee,
  BatchAction,
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
import type { Changes, StoreCore } from './changes.js';
import { EntryList } from './entry-list.js';

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
  /** What changes the team: its own chunk, loaded with the first change (see `preloadChanges`). */
  private changes: Changes | null = null;
  private changesLoading: Promise<Changes> | null = null;
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
        this.changes?.reapply();
        this.journal = null;
        this._error = null;
        this.emit();
        return;
      }
      show();
      this._total = total;
      this._complete = cursor === null;
      this.list.replace(this.absorb(first.items, true));
      this.changes?.reapply();
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
        this.changes?.reapply(pending);
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

  /** What the viewer may do: the rules' decide, with the viewer and the plan, as the backend decides. */
  decide(action: Action, target?: Target, newRole?: Role): Decision {
    const viewer = this._viewer;
    if (!viewer) return { allowed: false, code: 'unauthenticated', reason: 'Not signed in.' };
    const context: Parameters<typeof decideRule>[2] = {};
    if (target) context.target = target;
    if (newRole) context.newRole = newRole;
    const plan = this._billing?.plan;
    if (plan) context.plan = plan;
    return decideRule({ id: viewer.id, role: viewer.role, status: viewer.status }, action, context);
  }

  quote(change: Change, options?: ReadOptions): Promise<Quote> {
    return this.adapter.quote(change, options);
  }

  getRemovalImpact(memberId: string, options?: ReadOptions): Promise<RemovalImpact> {
    return this.adapter.getRemovalImpact(memberId, options);
  }

  /**
   * Downloads what changes the team (once). The elements call it as a dialog or an action is
   * about to be used, so the first change shows at once; a change made before it is there waits
   * for it. Rejects with a network_error SeatkitError when it cannot be downloaded (the next call
   * tries again).
   */
  async preloadChanges(): Promise<void> {
    await this.loadChanges();
  }

  private loadChanges(): Promise<Changes> {
    this.changesLoading ??= import('./changes.js').then(
      ({ Changes }) => (this.changes ??= new Changes(this.core())),
      (error: unknown) => {
        this.changesLoading = null;
        throw new SeatkitError('network_error', "Could not download Seatkit's change code.", {
          cause: error,
        });
      },
    );
    return this.changesLoading;
  }

  /** Runs a change now when the change code is here (its edits show before this returns), else once it is. */
  private change<T>(run: (changes: Changes) => Promise<T>): Promise<T> {
    return this.changes ? run(this.changes) : this.loadChanges().then(run);
  }

  /** What the change code may use of this store, and nothing more. */
  private core(): StoreCore {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the accessors below are the store's
    const store = this;
    return {
      adapter: this.adapter,
      list: this.list,
      get phoneNumbers() {
        return store._phoneNumbers;
      },
      set phoneNumbers(numbers) {
        store._phoneNumbers = numbers;
      },
      get viewer() {
        return store._viewer;
      },
      set viewer(viewer) {
        store._viewer = viewer;
      },
      get journal() {
        return store.journal;
      },
      emit: () => this.emit(),
      refresh: () => this.refresh(),
      refreshBilling: () => this.refreshBilling(),
      refreshNumbers: () => this.refreshNumbers(),
      requireEntry: (id, kind) => this.requireEntry(id, kind),
    };
  }

  invite(input: InviteInput, options: IdempotentOptions = {}): Promise<Invitation> {
    return this.change((c) => c.invite(input, options));
  }

  bulkInvite(rows: InviteInput[], options: IdempotentOptions = {}): Promise<BulkInviteResult> {
    return this.change((c) => c.bulkInvite(rows, options));
  }

  resendInvitation(id: string): Promise<Invitation> {
    return this.change((c) => c.resendInvitation(id));
  }

  revokeInvitation(id: string): Promise<Invitation> {
    return this.change((c) => c.revokeInvitation(id));
  }

  changeRole(memberId: string, role: Role): Promise<Member> {
    return this.change((c) => c.changeRole(memberId, role));
  }

  assignPhoneNumber(number: string, assignee: Assignee | null): Promise<PhoneNumber> {
    return this.change((c) => c.assignPhoneNumber(number, assignee));
  }

  removeMember(memberId: string, reassignTo: Assignee | null): Promise<RemovalResult> {
    return this.change((c) => c.removeMember(memberId, reassignTo));
  }

  deactivateMember(memberId: string): Promise<MemberChangeResult> {
    return this.change((c) => c.deactivateMember(memberId));
  }

  reactivateMember(memberId: string): Promise<MemberChangeResult> {
    return this.change((c) => c.reactivateMember(memberId));
  }

  /** What a bulk action on these entries would do, decided by the backend as the action itself. */
  previewBatch(
    action: BatchAction,
    ids: readonly string[],
    input: BatchOptions = {},
    options?: ReadOptions,
  ): Promise<BatchPreview> {
    return this.change((c) => c.previewBatch(action, ids, input, options));
  }

  /**
   * One action on many entries, shown at once and sent in requests of at most MAX_BATCH_ITEMS,
   * each with its own Idempotency-Key (the same again when the same items are retried). Every
   * item comes back done, refused (with the backend's reason; its change is taken back), or
   * failed (its request failed: it may be retried, and a retry never repeats an item that was
   * done, since the backend replays what it already did for that key).
   */
  batch(
    action: BatchAction,
    ids: readonly string[],
    input: BatchOptions = {},
  ): Promise<BulkOutcome[]> {
    return this.change((c) => c.batch(action, ids, input));
  }

  /**
   * Gives ownership to `memberId`, confirmed with the owner's password. The password is not kept,
   * and is not part of what makes a retry the same request.
   */
  transferOwnership(memberId: string, password: string): Promise<TransferResult> {
    return this.change((c) => c.transferOwnership(memberId, password));
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

  /** The account's numbers as the backend sent them, with the number edits in flight on top. */
  private replaceNumbers(numbers: readonly PhoneNumber[]): void {
    this._phoneNumbers = numbers;
    this.changes?.numbersArrived(numbers);
  }

  private async refreshNumbers(): Promise<void> {
    try {
      this.replaceNumbers(await this.adapter.listPhoneNumbers());
      this.emit();
    } catch {
      // As above.
    }
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
