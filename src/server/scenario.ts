// A scenario (the public contract of the mock backend's state) into an account, and an account back
// into a scenario. Loading a snapshot changes nothing: every state a backend can reach, through its
// operations or its test controls, is a scenario it loads again (a role the plan no longer offers,
// more seats in use than the plan allows, a lockout, the charges so far).
import { canonicalEmail } from '../rules/emails.js';
import { cycleAt } from '../rules/cycles.js';
import { invitationExpiresAt } from '../rules/invitations.js';
import { memberNameKey } from '../rules/order.js';
import { findPlan } from '../rules/plans.js';
import { initialPaidSeats } from '../rules/seats.js';
import { parseScenario } from '../schemas/scenario.js';
import type { Scenario } from '../schemas/scenario.js';
import type { Assignee, Plan } from '../schemas/index.js';
import { freshIds } from './ids.js';
import { hashPassword } from './password.js';
import { Refusal } from './refusal.js';
import type {
  AccountRecord,
  AccountTx,
  InvitationRecord,
  MemberRecord,
  NumberRecord,
  RingGroupRecord,
} from './store.js';

export interface SeedOptions {
  plans: readonly Plan[];
  /** Store the password hashed (a server) rather than as given (the mock, so a snapshot gives it back). */
  hashPassword?: boolean;
}

/** Validates a scenario, or refuses it with every problem and its path. */
export function readScenario(input: unknown, plans: readonly Plan[]): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) {
    throw new Refusal('validation_failed', parsed.message, {
      errors: parsed.problems.map((message) => ({
        field: message.split(':')[0],
        code: 'invalid_scenario',
        message,
      })),
    });
  }
  const scenario = parsed.scenario;
  if (!findPlan(scenario.plan, plans)) {
    const ids = plans.map((p) => p.id).join(', ');
    throw new Refusal(
      'validation_failed',
      `The scenario is not valid:\n- plan: unknown plan ${JSON.stringify(scenario.plan)} (expected one of ${ids})`,
      {
        errors: [
          {
            field: 'plan',
            code: 'invalid_scenario',
            message: `plan: unknown plan ${scenario.plan}`,
          },
        ],
      },
    );
  }
  return scenario;
}

const date = (iso: string) => new Date(iso);

/** Replaces the account in `tx` with the state `input` describes. */
export async function seedAccount(
  tx: AccountTx,
  input: unknown,
  options: SeedOptions,
): Promise<Scenario> {
  const s = readScenario(input, options.plans);
  const plan = findPlan(s.plan, options.plans)!;
  const now = date(s.now);
  const anchor = date(s.cycleStart);
  const cycle = cycleAt(anchor, s.billing, now);
  await tx.deleteAccount();
  const credential =
    s.passwordHash ??
    (options.hashPassword ? await hashPassword(s.password) : `plain:${s.password}`);
  const active = s.members.filter((m) => m.status === 'active').length;
  const account: AccountRecord = {
    id: tx.accountId,
    planId: plan.id,
    period: s.billing,
    anchor,
    cycleStart: cycle.start,
    cycleEnd: cycle.end,
    paidSeats: Math.max(initialPaidSeats(plan, active), s.paidSeats ?? 0),
    credential,
    transferFailures: s.transfer?.failures ?? 0,
    transferLockedUntil: s.transfer?.lockedUntil ? date(s.transfer.lockedUntil) : null,
    teamInbox: s.teamInbox ?? 0,
    keptRecordings: s.keptRecordings ?? 0,
    teamIntegrations: [...(s.teamIntegrations ?? [])],
    chargeCount: s.charges?.length ?? 0,
    testNow: now,
    actorId: null,
  };
  await tx.createAccount(account);

  // Ids the scenario gives are kept; the others are made from the email or name.
  const given = [
    ...s.members.flatMap((m) => (m.id ? [m.id] : [])),
    ...s.invitations.flatMap((i) => (i.id ? [i.id] : [])),
    ...s.ringGroups.flatMap((g) => (typeof g !== 'string' && g.id ? [g.id] : [])),
    ...(s.retiredIds ?? []),
  ];
  await tx.reserveIds(given);
  const memberIds = await idsFor(
    tx,
    'mem',
    s.members.map((m) => ({ id: m.id, base: canonicalEmail(m.email) })),
  );
  const groupIds = await idsFor(
    tx,
    'rg',
    s.ringGroups.map((g) => (typeof g === 'string' ? { base: g } : { id: g.id, base: g.name })),
  );
  const invitationIds = await idsFor(
    tx,
    'inv',
    s.invitations.map((i) => ({ id: i.id, base: canonicalEmail(i.email) })),
  );

  const members = s.members.map((m, i): MemberRecord => ({
    id: memberIds[i]!,
    name: m.name,
    email: m.email.trim(),
    canonical: canonicalEmail(m.email),
    nameKey: memberNameKey(m.name),
    role: m.role,
    status: m.status,
    version: m.version ?? 1,
    recordings: m.recordings ?? 0,
    smsConversations: m.smsConversations ?? 0,
    campaigns: [...(m.campaigns ?? [])],
    personalIntegrations: [...(m.personalIntegrations ?? [])],
  }));
  await tx.insertMembers(members);
  const groups = s.ringGroups.map((g, i): RingGroupRecord => ({
    id: groupIds[i]!,
    name: typeof g === 'string' ? g : g.name,
  }));
  await tx.insertRingGroups(groups);

  const assignee = new Map<string, Assignee>();
  s.members.forEach((m, i) => {
    for (const n of m.phoneNumbers ?? [])
      assignee.set(n, { type: 'member', memberId: memberIds[i]! });
  });
  s.ringGroups.forEach((g, i) => {
    if (typeof g === 'string') return;
    for (const n of g.phoneNumbers ?? [])
      assignee.set(n, { type: 'ringGroup', ringGroupId: groupIds[i]! });
  });
  await tx.insertPhoneNumbers(
    s.phoneNumbers.map((number): NumberRecord => ({
      number,
      assignee: assignee.get(number) ?? null,
    })),
  );

  await tx.insertInvitations(
    s.invitations.map((inv, i): InvitationRecord => {
      const sentAt = date(inv.sentAt);
      return {
        id: invitationIds[i]!,
        email: inv.email.trim(),
        canonical: canonicalEmail(inv.email),
        role: inv.role,
        phoneNumber: inv.phoneNumber ?? null,
        numberFrom: inv.numberFrom ?? null,
        sentAt,
        expiresAt: invitationExpiresAt(sentAt),
        acceptedAt: inv.acceptedAt ? date(inv.acceptedAt) : null,
        revokedAt: inv.revokedAt ? date(inv.revokedAt) : null,
        version: inv.version ?? 1,
      };
    }),
  );
  for (const charge of s.charges ?? []) await tx.insertCharge(charge);
  await tx.insertInvoices(s.invoices ?? []);

  const actor = members.find((m) => m.canonical === canonicalEmail(s.actor));
  await tx.updateAccount({ actorId: actor?.id ?? null });
  return s;
}

