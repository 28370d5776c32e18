import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import type { InviteDialog } from '../../src/elements/invite-dialog/invite-dialog.js';
import { $, clean, mountTeam, row } from './helpers/team.js';
import { fetched } from './helpers/resources.js';

// What a page downloads only when a flow is first used.

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());
afterEach(() => mock.worker.resetHandlers());

/** The next downloads of `file` fail as they would offline (the service worker answers them). */
const offline = (file: RegExp) => mock.worker.use(http.get(file, () => HttpResponse.error()));

describe('chunks loaded on first use', () => {
  // The order matters: each test is the first on this page to use its flow.
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

  it('says so when the row actions cannot be downloaded, and downloads them on the next try', async () => {
    offline(/\/team-members\/(member-actions|dialogs)\.ts/);
    const el = await mountTeam(mock, scenarios.productExample);
    const menuButton = () =>
      row(el, 'Marcus Lee')!.querySelector<HTMLButtonElement>('[part~="menu-button"]')!;
    menuButton().click();
    await waitUntil(() => $(el, '[data-action="changeRole"]'), 'menu never opened');
    $(el, '[data-action="changeRole"]')!.click();
    await waitUntil(() => $(el, '[part~="alert"]'), 'nothing said', { timeout: 5000 });
    expect(clean($(el, '[part~="alert"] span'))).to.equal(
      'Could not reach the server. Check your connection and try again.',
    );
    expect($<HTMLDialogElement>(el, 'dialog')?.open, 'no dialog').to.not.equal(true);
    await expect(el).to.be.accessible();
    mock.worker.resetHandlers();
    menuButton().click();
    await waitUntil(() => $(el, '[data-action="changeRole"]'), 'menu never opened again');
    $(el, '[data-action="changeRole"]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'dialog never opened');
    $<HTMLDialogElement>(el, 'dialog')!.close();
  });

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

describe('a dialog whose content cannot be downloaded', () => {
  it('says the connection failed, stays closed, and downloads it on the next open', async () => {
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
