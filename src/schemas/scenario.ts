import * as z from 'zod/mini';
import { BillingPeriod, Role } from './common.js';
import { MemberStatus } from './team.js';
import { Assignee } from './phone.js';
import { Charge, Invoice } from './billing.js';
import { describeIssues } from './describe-issues.js';
import { canonicalEmail } from './email.js';

export { describeIssues, formatPath } from './describe-issues.js';

// The mock backend's scenario: the public contract (docs/integrator-guide.md, "The scenario
// contract"), plus optional extras (removal impact, ring-group numbers, seats already paid). Dates are ISO 8601
// date-times in UTC; a bare date (`2026-11-01`) is accepted and means midnight UTC.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * A scenario date as the instant it names (`YYYY-MM-DDTHH:mm:ss.sssZ`), or what is wrong with it.
 * Read field by field, never by `Date.parse`, which rolls an impossible date forward
 * (2026-02-30 → March 2, T24:00 → the next day) and would silently move a billing anchor.
 */
function readDate(value: string): { iso: string } | { problem: string } {
  const match = ISO_DATE.exec(value) ?? ISO_DATE_TIME.exec(value);
  if (!match)
    return {
      problem: `expected an ISO 8601 date-time in UTC (e.g. 2026-11-16T09:30:00Z) or a bare date (2026-11-16), got ${JSON.stringify(value)}`,
    };
  const [, y, mo, d, h = '0', mi = '0', sec = '0', fraction = '', sign = '+', oh = '0', om = '0'] =
    match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, sec].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12)
    return { problem: `${value} is not a date (months run from 01 to 12)` };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days)
    return { problem: `${value} is not a date (${MONTHS[month - 1]} ${y} has ${days} days)` };
  if (hour > 23) return { problem: `${value} is not a time of day (hours run from 00 to 23)` };
  if (minute > 59) return { problem: `${value} is not a time of day (minutes run from 00 to 59)` };
  if (second > 59) return { problem: `${value} is not a time of day (seconds run from 00 to 59)` };
  if (Number(oh) > 23 || Number(om) > 59)
    return { problem: `${value} has no such time zone offset (use Z or ±hh:mm up to ±23:59)` };
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  const ms = Number(fraction.slice(1, 4).padEnd(3, '0'));
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100) local.setUTCFullYear(year, month - 1, day);
  return { iso: new Date(local.getTime() - offsetMs).toISOString() };
}

/** A bare date or a date-time with a zone, normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export const ScenarioDate = z.pipe(
  z.string().check(
    z.refine((value) => 'iso' in readDate(value), {
      error: (issue) => {
        const read = readDate(String(issue.input));
        return 'problem' in read ? read.problem : 'is not a date';
      },
    }),
  ),
  z.transform((value) => (readDate(value) as { iso: string }).iso),
);

const EMAIL_MESSAGE = (issue: { input?: unknown }) =>
  `expected an email address, got ${JSON.stringify(issue.input)}`;
const ScenarioEmail = z
  .string()
  .check(z.trim(), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: EMAIL_MESSAGE }));
const PHONE_MESSAGE = (issue: { input?: unknown }) =>
  `expected a phone number in E.164 form such as +14155550100, got ${JSON.stringify(issue.input)}`;
// Same pattern as the wire schema `E164`, with a message that says what E.164 looks like.
const ScenarioPhone = z.string().check(z.regex(/^\+[1-9]\d{1,14}$/, { error: PHONE_MESSAGE }));
const Name = z.string().check(z.minLength(1, { error: 'must not be empty' }));
const Count = z.int().check(z.nonnegative({ error: 'must be zero or more' }));

/** An id as a backend hands them out; a snapshot keeps them so a reload keeps every link. */
const ScenarioId = z.string().check(z.minLength(1), z.maxLength(200));
const Version = z.int().check(z.positive({ error: 'must be 1 or more' }));

