import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  INVITATION_TTL_DAYS,
  invitationExpiresAt,
  invitationStatus,
} from '../../../src/rules/index.js';

const d = (iso: string) => new Date(iso);

describe('invitations', () => {
  it('expire exactly 7 days after they were sent', () => {
    assert.equal(INVITATION_TTL_DAYS, 7);
    assert.equal(
      invitationExpiresAt(d('2026-11-14T10:15:00Z')).toISOString(),
      '2026-11-21T10:15:00.000Z',
    );
    // Across a month end.
    assert.equal(
      invitationExpiresAt(d('2026-11-28T00:00:00Z')).toISOString(),
      '2026-12-05T00:00:00.000Z',
    );
  });

  const expiresAt = d('2026-11-21T10:15:00Z');
  const cases: [string, { acceptedAt?: Date | null; revokedAt?: Date | null }, string, string][] = [
    ['pending before expiry', {}, '2026-11-21T10:14:59.999Z', 'pending'],
    ['expired at the exact instant', {}, '2026-11-21T10:15:00.000Z', 'expired'],
    ['expired after', { acceptedAt: null, revokedAt: null }, '2026-12-01T00:00:00Z', 'expired'],
    [
      'accepted stays accepted after expiry',
      { acceptedAt: d('2026-11-20T00:00:00Z') },
      '2026-12-01T00:00:00Z',
      'accepted',
    ],
    ['revoked', { revokedAt: d('2026-11-15T00:00:00Z') }, '2026-11-16T00:00:00Z', 'revoked'],
    [
      'revoked after expiry is revoked',
      { revokedAt: d('2026-11-25T00:00:00Z') },
      '2026-11-26T00:00:00Z',
      'revoked',
    ],
  ];
  for (const [name, extra, now, status] of cases) {
    it(name, () => assert.equal(invitationStatus({ expiresAt, ...extra }, d(now)), status));
  }

  it('the scenario example: lena@ is pending until Nov 21, sam@ is expired on Nov 16', () => {
    const now = d('2026-11-16T09:30:00Z');
    const lena = invitationExpiresAt(d('2026-11-14T12:00:00Z'));
    assert.equal(lena.toISOString(), '2026-11-21T12:00:00.000Z');
    assert.equal(invitationStatus({ expiresAt: lena }, now), 'pending');
    assert.equal(
      invitationStatus({ expiresAt: invitationExpiresAt(d('2026-11-02T08:00:00Z')) }, now),
      'expired',
    );
  });
});
