import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { scenarios } from '../../../mocks/scenarios.js';
import { clean } from '../helpers/team.js';
import { fetched } from '../helpers/resources.js';

// What a page downloads only when a flow is first used. Bulk Invite comes when first opened.
// A page of its own (each test file is one): nothing was downloaded before this test, whatever
// order the tests run in.

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());
afterEach(() => mock.worker.resetHandlers());

/** The next downloads of `file` fail as they would offline (the service worker answers them). */
const offline = (file: RegExp) => mock.worker.use(http.get(file, () => HttpResponse.error()));

describe('a dialog whose content cannot be downloaded', () => {
  it('says the connection failed, stays closed, and downloads it on the next open', async () => {
    expect(fetched('/bulk-invite-flow.ts'), 'downloaded before the test').to.equal(false);
    offline(/\/bulk-invite-flow\.ts/);
    await mock.backend.reset(scenarios.productExample);
    const wrapper = await fixture<HTMLDivElement>(html`<div><bulk-invite></bulk-invite></div>`);
    const el = wrapper.querySelector('bulk-invite')!;
    el.show();
    await el.updateComplete;
    expect(el.open, 'closed again').to.equal(false);
    expect(clean(el.shadowRoot!.querySelector('[part~="load-error"]'))).to.equal(
      'Could not reach the server. Check your connection and try again.',
    );
    await expect(el).to.be.accessible();
    mock.worker.resetHandlers();
    el.show();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')?.open, 'open on the next try').to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="load-error"]'), 'message gone').to.equal(null);
    el.shadowRoot!.querySelector('dialog')!.close();
  });
});
