import { expect } from '@open-wc/testing';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { scenarios } from '../../../mocks/scenarios.js';
import { mountTeam, row } from '../helpers/team.js';
import { fetched } from '../helpers/resources.js';

// What a page downloads only when a flow is first used. The list comes first.
// A page of its own (each test file is one): nothing was downloaded before this test, whatever
// order the tests run in.

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());

describe('chunks loaded on first use', () => {
  it('shows the team without the dialogs, the row actions or German', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    expect(row(el, 'Marcus Lee'), 'the list').to.not.equal(undefined);
    for (const file of [
      '/invite-dialog-flow.ts',
      '/bulk-invite-flow.ts',
      '/member-actions.ts',
      '/team-members/dialogs.ts',
      '/messages/de/index.ts',
    ])
      expect(fetched(file), file).to.equal(false);
  });
});