export const ScenarioMember = z.object({
  id: z.optional(ScenarioId),
  version: z.optional(Version),
  name: Name,
  email: ScenarioEmail,
  role: Role,
  status: MemberStatus,
  phoneNumbers: z.optional(z.array(ScenarioPhone)),
  /** Removal-impact extras (optional). */
  recordings: z.optional(Count),
  smsConversations: z.optional(Count),
  campaigns: z.optional(z.array(Name)),
  personalIntegrations: z.optional(z.array(Name)),
});
export type ScenarioMember = z.output<typeof ScenarioMember>;

export const ScenarioInvitation = z.object({
  id: z.optional(ScenarioId),
  version: z.optional(Version),
  email: ScenarioEmail,
  role: Role,
  phoneNumber: z.optional(z.nullable(ScenarioPhone)),
  /** Where the number rang when the inviter confirmed moving it (a snapshot keeps it). */
  numberFrom: z.optional(z.nullable(Assignee)),
  sentAt: ScenarioDate,
  /** A closed invitation (a snapshot keeps them): accepted or revoked at this time. */
  acceptedAt: z.optional(ScenarioDate),
  revokedAt: z.optional(ScenarioDate),
});
export type ScenarioInvitation = z.output<typeof ScenarioInvitation>;

/** A ring group: its name, or its name and the account numbers that ring it. */
export const ScenarioRingGroup = z.union([
  Name,
  z.object({
    id: z.optional(ScenarioId),
    name: Name,
    phoneNumbers: z.optional(z.array(ScenarioPhone)),
  }),
]);
export type ScenarioRingGroup = z.output<typeof ScenarioRingGroup>;

export const Scenario = z.object({
  /** A plan id of the catalogue, e.g. `team`. */
  plan: Name,
  billing: BillingPeriod,
  cycleStart: ScenarioDate,
  /** The mock clock. */
  now: ScenarioDate,
  /** Email of the signed-in member. */
  actor: ScenarioEmail,
  /** The owner's password, for transfer of ownership. */
  password: z.string(),
  members: z.array(ScenarioMember),
  invitations: z.array(ScenarioInvitation),
  phoneNumbers: z.array(ScenarioPhone),
  ringGroups: z.array(ScenarioRingGroup),
  /** Team-level integrations, untouched by a removal (optional extra). */
  teamIntegrations: z.optional(z.array(Name)),
  /**
   * Seats already paid this cycle (optional extra; a snapshot keeps it). Default
   * `max(minSeats, active members)`; never less than that.
   */
  paidSeats: z.optional(Count),
  /** The rest of a backend's state, kept by a snapshot so that loading it changes nothing. */
  passwordHash: z.optional(z.string()),
  charges: z.optional(z.array(Charge)),
  invoices: z.optional(z.array(Invoice)),
  transfer: z.optional(
    z.object({ failures: Count, lockedUntil: z.optional(z.nullable(ScenarioDate)) }),
  ),
  teamInbox: z.optional(Count),
  keptRecordings: z.optional(Count),
  /** Ids handed out before (removed members): never handed out again. */
  retiredIds: z.optional(z.array(ScenarioId)),
});
export type Scenario = z.output<typeof Scenario>;
/** What a scenario may look like before parsing (bare dates, omitted optionals). */
export type ScenarioInput = z.input<typeof Scenario>;

export type ParseScenarioResult =
  { ok: true; scenario: Scenario } | { ok: false; message: string; problems: string[] };

/**
 * Validates a scenario: its shape, then what must hold between its parts (exactly one owner,
 * an actor who is a member, unique emails, numbers that exist on the account, ...).
 */
export function parseScenario(json: unknown): ParseScenarioResult {
  const result = z.safeParse(Scenario, json, { reportInput: true });
  const problems = result.success
    ? consistencyProblems(result.data)
    : describeIssues(result.error.issues);
  if (result.success && problems.length === 0) return { ok: true, scenario: result.data };
  return {
    ok: false,
    problems,
    message: `The scenario is not valid:\n${problems.map((p) => `- ${p}`).join('\n')}`,
  };
}

