import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderOpenApi } from '../../../scripts/openapi.js';
import { ROUTES } from '../../../src/api/routes.js';

const ADAPTER_METHODS = [
  'getViewer',
  'listTeam',
  'listPhoneNumbers',
  'listRingGroups',
  'getBillingSummary',
  'quote',
  'invite',
  'bulkInvite',
  'resendInvitation',
  'revokeInvitation',
  'changeRole',
  'assignPhoneNumber',
  'getRemovalImpact',
  'removeMember',
  'deactivateMember',
  'reactivateMember',
  'batch',
  'previewBatch',
  'transferOwnership',
];

describe('the HTTP contract', () => {
  it('has one route per adapter method', () => {
    assert.deepEqual(ROUTES.map((r) => r.operationId).sort(), [...ADAPTER_METHODS].sort());
  });

  it('docs/openapi.json is up to date (run `npm run openapi`)', () => {
    assert.equal(
      readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'),
      renderOpenApi(),
    );
  });

  it('every change needs an Idempotency-Key, every versioned change an If-Match', () => {
    const doc = JSON.parse(renderOpenApi()) as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    for (const route of ROUTES) {
      const names = (doc.paths[route.path]?.[route.method.toLowerCase()]?.parameters ?? []).map(
        (p) => p.name,
      );
      assert.equal(
        names.includes('Idempotency-Key'),
        route.idempotent,
        `${route.operationId} Idempotency-Key`,
      );
      assert.equal(names.includes('If-Match'), route.versioned, `${route.operationId} If-Match`);
    }
  });
});
