// An adapter whose answers the test gives by hand: every change (and, when asked, every page of
// the team) waits until the test resolves or rejects it, so changes can overlap in any order.
import type { SeatkitAdapter, TeamQuery } from '../../../src/api/adapter.js';
import { SeatkitError } from '../../../src/api/errors.js';
import { findPlan } from '../../../src/rules/index.js';
import type {
  BillingSummary,
  ErrorCode,
  Invitation,
  Member,
  PhoneNumber,
  TeamEntry,
  TeamPage,
} from '../../../src/schemas/index.js';

export const member = (n: number, extra: Partial<Member> = {}): Member => ({
  kind: 'member',
  id: `m${n}`,
  name: `Person ${String(n).padStart(5, '0')}`,
  email: `person${n}@example.com`,
  role: n === 0 ? 'owner' : 'agent',
  status: 'active',
  phoneNumbers: [],
  version: 1,
  ...extra,
});

export const invitation = (n: number, extra: Partial<Invitation> = {}): Invitation => ({
  kind: 'invitation',
  id: `i${n}`,
  email: `invitee${n}@example.com`,
  role: 'agent',
  phoneNumber: null,
  sentAt: '2026-11-14T12:00:00.000Z',
  expiresAt: '2026-11-21T12:00:00.000Z',
  status: 'pending',
  version: 1,
  ...extra,
});

/** A team of `members` members (m0 the owner) and one pending invitation. */
export function team(members: number): TeamEntry[] {
  const entries: TeamEntry[] = [];
  for (let i = 0; i < members; i++) entries.push(member(i));
  entries.push(invitation(1));
  return entries;
}

const plan = findPlan('team')!;
const billing: BillingSummary = {
  plan,
  cycle: { period: 'monthly', start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
  currency: 'USD',
  now: '2026-11-16T09:30:00.000Z',
  activeSeats: 5,
  paidSeats: 5,
  pendingInvitations: 1,
  deactivatedMembers: 0,
  nextInvoice: { amount: 14_500, seats: 5, date: '2026-12-01T00:00:00.000Z' },
};

export interface Call {
  method: string;
  args: unknown[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Waiting = Call & { settled: Promise<unknown> };

export class HandAdapter {
  /** What the backend holds: `listTeam` pages through it. */
  entries: TeamEntry[];
  numbers: PhoneNumber[] = [
    { number: '+14155550100', assignee: null },
    { number: '+14155550101', assignee: null },
  ];
  /** Changes waiting for an answer, oldest first. */
  readonly calls: Waiting[] = [];
  /** When true, every `listTeam` page waits in `pages` until released. */
  holdPages = false;
  readonly pages: (() => void)[] = [];
  listTeamCalls = 0;
  readonly keys: string[] = [];

  constructor(entries: TeamEntry[]) {
    this.entries = entries;
  }

  /** The oldest waiting call of `method` (fails the test when there is none). */
  call(method: string): Waiting {
    const call = this.calls.find((c) => c.method === method);
    if (!call) throw new Error(`no ${method} call is waiting`);
    this.calls.splice(this.calls.indexOf(call), 1);
    return call;
  }

  private change(method: string, args: unknown[]): Promise<never> {
    const options = args.at(-1) as { idempotencyKey?: string } | undefined;
    if (options?.idempotencyKey) this.keys.push(options.idempotencyKey);
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const settled = new Promise<never>((res, rej) => {
      resolve = res as (v: unknown) => void;
      reject = rej;
    });
    this.calls.push({ method, args, resolve, reject, settled });
    return settled;
  }

  private async page(query: TeamQuery): Promise<TeamPage> {
    this.listTeamCalls++;
    if (this.holdPages) await new Promise<void>((release) => this.pages.push(release));
    const start = query.cursor ? Number(query.cursor) : 0;
    const limit = query.limit ?? 50;
    const items = this.entries.slice(start, start + limit);
    const next = start + limit < this.entries.length ? String(start + limit) : null;
    return { items, nextCursor: next, total: this.entries.length };
  }

  /** Lets held pages through until none is waiting (and the load has finished asking). */
  async releaseAll(): Promise<void> {
    for (let quiet = 0; quiet < 5;) {
      await new Promise((r) => setTimeout(r, 0));
      const next = this.pages.shift();
      if (next) {
        next();
        quiet = 0;
      } else quiet++;
    }
  }

  adapter(): SeatkitAdapter {
    const owner = () => this.entries.find((e) => e.kind === 'member' && e.role === 'owner');
    return {
      getViewer: async () => ({ member: owner() as Member }),
      listTeam: (query) => this.page(query),
      listPhoneNumbers: async () => this.numbers,
      listRingGroups: async () => [],
      getBillingSummary: async () => billing,
      quote: () => this.change('quote', []),
      invite: (...args) => this.change('invite', args),
      bulkInvite: (...args) => this.change('bulkInvite', args),
      resendInvitation: (...args) => this.change('resendInvitation', args),
      revokeInvitation: (...args) => this.change('revokeInvitation', args),
      changeRole: (...args) => this.change('changeRole', args),
      assignPhoneNumber: (...args) => this.change('assignPhoneNumber', args),
      getRemovalImpact: () => this.change('getRemovalImpact', []),
      removeMember: (...args) => this.change('removeMember', args),
      deactivateMember: (...args) => this.change('deactivateMember', args),
      reactivateMember: (...args) => this.change('reactivateMember', args),
      batch: (...args) => this.change('batch', args),
      previewBatch: (...args) => this.change('previewBatch', args),
      transferOwnership: (...args) => this.change('transferOwnership', args),
    };
  }
}

export const refusal = (code: ErrorCode, message = code) => new SeatkitError(code, message);

/** Lets every settled promise's reactions run (the store's own awaits included). */
export const flush = () => new Promise((r) => setTimeout(r, 0));
