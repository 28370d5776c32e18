// Model-based: random sequences of every team change, by random actors, on random plans, through
// the HTTP adapter against the mock backend. After every step the invariants of the product rules hold,
// charges and invoices match the rule recomputed here (not by src/rules), and a refused step
// changed nothing. `SEATKIT_DEEP=1` runs many more sequences.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SeatkitError } from '../../../src/api/index.js';
import type { SeatkitAdapter } from '../../../src/api/index.js';
import type { BillingSummary, Invitation, Member, Role } from '../../../src/schemas/index.js';
import type { MockBackend } from '../../../src/mock/backend.js';
import { CATALOGUE, DEEP, cycleOf, expectedProration, fileServer, stateOf } from './support.js';

const PASSWORD = 'correct horse battery';
const NOW = '2026-11-16T09:30:00Z';
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const { server, use } = fileServer();
const counts = {
  runs: 0,
  steps: 0,
  refusals: 0,
  paidCharges: 0,
  freeCharges: 0,
  renewals: 0,
  byCommand: new Map<string, [number, number]>(),
  codes: new Map<string, number>(),
};

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => {
  server.close();
  const per = [...counts.byCommand]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, [steps, refused]]) => `${name} ${steps}/${refused}`)
    .join(', ');
  if (process.env.SEATKIT_VERBOSE) console.log([...counts.codes].sort());
  console.log(
    `[hardening:model] ${counts.runs} sequences, ${counts.steps} steps, ${counts.refusals} refused steps, ` +
      `${counts.paidCharges} prorated charges, ${counts.freeCharges} $0 activations, ${counts.renewals} renewals` +
      ` (per command steps/refused: ${per})`,
  );
});

// ---- scenarios ---------------------------------------------------------------------------------

const POOL = ['olivia', 'm1', 'm2', 'm3', 'm4', 'p1', 'p2', 'n1', 'n2', 'n3'];
const emailOf = (name: string) => `${name}@example.com`;

type PlanId = 'essentials' | 'team' | 'pro';
interface Setup {
  plan: PlanId;
  billing: 'monthly' | 'annual';
  anchor: string;
  others: { role: Role; active: boolean }[];
  invitations: { expired: boolean; role: Role }[];
  ownerHasNumber: boolean;
}

