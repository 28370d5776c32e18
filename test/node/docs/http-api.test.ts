// docs/http-api.md is generated from the route table and real exchanges with the engine
// (scripts/http-reference.ts). It is stale when the engine answers differently from what it shows,
// or when the route table changes: run `npm run http-reference`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderHttpReference } from '../../../scripts/http-reference.js';
import { ROUTES } from '../../../src/api/routes.js';

const DOC = new URL('../../../docs/http-api.md', import.meta.url);

describe('docs/http-api.md', () => {
  it('is up to date (run `npm run http-reference`)', async () => {
    assert.equal(readFileSync(DOC, 'utf8'), await renderHttpReference());
  });

  it('has a section for every operation of the route table', () => {
    const text = readFileSync(DOC, 'utf8');
    for (const route of ROUTES) {
      assert.match(text, new RegExp(`^### \`${route.operationId}\`$`, 'm'), route.operationId);
      assert.ok(
        text.includes(`\`${route.method} ${route.path}\``),
        `${route.method} ${route.path}`,
      );
    }
  });
});
