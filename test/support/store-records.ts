// Records for store-level tests: an account, members and invitations with every field filled,
// made the way the engine makes them (name keys, canonical emails).
import { canonicalEmail } from '../../src/rules/emails.js';
import { invitationExpiresAt } from '../../src/rules/invitations.js';
import { memberNameKey } from '../../src/rules/order.js';
import type { AccountRecord, InvitationRecord, MemberRecord } from '../../src/server/store.js';

export const NOW = new Date('2026-11-16T09:30:00Z');
const DAY = 86_400_000;

export function accountRecord(id: string, patch: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id,
    planId: 'team',
    period: 'monthly',
    anchor: new Date('2026-11-01T00:00:00Z'),
    cycleStart: new Date('2026-11-01T00:00:00Z'),
    cycleEnd: new Date('2026-12-01T00:00:00Z'),
    paidSeats: 2,
    credential: 'plain:secret',
    transferFailures: 0,
    transferLockedUntil: null,
    teamInbox: 0,
    keptRecordings: 0,
    teamIntegrations: ['Slack'],
    chargeCount: 0,
    testNow: NOW,
    actorId: null,
    ...patch,
  };
}

export function memberRecord(
  id: string,
  name: string,
  email: string,
  patch: Partial<MemberRecord> = {},
): MemberRecord {
  return {
    id,
    name,
    email,
    canonical: canonicalEmail(email),
    nameKey: memberNameKey(name),
    role: 'agent',
    status: 'active',
    version: 1,
    recordings: 0,
    smsConversations: 0,
    campaigns: [],
    personalIntegrations: [],
    ...patch,
  };
}

/** An open invitation sent `daysAgo` days before NOW (expired from 7 days on). */
export function invitationRecord(
  id: string,
  email: string,
  daysAgo: number,
  patch: Partial<InvitationRecord> = {},
): InvitationRecord {
  const sentAt = new Date(NOW.getTime() - daysAgo * DAY);
  return {
    id,
    email,
    canonical: canonicalEmail(email),
    role: 'agent',
    phoneNumber: null,
    numberFrom: null,
    sentAt,
    expiresAt: invitationExpiresAt(sentAt),
    acceptedAt: null,
    revokedAt: null,
    version: 1,
    ...patch,
  };
}