const setupArb: fc.Arbitrary<Setup> = fc.record({
  plan: fc.constantFrom<PlanId>('essentials', 'essentials', 'essentials', 'team', 'pro'),
  billing: fc.constantFrom<'monthly' | 'annual'>('monthly', 'monthly', 'annual'),
  anchor: fc.constantFrom('2026-11-01', '2026-10-31', '2026-01-31', '2025-12-31'),
  others: fc.array(
    fc.record({
      role: fc.constantFrom<Role>('admin', 'supervisor', 'agent', 'agent'),
      active: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  invitations: fc.array(
    fc.record({ expired: fc.boolean(), role: fc.constantFrom<Role>('admin', 'agent') }),
    { maxLength: 2 },
  ),
  ownerHasNumber: fc.boolean(),
});

function scenarioOf(s: Setup) {
  const plan = CATALOGUE[s.plan];
  assert.ok(plan);
  const members = [
    { name: 'Olivia Park', email: emailOf('olivia'), role: 'owner' as Role, status: 'active' },
    ...s.others.map((o, i) => ({
      name: `Member ${i + 1}`,
      email: emailOf(`m${i + 1}`),
      role: o.role === 'supervisor' && !plan.supervisor ? ('agent' as Role) : o.role,
      status: o.active ? 'active' : 'deactivated',
    })),
  ];
  let invitations = s.invitations.map((inv, i) => ({
    email: emailOf(`p${i + 1}`),
    role: inv.role,
    sentAt: inv.expired ? '2026-11-05T08:00:00Z' : '2026-11-14T12:00:00Z',
    expired: inv.expired,
  }));
  if (plan.maxSeats !== null) {
    const active = members.filter((m) => m.status === 'active').length;
    invitations = invitations.filter((inv) => inv.expired);
    const room = plan.maxSeats - active;
    invitations.push(
      ...s.invitations
        .map((inv, i) => ({ ...inv, i }))
        .filter((inv) => !inv.expired)
        .slice(0, Math.max(0, room))
        .map((inv) => ({
          email: emailOf(`p${inv.i + 1}`),
          role: inv.role,
          sentAt: '2026-11-14T12:00:00Z',
          expired: false,
        })),
    );
  }
  return {
    plan: s.plan,
    billing: s.billing,
    cycleStart: s.anchor,
    now: NOW,
    actor: emailOf('olivia'),
    password: PASSWORD,
    members,
    invitations: invitations.map(({ email, role, sentAt }) => ({ email, role, sentAt })),
    phoneNumbers: ['+14155550100', '+14155550101'],
    ringGroups: ['Support'],
    ...(s.ownerHasNumber
      ? { members: [{ ...members[0]!, phoneNumbers: ['+14155550100'] }, ...members.slice(1)] }
      : {}),
  };
}

// ---- the system under test and what it looks like ----------------------------------------------

interface Real {
  backend: MockBackend;
  adapter: SeatkitAdapter;
  plan: PlanId;
  billing: 'monthly' | 'annual';
  anchor: Date;
  /** Every invitation and member id ever seen, to also try closed or removed ones. */
  invitationIds: Set<string>;
  memberIds: Set<string>;
  /** The billing model kept by this test. */
  paid: number;
  paidAtCycleStart: number;
  chargedThisCycle: number;
  cycleStart: number;
  transferFailures: number;
  lockedUntil: number;
}

interface View {
  members: Member[];
  invitations: Invitation[];
  summary: BillingSummary;
  state: string;
  charges: Awaited<ReturnType<MockBackend['charges']>>;
  invoices: Awaited<ReturnType<MockBackend['invoices']>>;
  now: number;
  actor: Member | undefined;
}

/** Reads everything as the owner (any actor may be signed in), then signs the actor back in. */
async function observe(real: Real): Promise<View> {
  const { backend, adapter } = real;
  const snapshot = await backend.snapshot();
  const owner = snapshot.members.find((m) => m.role === 'owner');
  assert.ok(owner, 'there is an owner');
  const actorEmail = snapshot.actor;
  const state = await stateOf(backend);
  await backend.setActor(owner.email);
  try {
    const page = await adapter.listTeam({ limit: 200 });
    assert.equal(page.nextCursor, null);
    const summary = await adapter.getBillingSummary();
    const members = page.items.filter((e): e is Member => e.kind === 'member');
    const invitations = page.items.filter((e): e is Invitation => e.kind === 'invitation');
    for (const m of members) real.memberIds.add(m.id);
    for (const inv of invitations) real.invitationIds.add(inv.id);
    return {
      members,
      invitations,
      summary,
      state,
      charges: await backend.charges(),
      invoices: await backend.invoices(),
      now: (await backend.clock.now()).getTime(),
      actor: members.find((m) => m.email.toLowerCase() === actorEmail.toLowerCase()),
    };
  } finally {
    await backend.setActor(actorEmail, { stillSignedIn: true });
  }
}

const canonical = (email: string) => email.trim().toLowerCase();
const activeCount = (v: View) => v.members.filter((m) => m.status === 'active').length;
const isManager = (m: Member | undefined) =>
  m?.status === 'active' && (m.role === 'owner' || m.role === 'admin');

function invariants(real: Real, v: View): void {
  const plan = CATALOGUE[real.plan];
  assert.ok(plan);
  const price = plan[real.billing];
  const owners = v.members.filter((m) => m.role === 'owner');
  assert.equal(owners.length, 1, 'exactly one owner');
  assert.equal(owners[0]?.status, 'active', 'the owner is active');

  // Pending is recomputed from sentAt: 7 days, expired from that instant on.
  for (const inv of v.invitations) {
    const expected = Date.parse(inv.sentAt) + WEEK > v.now ? 'pending' : 'expired';
    assert.equal(inv.status, expected, `status of ${inv.email}`);
    assert.equal(Date.parse(inv.expiresAt), Date.parse(inv.sentAt) + WEEK);
  }
  const active = activeCount(v);
  const pending = v.invitations.filter((inv) => inv.status === 'pending').length;
  if (plan.maxSeats !== null)
    assert.ok(active + pending <= plan.maxSeats, `capacity: ${active} active + ${pending} pending`);
  assert.equal(v.summary.activeSeats, active);
  assert.equal(v.summary.pendingInvitations, pending);

  const seen = new Map<string, number>();
  for (const e of [...v.members, ...v.invitations]) {
    const key = canonical(e.email);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const [email, n] of seen) assert.equal(n, 1, `one membership or invitation for ${email}`);

  // Billing, from the product rules.
  const cycle = cycleOf(real.anchor, real.billing, v.now);
  assert.equal(Date.parse(v.summary.cycle.start), cycle.start, 'cycle start');
  assert.equal(Date.parse(v.summary.cycle.end), cycle.end, 'cycle end');
  assert.equal(v.summary.paidSeats, real.paid, 'paid seats this cycle');
  assert.ok(active <= real.paid, 'every active member is paid for');
  assert.ok(
    real.chargedThisCycle <= real.paid - real.paidAtCycleStart,
    'no seat charged twice in a cycle',
  );
  const seats = Math.max(plan.minSeats, active);
  assert.deepEqual(
    v.summary.nextInvoice,
    { amount: seats * price, seats, date: new Date(cycle.end).toISOString() },
    'next invoice = max(minSeats, active) × price',
  );
}

/** Renewals the clock passed between two views: invoices and paid seats, per the product rules. */
function applyClock(real: Real, before: View, afterView: View): void {
  const plan = CATALOGUE[real.plan];
  assert.ok(plan);
  const active = activeCount(before);
  const expected: { amount: number; seats: number; date: string }[] = [];
  let cycle = cycleOf(real.anchor, real.billing, before.now);
  while (cycle.end <= afterView.now) {
    const seats = Math.max(plan.minSeats, active);
    expected.push({
      amount: seats * plan[real.billing],
      seats,
      date: new Date(cycle.end).toISOString(),
    });
    cycle = cycleOf(real.anchor, real.billing, cycle.end);
  }
  assert.deepEqual(
    afterView.invoices.slice(before.invoices.length),
    expected,
    'invoices at renewal',
  );
  counts.renewals += expected.length;
  if (expected.length > 0) {
    real.paid = Math.max(plan.minSeats, active);
    real.paidAtCycleStart = real.paid;
    real.chargedThisCycle = 0;
    real.cycleStart = cycle.start;
  }
}

/** A seat activated (acceptance or reactivation): the charge the rule says, once. */
function applyActivation(real: Real, before: View, afterView: View, memberId: string): void {
  const plan = CATALOGUE[real.plan];
  assert.ok(plan);
  const fresh = afterView.charges.slice(before.charges.length);
  assert.equal(fresh.length, 1, 'one charge per activation');
  const [charge] = fresh;
  assert.ok(charge);
  assert.equal(charge.memberId, memberId);
  const activeAfter = activeCount(before) + 1;
  let amount = 0;
  if (activeAfter > real.paid) {
    const cycle = cycleOf(real.anchor, real.billing, before.now);
    amount = expectedProration(plan[real.billing], cycle, before.now);
    real.paid += 1;
    real.chargedThisCycle += 1;
  }
  assert.equal(charge.amount, amount, 'charge = round_half_up(price × remaining / cycle days)');
  if (amount > 0) counts.paidCharges++;
  else counts.freeCharges++;
}

/** A backend state (stateOf) without the transfer lockout counter. */
function withoutLockout(state: string): string {
  const parsed = JSON.parse(state) as { snapshot: { transfer?: unknown } };
  delete parsed.snapshot.transfer;
  return JSON.stringify(parsed);
}

/**
 * The backend loads its own snapshot and nothing changes: every state reached through the
 * operations and the test controls is one a backend can start from (a reload of the demo).
 */
async function snapshotRoundTrip(real: Real, label: string): Promise<void> {
  const before = await stateOf(real.backend);
  const snapshot = await real.backend.snapshot({ includePassword: true });
  await real.backend.reset(snapshot);
  assert.equal(await stateOf(real.backend), before, `${label}: reset(snapshot()) changes nothing`);
  const transfer = snapshot.transfer ?? { failures: 0, lockedUntil: null };
  assert.equal(transfer.failures, real.transferFailures, `${label}: wrong passwords counted`);
  assert.equal(
    transfer.lockedUntil ? Date.parse(transfer.lockedUntil) : 0,
    real.lockedUntil,
    `${label}: the lockout is kept`,
  );
}

// ---- commands ----------------------------------------------------------------------------------

/** What a step expects, decided from the view before it. */
type Expect = 'refused' | 'ok' | 'either';

interface StepResult {
  refused: boolean;
  error?: SeatkitError;
}

abstract class Step implements fc.AsyncCommand<object, Real> {
  abstract readonly name: string;
  abstract label(): string;
  /** Runs the step; returns the member id activated, if any. */
  abstract act(real: Real, v: View): Promise<string | void>;
  expect(_real: Real, _v: View): Expect {
    return 'either';
  }
  check(): boolean {
    return true;
  }
  toString(): string {
    return this.label();
  }
  async run(_model: object, real: Real): Promise<void> {
    const beforeView = await observe(real);
    const expect = this.expect(real, beforeView);
    const result: StepResult = { refused: false };
    let activated: string | void = undefined;
    try {
      activated = await this.act(real, beforeView);
    } catch (error) {
      if (!(error instanceof SeatkitError)) throw error;
      result.refused = true;
      result.error = error;
    }
    counts.steps++;
    const tally = counts.byCommand.get(this.name) ?? [0, 0];
    tally[0]++;
    if (result.refused) {
      counts.refusals++;
      const code = `${this.name}:${result.error?.code}`;
      counts.codes.set(code, (counts.codes.get(code) ?? 0) + 1);
      tally[1]++;
    }
    counts.byCommand.set(this.name, tally);
    await snapshotRoundTrip(real, this.label());
    const afterView = await observe(real);
    if (result.refused) {
      const status = result.error?.status ?? 0;
      assert.ok(
        status >= 400 && status < 500,
        `${this.label()}: refused with a client error, got ${status} ${result.error?.code} ${result.error?.message}`,
      );
      // A wrong password is refused and still counted toward the lockout (checked below).
      assert.equal(
        withoutLockout(afterView.state),
        withoutLockout(beforeView.state),
        `${this.label()}: a refused step changes nothing`,
      );
      assert.deepEqual(afterView.members, beforeView.members, 'no version moved either');
      assert.deepEqual(afterView.invitations, beforeView.invitations);
      assert.notEqual(
        expect,
        'ok',
        `${this.label()} was refused: ${result.error?.code} ${result.error?.message}`,
      );
    } else {
      assert.notEqual(expect, 'refused', `${this.label()} should have been refused`);
    }
    applyClock(real, beforeView, afterView);
    if (activated) applyActivation(real, beforeView, afterView, activated);
    else
      assert.equal(afterView.charges.length, beforeView.charges.length, 'only activations charge');
    if (afterView.now === beforeView.now)
      assert.equal(
        afterView.invoices.length,
        beforeView.invoices.length,
        'invoices only at renewal',
      );
    invariants(real, afterView);
  }
}

const memberRefusedFor = (v: View) => !isManager(v.actor);

interface EmailParam {
  who: number;
  upper: boolean;
  pad: boolean;
}
const emailParam = fc.record({
  who: fc.nat({ max: POOL.length - 1 }),
  upper: fc.boolean(),
  pad: fc.boolean(),
});
function typed(p: EmailParam): string {
  const name = POOL[p.who] ?? 'n1';
  const email = `${p.upper ? name.toUpperCase() : name}@${p.upper ? 'Example.COM' : 'example.com'}`;
  return p.pad ? `  ${email} ` : email;
}
const roleParam = fc.constantFrom<Role>('agent', 'agent', 'agent', 'admin', 'supervisor', 'owner');
const phoneParam = fc.constantFrom<string | null>(
  null,
  null,
  null,
  null,
  '+14155550101',
  '+1 415 555 0101',
  '+14155550100',
  '+19995550000',
);

function freeSeats(real: Real, v: View): number | null {
  const max = CATALOGUE[real.plan]?.maxSeats ?? null;
  if (max === null) return null;
  return max - activeCount(v) - v.invitations.filter((i) => i.status === 'pending').length;
}

function taken(v: View, email: string): boolean {
  const key = canonical(email);
  return (
    v.members.some((m) => canonical(m.email) === key) ||
    v.invitations.some((i) => i.status === 'pending' && canonical(i.email) === key)
  );
}

function roleOk(real: Real, role: Role): boolean {
  return role !== 'owner' && (role !== 'supervisor' || (CATALOGUE[real.plan]?.supervisor ?? false));
}

class Invite extends Step {
  readonly name = 'invite';
  constructor(
    readonly email: EmailParam,
    readonly role: Role,
    readonly phone: string | null,
    readonly move: boolean,
  ) {
    super();
  }
  label() {
    return `invite(${JSON.stringify(typed(this.email))}, ${this.role}, ${this.phone}${this.move ? ', move' : ''})`;
  }
  override expect(real: Real, v: View): Expect {
    if (memberRefusedFor(v) || !roleOk(real, this.role) || taken(v, typed(this.email)))
      return 'refused';
    if (this.phone === '+19995550000') return 'refused';
    // A number ringing someone moves only when the inviter confirms it, and an owner's number
    // only when the owner invites.
    const number = this.phone?.replace(/\s/g, '');
    const holder = v.members.find((m) => number && m.phoneNumbers.includes(number));
    if (holder?.role === 'owner' && v.actor?.role !== 'owner') return 'refused';
    if (holder && !this.move) return 'refused';
    const free = freeSeats(real, v);
    if (free !== null && free <= 0) return 'refused';
    return 'ok';
  }
  async act(real: Real) {
    const inv = await real.adapter.invite({
      email: typed(this.email),
      role: this.role,
      phoneNumber: this.phone,
      ...(this.move ? { moveNumber: true } : {}),
    });
    assert.equal(inv.email, typed(this.email).trim(), 'stored as typed, trimmed');
    real.invitationIds.add(inv.id);
  }
}

class BulkInvite extends Step {
  readonly name = 'bulkInvite';
  constructor(readonly rows: { email: EmailParam; role: Role }[]) {
    super();
  }
  label() {
    return `bulkInvite(${this.rows.map((r) => `${typed(r.email).trim()}:${r.role}`).join(', ')})`;
  }
  override expect(real: Real, v: View): Expect {
    if (memberRefusedFor(v)) return 'refused';
    const keys = this.rows.map((r) => canonical(typed(r.email)));
    if (new Set(keys).size !== keys.length) return 'refused';
    if (this.rows.some((r) => !roleOk(real, r.role) || taken(v, typed(r.email)))) return 'refused';
    const free = freeSeats(real, v);
    if (free !== null && this.rows.length > free) return 'refused';
    return 'ok';
  }
  async act(real: Real) {
    const result = await real.adapter.bulkInvite(
      this.rows.map((r) => ({ email: typed(r.email), role: r.role })),
    );
    assert.equal(result.invitations.length, this.rows.length, 'all rows or none');
    for (const inv of result.invitations) real.invitationIds.add(inv.id);
  }
}

function pickFrom<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

class Accept extends Step {
  readonly name = 'accept';
  constructor(readonly pick: number) {
    super();
  }
  label() {
    return `accept(#${this.pick})`;
  }
  /** Mostly a pending invitation; sometimes any invitation ever seen (expired, closed). */
  target(real: Real, v: View): string | undefined {
    const pending = v.invitations.filter((i) => i.status === 'pending').map((i) => i.id);
    if (this.pick < 30 && pending.length > 0) return pickFrom(pending, this.pick);
    return pickFrom([...real.invitationIds], this.pick);
  }
  override expect(real: Real, v: View): Expect {
    const id = this.target(real, v);
    const inv = v.invitations.find((i) => i.id === id);
    if (!inv || inv.status !== 'pending') return 'refused';
    return 'ok';
  }
  async act(real: Real, v: View) {
    const id = this.target(real, v);
    if (!id) throw new SeatkitError('not_found', 'no invitation yet', { status: 404 });
    const { member } = await real.backend.acceptInvitation(id);
    return member.id;
  }
}

type InvitationAction = 'resend' | 'revoke';
class InvitationStep extends Step {
  constructor(
    readonly name: InvitationAction,
    readonly pick: number,
    readonly stale: boolean,
  ) {
    super();
  }
  label() {
    return `${this.name}(#${this.pick}${this.stale ? ', stale' : ''})`;
  }
  override expect(real: Real, v: View): Expect {
    const id = pickFrom([...real.invitationIds], this.pick);
    const inv = v.invitations.find((i) => i.id === id);
    if (memberRefusedFor(v) || this.stale || !inv) return 'refused';
    if (this.name === 'resend' && inv.status === 'expired') {
      const free = freeSeats(real, v);
      if (free !== null && free <= 0) return 'refused';
    }
    return 'ok';
  }
  async act(real: Real, v: View) {
    const id = pickFrom([...real.invitationIds], this.pick) ?? 'inv-none';
    const version = (v.invitations.find((i) => i.id === id)?.version ?? 2) + (this.stale ? 1 : 0);
    if (this.name === 'resend') {
      const inv = await real.adapter.resendInvitation(id, { version });
      assert.equal(Date.parse(inv.expiresAt), v.now + WEEK, 'resend restarts the 7 days');
    } else await real.adapter.revokeInvitation(id, { version });
  }
}

type MemberAction = 'remove' | 'deactivate' | 'reactivate' | 'changeRole';
class MemberStep extends Step {
  constructor(
    readonly name: MemberAction,
    readonly pick: number,
    readonly stale: boolean,
    readonly role: Role,
  ) {
    super();
  }
  label() {
    return `${this.name}(#${this.pick}${this.name === 'changeRole' ? ` → ${this.role}` : ''}${this.stale ? ', stale' : ''})`;
  }
  /** Mostly a member the actor could act on; sometimes anyone ever seen (owner, self, removed). */
  target(real: Real, v: View): string {
    const others = v.members
      .filter((m) => m.role !== 'owner' && m.id !== v.actor?.id)
      .map((m) => m.id);
    if (this.pick < 30 && others.length > 0) return pickFrom(others, this.pick) ?? 'mem-none';
    return pickFrom([...real.memberIds], this.pick) ?? 'mem-none';
  }
  override expect(real: Real, v: View): Expect {
    const m = v.members.find((x) => x.id === this.target(real, v));
    if (memberRefusedFor(v) || this.stale || !m || m.role === 'owner' || m.id === v.actor?.id)
      return 'refused';
    if (this.name === 'deactivate' && m.status !== 'active') return 'refused';
    if (this.name === 'reactivate') {
      if (m.status !== 'deactivated') return 'refused';
      const free = freeSeats(real, v);
      if (free !== null && free <= 0) return 'refused';
    }
    if (this.name === 'changeRole' && !roleOk(real, this.role)) return 'refused';
    return 'ok';
  }
  async act(real: Real, v: View) {
    const id = this.target(real, v);
    const version = (v.members.find((m) => m.id === id)?.version ?? 1) + (this.stale ? 7 : 0);
    switch (this.name) {
      case 'remove':
        await real.adapter.removeMember(id, { version });
        return;
      case 'deactivate':
        await real.adapter.deactivateMember(id, { version });
        return;
      case 'reactivate': {
        const { member } = await real.adapter.reactivateMember(id, { version });
        return member.id;
      }
      case 'changeRole':
        await real.adapter.changeRole(id, this.role, { version });
        return;
    }
  }
}

class Transfer extends Step {
  readonly name = 'transfer';
  constructor(
    readonly pick: number,
    readonly right: boolean,
  ) {
    super();
  }
  label() {
    return `transfer(#${this.pick}, ${this.right ? 'right' : 'wrong'} password)`;
  }
  override expect(real: Real, v: View): Expect {
    const target = v.members.find((m) => m.id === pickFrom([...real.memberIds], this.pick));
    if (v.actor?.role !== 'owner' || v.actor.status !== 'active') return 'refused';
    if (!target || target.id === v.actor.id || target.status !== 'active') return 'refused';
    if (real.lockedUntil > v.now || !this.right) return 'refused';
    return 'ok';
  }
  async act(real: Real, v: View) {
    const id = pickFrom([...real.memberIds], this.pick) ?? 'mem-none';
    const target = v.members.find((m) => m.id === id);
    const counted =
      v.actor?.role === 'owner' &&
      v.actor.status === 'active' &&
      target?.status === 'active' &&
      target.id !== v.actor.id &&
      real.lockedUntil <= v.now;
    try {
      const result = await real.adapter.transferOwnership(id, this.right ? PASSWORD : 'letmein');
      assert.equal(result.newOwner.role, 'owner');
      assert.equal(result.previousOwner.role, 'admin');
      real.transferFailures = 0;
      real.lockedUntil = 0;
    } catch (error) {
      if (counted && !this.right) {
        real.transferFailures++;
        if (real.transferFailures >= 5) {
          real.transferFailures = 0;
          real.lockedUntil = v.now + 15 * 60_000;
          assert.equal((error as SeatkitError).code, 'locked_out');
        } else assert.equal((error as SeatkitError).code, 'wrong_password');
      }
      throw error;
    }
  }
}

type ActorKind = 'owner' | 'admin' | 'supervisor' | 'agent' | 'deactivated';
class SignIn extends Step {
  readonly name = 'signIn';
  constructor(
    readonly kind: ActorKind,
    readonly pick: number,
  ) {
    super();
  }
  label() {
    return `signIn(${this.kind})`;
  }
  async act(real: Real, v: View) {
    const who = v.members.filter((m) =>
      this.kind === 'deactivated'
        ? m.status === 'deactivated'
        : m.status === 'active' && m.role === this.kind,
    );
    const member = pickFrom(who, this.pick);
    if (member) await real.backend.setActor(member.email, { stillSignedIn: true });
  }
}

class Clock extends Step {
  readonly name: string;
  constructor(
    readonly kind: 'expire' | 'days' | 'renewal',
    readonly amount: number,
  ) {
    super();
    this.name = `clock:${kind}`;
  }
  label() {
    return `clock(${this.kind}, ${this.amount})`;
  }
  async act(real: Real, v: View) {
    const { backend } = real;
    if (this.kind === 'expire') await backend.clock.advanceDays(7 + this.amount / 24);
    else if (this.kind === 'days') await backend.clock.advanceDays(this.amount);
    else {
      const cycle = cycleOf(real.anchor, real.billing, v.now);
      await backend.clock.set(new Date(cycle.end + this.amount * 60_000));
    }
  }
}

const pick = fc.nat({ max: 40 });
const invite = fc
  .tuple(emailParam, roleParam, phoneParam, fc.boolean())
  .map(([e, r, p, m]) => new Invite(e, r, p, m));
const commands = [
  invite,
  invite,
  fc
    .array(fc.record({ email: emailParam, role: roleParam }), { minLength: 1, maxLength: 4 })
    .map((rows) => new BulkInvite(rows)),
  pick.map((p) => new Accept(p)),
  pick.map((p) => new Accept(p)),
  fc
    .tuple(fc.constantFrom<InvitationAction>('resend', 'revoke'), pick, fc.boolean())
    .map(([a, p, s]) => new InvitationStep(a, p, s && p % 4 === 0)),
  fc
    .tuple(
      fc.constantFrom<MemberAction>('remove', 'deactivate', 'reactivate', 'changeRole'),
      pick,
      fc.boolean(),
      roleParam,
    )
    .map(([a, p, s, r]) => new MemberStep(a, p, s && p % 4 === 0, r)),
  fc.tuple(pick, fc.boolean()).map(([p, r]) => new Transfer(p, r)),
  fc
    .tuple(
      fc.constantFrom<ActorKind>('owner', 'owner', 'admin', 'supervisor', 'agent', 'deactivated'),
      pick,
    )
    .map(([k, p]) => new SignIn(k, p)),
  fc.oneof(
    fc.nat({ max: 30 }).map((h) => new Clock('expire', h)),
    fc.integer({ min: 1, max: 3 }).map((d) => new Clock('days', d)),
    fc.nat({ max: 600 }).map((m) => new Clock('renewal', m)),
  ),
];

describe('model-based: random team changes through the HTTP adapter', () => {
  it(
    'keep every invariant after every step; refused steps change nothing',
    { timeout: DEEP ? 3_600_000 : 60_000 },
    async () => {
      let shared: { backend: MockBackend; adapter: SeatkitAdapter } | null = null;
      await fc.assert(
        fc.asyncProperty(
          setupArb,
          fc.commands(commands, { maxCommands: DEEP ? 40 : 25, size: 'max' }),
          async (setup, cmds) => {
            const scenario = scenarioOf(setup);
            if (shared) await shared.backend.reset(scenario);
            else shared = use(scenario);
            counts.runs++;
            const plan = CATALOGUE[setup.plan];
            assert.ok(plan);
            const active = scenario.members.filter((m) => m.status === 'active').length;
            const anchor = new Date(`${setup.anchor}T00:00:00Z`);
            const real: Real = {
              ...shared,
              plan: setup.plan,
              billing: setup.billing,
              anchor,
              invitationIds: new Set(),
              memberIds: new Set(),
              paid: Math.max(plan.minSeats, active),
              paidAtCycleStart: Math.max(plan.minSeats, active),
              chargedThisCycle: 0,
              cycleStart: cycleOf(anchor, setup.billing, Date.parse(NOW)).start,
              transferFailures: 0,
              lockedUntil: 0,
            };
            invariants(real, await observe(real));
            await fc.asyncModelRun(() => ({ model: {}, real }), cmds);
          },
        ),
        { numRuns: DEEP ? 500 : 50, verbose: 1 },
      );
    },
  );
});