function consistencyProblems(s: Scenario): string[] {
  const problems: string[] = [];
  // Two spellings of one address (case, NFC/NFD) are one address, as everywhere else.
  const key = canonicalEmail;
  const memberByEmail = new Map<string, number>();
  s.members.forEach((m, i) => {
    const k = key(m.email);
    const first = memberByEmail.get(k);
    if (first !== undefined)
      problems.push(`members[${i}].email: ${m.email} is already members[${first}]`);
    else memberByEmail.set(k, i);
  });
  const owners = s.members.flatMap((m, i) => (m.role === 'owner' ? [i] : []));
  if (owners.length !== 1) {
    problems.push(`members: expected exactly one owner, found ${owners.length}`);
  }
  for (const i of owners) {
    if (s.members[i]?.status !== 'active')
      problems.push(`members[${i}].status: the owner must be active`);
  }
  const actor = memberByEmail.get(key(s.actor));
  if (actor === undefined) problems.push(`actor: ${s.actor} is not one of the members`);

  const invited = new Map<string, number>();
  s.invitations.forEach((inv, i) => {
    const k = key(inv.email);
    if (inv.role === 'owner') problems.push(`invitations[${i}].role: the owner is never invited`);
    if (inv.acceptedAt && inv.revokedAt)
      problems.push(`invitations[${i}]: an invitation is accepted or revoked, not both`);
    // A closed invitation is history: its invitee may have joined, or been invited again.
    if (inv.acceptedAt || inv.revokedAt) return;
    if (memberByEmail.has(k))
      problems.push(`invitations[${i}].email: ${inv.email} is already a member`);
    const first = invited.get(k);
    if (first !== undefined)
      problems.push(`invitations[${i}].email: ${inv.email} is already invitations[${first}]`);
    else invited.set(k, i);
    if (Date.parse(inv.sentAt) > Date.parse(s.now))
      problems.push(`invitations[${i}].sentAt: is after now`);
  });

  const numbers = new Set<string>();
  s.phoneNumbers.forEach((n, i) => {
    if (numbers.has(n)) problems.push(`phoneNumbers[${i}]: ${n} is listed twice`);
    numbers.add(n);
  });
  const assigned = new Map<string, string>();
  const assign = (n: string, where: string) => {
    if (!numbers.has(n)) problems.push(`${where}: ${n} is not one of phoneNumbers`);
    const other = assigned.get(n);
    if (other) problems.push(`${where}: ${n} is already assigned at ${other}`);
    else assigned.set(n, where);
  };
  s.members.forEach((m, i) =>
    m.phoneNumbers?.forEach((n, j) => assign(n, `members[${i}].phoneNumbers[${j}]`)),
  );
  const groupNames = new Set<string>();
  s.ringGroups.forEach((g, i) => {
    const name = typeof g === 'string' ? g : g.name;
    if (groupNames.has(name)) problems.push(`ringGroups[${i}]: ${name} is listed twice`);
    groupNames.add(name);
    if (typeof g !== 'string')
      g.phoneNumbers?.forEach((n, j) => assign(n, `ringGroups[${i}].phoneNumbers[${j}]`));
  });
  s.invitations.forEach((inv, i) => {
    if (inv.phoneNumber && !numbers.has(inv.phoneNumber)) {
      problems.push(`invitations[${i}].phoneNumber: ${inv.phoneNumber} is not one of phoneNumbers`);
    }
  });
  if (Date.parse(s.cycleStart) > Date.parse(s.now)) problems.push('cycleStart: is after now');
  const ids = new Map<string, string>();
  const claim = (id: string | undefined, where: string) => {
    if (id === undefined) return;
    const other = ids.get(id);
    if (other) problems.push(`${where}.id: ${id} is already the id of ${other}`);
    else ids.set(id, where);
  };
  s.members.forEach((m, i) => claim(m.id, `members[${i}]`));
  s.invitations.forEach((inv, i) => claim(inv.id, `invitations[${i}]`));
  s.ringGroups.forEach((g, i) =>
    claim(typeof g === 'string' ? undefined : g.id, `ringGroups[${i}]`),
  );
  return problems;
}
