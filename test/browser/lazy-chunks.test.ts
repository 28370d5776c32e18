import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.ts';
import { scenarios } from '../../mocks/scenarios.ts';
import type { InviteDialog } from '../../src/elements/invite-dialog/invite-dialog.ts';
import { LazyDialog, type DialogContent } from '../../src/elements/shared/lazy-dialog.ts';
import { $, clean, mountTeam, row } from './helpers/team.ts';

// What a page downloads only when a flow is first used. The test server serves every module as
// its own file, so the browser's resource timing says which ones were fetched.
performance.setResourceTimingBufferSize(100_000);
const fetched = (file: string) =>
  performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.endsWith(file));

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());

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

  it('loads the row actions when a ⋮ menu opens, and the action then works', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const button = row(el, 'Marcus Lee')!.querySelector<HTMLButtonElement>(
      '[part~="menu-button"]',
    )!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => fetched('/member-actions.ts'), 'row actions never loaded');
    const item = $(el, '[data-action="changeRole"]')!;
    item.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'dialog never opened');
    expect(clean($(el, '[part~="dialog-title"]'))).to.contain('Marcus Lee');
  });

  it('loads Invite Member on first open; after show() and updateComplete it is open and focused', async () => {
    mock.backend.reset(scenarios.productExample);
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
  let attempts = 0;
  class OfflineDialog extends LazyDialog<DialogContent> {
    protected readonly contentTag = 'seatkit-test-offline-flow';
    protected importContent(): Promise<CustomElementConstructor> {
      attempts += 1;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    }
    protected renderContent() {
      return html``;
    }
  }
  customElements.define('seatkit-test-offline-dialog', OfflineDialog);

  it('says the connection failed, stays closed, and tries again on the next open', async () => {
    const el = await fixture<OfflineDialog>(
      html`<seatkit-test-offline-dialog></seatkit-test-offline-dialog>`,
    );
    el.show();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(clean(el.shadowRoot!.querySelector('[part~="load-error"]'))).to.equal(
      'Could not reach the server. Check your connection and try again.',
    );
    await expect(el).to.be.accessible();
    el.show();
    await el.updateComplete;
    expect(attempts).to.equal(2);
  });
});
