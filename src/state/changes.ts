// What the store does to change the team: optimistic edits, idempotency keys that survive an
// unknown outcome, and the requests themselves. Loaded with the first change (or with the chunk
// of a dialog or action that makes one), so a page that only shows the team never downloads it.
import type { ReadOptions, SeatkitAdapter } from '../api/adapter.js';
import { ERROR_TRAITS } from '../api/error-traits.js';
import { toSeatkitError } from '../api/errors.js';
import { newIdempotencyKey } from '../api/idempotency-key.js';
import type {
  Assignee,
  BatchAction,
  BatchInput,
  BatchPreview,
  BulkInviteResult,
  Invitation,
  InviteInput,
  Member,
  MemberChangeResult,
  PhoneNumber,
  RemovalResult,
  Role,
  TeamEntry,
  TransferResult,
} from '../schemas/index.js';
import { MAX_BATCH_ITEMS } from '../schemas/constants.js';
// From the schemas, not the rules' index: only the function, not the email checks behind it.
import { canonicalEmail } from '../schemas/email.js';
import type { EntryList } from './entry-list.js';
import { Overlay, type Edit } from './overlay.js';
import type { BatchOptions, BulkOutcome, IdempotentOptions } from './store.js';

/** What the changes use of their store (its state, and how it tells and reloads). */
export interface StoreCore {
  readonly adapter: SeatkitAdapter;
  readonly list: EntryList;
  phoneNumbers: readonly PhoneNumber[];
  viewer: Member | null;
  /** The reload's journal while pages are read (see TeamStore), else null. */
  readonly journal: Map<string, TeamEntry | undefined> | null;
  emit(): void;
  refresh(): Promise<void>;
  refreshBilling(): Promise<void>;
  refreshNumbers(): Promise<void>;
  requireEntry<K extends TeamEntry['kind']>(id: string, kind: K): Extract<TeamEntry, { kind: K }>;
}

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

/**
 * The changes of one TeamStore. Each shows at once (its edits), and when the backend refuses it,
 * only its own edits are taken back; see TeamStore for what callers see.
 */
export class Changes {
  private readonly entryEdits = new Overlay<TeamEntry>(
    (id) => this.core.list.get(id),
    (id, entry) => (entry ? this.core.list.upsert(entry) : this.core.list.remove(id)),
  );
  private readonly numberEdits = new Overlay<PhoneNumber>(
    (number) => this.core.phoneNumbers.find((n) => n.number === number),
    (number, value) => {
      const others = this.core.phoneNumbers.filter((n) => n.number !== number);
      const at = this.core.phoneNumbers.findIndex((n) => n.number === number);
      if (!value) this.core.phoneNumbers = others;
      else if (at === -1) this.core.phoneNumbers = [...others, value];
      else this.core.phoneNumbers = this.core.phoneNumbers.map((n, i) => (i === at ? value : n));
    },
  );

  constructor(private readonly core: StoreCore) {}

  /** After the shown list was replaced or extended: the edits in flight show on top again. */
  reapply(items?: readonly TeamEntry[]): void {
    const ids = items ? new Set(items.map((e) => e.id)) : null;
    for (const id of this.entryEdits.pendingKeys())
      if (!ids || ids.has(id)) this.entryEdits.confirm(id, this.core.list.get(id));
  }

