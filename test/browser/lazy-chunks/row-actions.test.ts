import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { scenarios } from '../../../mocks/scenarios.js';
import { $, clean, mountTeam, row } from '../helpers/team.js';
import { fetched } from '../helpers/resources.js';

// What a page downloads only when a flow is first used. The row actions come when first chosen.
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

describe('chunks loaded on first use', () => {
  it('says so when the row actions cannot be downloaded, and downloads them on the next try', async () => {
    expect(fetched('/member-actions.ts'), 'downloaded before the test').to.equal(false);
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
});
