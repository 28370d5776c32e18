import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { scenarios } from '../../../mocks/scenarios.js';
import '../../../src/define.js';
import type { InviteDialog } from '../../../src/elements/invite-dialog/invite-dialog.js';
import { fetched } from '../helpers/resources.js';

// What a page downloads only when a flow is first used. Invite Member comes when first opened.
// A page of its own (each test file is one): nothing was downloaded before this test, whatever
// order the tests run in.

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());

describe('chunks loaded on first use', () => {
  it('loads Invite Member on first open; after show() and updateComplete it is open and focused', async () => {
    await mock.backend.reset(scenarios.productExample);
    const wrapper = await fixture<HTMLDivElement>(html`<div><invite-dialog></invite-dialog></div>`);
    const dialog = wrapper.querySelector<InviteDialog>('invite-dialog')!;
    await dialog.updateComplete;
    expect(fetched('/invite-dialog-flow.ts'), 'before opening').to.equal(false);
    expect(dialog.shadowRoot!.querySelector('dialog'), 'nothing rendered while closed').to.equal(
      null,
    );
    dialog.show();
    await dialog.updateComplete;
    expect(fetched('/invite-dialog-flow.ts'), 'after opening').to.equal(true);
    const native = dialog.shadowRoot!.querySelector('dialog')!;
    expect(native.open).to.equal(true);
    expect(dialog.shadowRoot!.activeElement, 'focus inside').to.not.equal(null);
    native.close();
    await waitUntil(() => !dialog.open, 'closing the native dialog closes the element');
  });
});