async function idsFor(
  tx: AccountTx,
  prefix: string,
  items: readonly { id?: string | undefined; base: string }[],
): Promise<string[]> {
  const missing = items.flatMap((item, i) => (item.id ? [] : [i]));
  const made = await freshIds(
    tx,
    prefix,
    missing.map((i) => items[i]!.base),
  );
  const out = items.map((item) => item.id ?? '');
  missing.forEach((i, k) => {
    out[i] = made[k]!;
  });
  return out;
}

/** The account as a scenario: load it again (seedAccount) to continue from exactly here. */
export async function snapshotAccount(
  tx: AccountTx,
  account: AccountRecord,
  now: Date,
  options: { includePassword?: boolean } = {},
): Promise<Scenario> {
  const [members, invitations, numbers, groups, charges, invoices, reserved] = await Promise.all([
    tx.allMembers(),
    tx.allInvitations(),
    tx.phoneNumbers(),
    tx.ringGroups(),
    tx.charges(),
    tx.invoices(),
    tx.reservedIds(),
  ]);
  const byMember = new Map<string, string[]>();
  const byGroup = new Map<string, string[]>();
  for (const { number, assignee } of numbers) {
    if (!assignee) continue;
    const [map, key] =
      assignee.type === 'member' ? [byMember, assignee.memberId] : [byGroup, assignee.ringGroupId];
    map.set(key, [...(map.get(key) ?? []), number]);
  }
  const plain = account.credential.startsWith('plain:');
  const actor =
    members.find((m) => m.id === account.actorId) ?? members.find((m) => m.role === 'owner');
  const present = new Set([...members, ...invitations, ...groups].map((x) => x.id));
  const retired = reserved.filter((id) => !present.has(id));
  return {
    plan: account.planId,
    billing: account.period,
    cycleStart: account.anchor.toISOString(),
    now: now.toISOString(),
    actor: actor?.email ?? '',
    password: plain && options.includePassword ? account.credential.slice('plain:'.length) : '',
    ...(plain ? {} : { passwordHash: account.credential }),
    members: members.map((m) => ({
      id: m.id,
      version: m.version,
      name: m.name,
      email: m.email,
      role: m.role,
      status: m.status,
      ...(byMember.get(m.id) ? { phoneNumbers: byMember.get(m.id) } : {}),
      ...(m.recordings ? { recordings: m.recordings } : {}),
      ...(m.smsConversations ? { smsConversations: m.smsConversations } : {}),
      ...(m.campaigns.length ? { campaigns: [...m.campaigns] } : {}),
      ...(m.personalIntegrations.length
        ? { personalIntegrations: [...m.personalIntegrations] }
        : {}),
    })),
    invitations: invitations.map((inv) => ({
      id: inv.id,
      version: inv.version,
      email: inv.email,
      role: inv.role,
      ...(inv.phoneNumber ? { phoneNumber: inv.phoneNumber } : {}),
      ...(inv.numberFrom ? { numberFrom: inv.numberFrom } : {}),
      sentAt: inv.sentAt.toISOString(),
      ...(inv.acceptedAt ? { acceptedAt: inv.acceptedAt.toISOString() } : {}),
      ...(inv.revokedAt ? { revokedAt: inv.revokedAt.toISOString() } : {}),
    })),
    phoneNumbers: numbers.map((n) => n.number),
    ringGroups: groups.map((g) =>
      byGroup.get(g.id)
        ? { id: g.id, name: g.name, phoneNumbers: byGroup.get(g.id) }
        : { id: g.id, name: g.name },
    ),
    ...(account.teamIntegrations.length ? { teamIntegrations: [...account.teamIntegrations] } : {}),
    paidSeats: account.paidSeats,
    ...(charges.length ? { charges } : {}),
    ...(invoices.length ? { invoices } : {}),
    ...(account.transferFailures || account.transferLockedUntil
      ? {
          transfer: {
            failures: account.transferFailures,
            lockedUntil: account.transferLockedUntil?.toISOString() ?? null,
          },
        }
      : {}),
    ...(account.teamInbox ? { teamInbox: account.teamInbox } : {}),
    ...(account.keptRecordings ? { keptRecordings: account.keptRecordings } : {}),
    ...(retired.length ? { retiredIds: retired } : {}),
  };
}