  /** The account's numbers as the backend sent them (now shown): the number edits in flight on top. */
  numbersArrived(numbers: readonly PhoneNumber[]): void {
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
      this.core.journal?.set(id, entry);
    }
  }

  async invite(input: InviteInput, options: IdempotentOptions = {}): Promise<Invitation> {
    const intent = this.intent('invite', canonicalEmail(input.email), input, 0, options);
    const invitation = await this.run(
      () =>
        this.core.adapter.invite(input, {
          idempotencyKey: intent.idempotencyKey,
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      intent,
    );
    this.confirmEntries([[invitation.id, invitation]]);
    this.core.emit();
    await this.core.refreshBilling();
    return invitation;
  }

  async bulkInvite(
    rows: InviteInput[],
    options: IdempotentOptions = {},
  ): Promise<BulkInviteResult> {
    const intent = this.intent('bulkInvite', '', rows, 0, options);
    const result = await this.run(
      () =>
        this.core.adapter.bulkInvite(rows, {
          idempotencyKey: intent.idempotencyKey,
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      intent,
    );
    this.confirmEntries(result.invitations.map((i) => [i.id, i] as const));
    this.core.emit();
    await this.core.refreshBilling();
    return result;
  }

  async resendInvitation(id: string): Promise<Invitation> {
    const current = this.core.requireEntry(id, 'invitation');
    const intent = this.intent('resendInvitation', id, null, current.version);
    const invitation = await this.run(
      () =>
        this.core.adapter.resendInvitation(id, {
          version: intent.version,
          idempotencyKey: intent.idempotencyKey,
        }),
      intent,
    );
    this.confirmEntries([[invitation.id, invitation]]);
    this.core.emit();
    await this.core.refreshBilling();
    return invitation;
  }

  async revokeInvitation(id: string): Promise<Invitation> {
    const current = this.core.requireEntry(id, 'invitation');
    const intent = this.intent('revokeInvitation', id, null, current.version);
    const invitation = await this.optimistic(
      { entries: [[id, gone]] },
      () =>
        this.core.adapter.revokeInvitation(id, {
          version: intent.version,
          idempotencyKey: intent.idempotencyKey,
        }),
      intent,
      () => ({ entries: [[id, undefined]] }),
    );
    await this.core.refreshBilling();
    return invitation;
  }

  async changeRole(memberId: string, role: Role): Promise<Member> {
    const current = this.core.requireEntry(memberId, 'member');
    const intent = this.intent('changeRole', memberId, role, current.version);
    return this.optimistic(
      { entries: [[memberId, (e) => (e?.kind === 'member' ? { ...e, role } : e)]] },
      () =>
        this.core.adapter.changeRole(memberId, role, {
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
        this.core.phoneNumbers.find((n) => n.number === number)?.assignee,
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
        this.core.adapter.assignPhoneNumber(number, assignee, {
          idempotencyKey: intent.idempotencyKey,
        }),
      intent,
      (result) => ({ numbers: [[result.number, result]] }),
    );
  }

  async removeMember(memberId: string, reassignTo: Assignee | null): Promise<RemovalResult> {
    const current = this.core.requireEntry(memberId, 'member');
    const intent = this.intent('removeMember', memberId, reassignTo, current.version);
    const result = await this.optimistic(
      { entries: [[memberId, gone]] },
      () =>
        this.core.adapter.removeMember(memberId, {
          version: intent.version,
          idempotencyKey: intent.idempotencyKey,
          reassignTo,
        }),
      intent,
      () => ({ entries: [[memberId, undefined]] }),
    );
    await Promise.all([this.core.refreshBilling(), this.core.refreshNumbers()]);
    if (reassignTo?.type === 'member') {
      const target = this.entryEdits.current(reassignTo.memberId);
      if (target?.kind === 'member') {
        const numbers = new Set([...target.phoneNumbers, ...result.unassignedNumbers]);
        this.confirmEntries([[target.id, { ...target, phoneNumbers: [...numbers] }]]);
        this.core.emit();
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
    const current = this.core.requireEntry(memberId, 'member');
    const operation = status === 'active' ? 'reactivateMember' : 'deactivateMember';
    const intent = this.intent(operation, memberId, null, current.version);
    const options = { version: intent.version, idempotencyKey: intent.idempotencyKey };
    const result = await this.optimistic(
      { entries: [[memberId, (e) => (e?.kind === 'member' ? { ...e, status } : e)]] },
      () =>
        status === 'active'
          ? this.core.adapter.reactivateMember(memberId, options)
          : this.core.adapter.deactivateMember(memberId, options),
      intent,
      (answer) => ({ entries: [[answer.member.id, answer.member]] }),
    );
    await this.core.refreshBilling();
    return result;
  }

  /** What a bulk action on these entries would do, decided by the backend as the action itself. */
  previewBatch(
    action: BatchAction,
    ids: readonly string[],
    input: BatchOptions = {},
    options?: ReadOptions,
  ): Promise<BatchPreview> {
    return this.core.adapter.previewBatch(this.batchInput(action, ids, input), options);
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
      this.core.emit();
      try {
        const { results } = await this.run(
          () => this.core.adapter.batch(body, { idempotencyKey: intent.idempotencyKey }),
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
          for (const [id, entry] of confirmed) this.core.journal?.set(id, entry);
          outcomes.push(result);
        }
      } catch (error) {
        const problem = toSeatkitError(error);
        for (const [id, owner] of owners) {
          this.entryEdits.drop(owner);
          outcomes.push({ id, outcome: 'failed', code: problem.code, message: problem.message });
        }
      }
      this.core.emit();
    }
    await Promise.all([
      this.core.refreshBilling(),
      action === 'remove' ? this.core.refreshNumbers() : Promise.resolve(),
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
      items: ids.map((id) => ({ id, version: this.core.list.get(id)?.version ?? 0 })),
    };
  }

  async transferOwnership(memberId: string, password: string): Promise<TransferResult> {
    // The password is not part of the intention (and is not kept): a wrong one is refused, and a
    // refusal forgets the intent, so the next attempt gets a new key.
    const intent = this.intent('transferOwnership', memberId, null);
    const result = await this.run(
      () =>
        this.core.adapter.transferOwnership(memberId, password, {
          idempotencyKey: intent.idempotencyKey,
        }),
      intent,
    );
    this.confirmEntries([
      [result.newOwner.id, result.newOwner],
      [result.previousOwner.id, result.previousOwner],
    ]);
    if (this.core.viewer?.id === result.previousOwner.id) this.core.viewer = result.previousOwner;
    if (this.core.viewer?.id === result.newOwner.id) this.core.viewer = result.newOwner;
    this.core.emit();
    return result;
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
      if (traits?.reloadAfter) void this.core.refresh().catch(() => undefined);
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
    this.core.emit();
    let result: T;
    try {
      result = await this.run(request, intent);
    } catch (error) {
      this.entryEdits.drop(change);
      this.numberEdits.drop(change);
      this.core.emit();
      throw error;
    }
    const answer = answered(result);
    const confirmed = this.entryEdits.commit(change, new Map(answer.entries ?? []));
    for (const [id, entry] of confirmed) this.core.journal?.set(id, entry);
    this.numberEdits.commit(change, new Map(answer.numbers ?? []));
    this.core.emit();
    return result;
  }
}
