import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { generateScenario, scenarios } from '../../mocks/scenarios.js';
import { $, $$, adapter, clean, menuItem, mountTeam, openMenu, pick, row } from './helpers/team.js';
import type { TeamMembers } from '../../src/elements/team-members/team-members.js';

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());
afterEach(() => mock.backend.clearFaults());

describe('<team-members> list', () => {
  it('shows members and invitations with avatar, role, status and numbers', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const olivia = row(el, 'Olivia Park')!;
    expect(clean(olivia.querySelector('[part~="avatar"]'))).to.equal('OP');
    expect(clean(olivia))
      .to.contain('olivia@example.com')
      .and.contain('Owner')
      .and.contain('+14155550100');
    expect(clean(olivia)).to.contain('(you)');
    expect(clean(row(el, 'lena@example.com'))).to.contain('Pending until Nov 21, 2026');
    expect(clean(row(el, 'sam@example.com'))).to.contain('Expired on Nov 9, 2026');
    expect(clean(row(el, 'Jon Fry'))).to.contain('Deactivated');
    expect($$(el, '[role="listitem"]').length).to.equal(8);
    await expect(el).to.be.accessible();
  });

  it('searches by name or email, filters by role and status, and sorts', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const names = () =>
      $$(el, '[part~="name"]').map((n) => clean(n).replace(' (you)', '').replace(' Invited', ''));
    const cases: Array<[Partial<TeamMembers['query']>, string[]]> = [
      [{ search: 'PRI' }, ['Priya Shah']],
      [{ search: 'lena@' }, ['lena@example.com']],
      [{ role: 'admin' }, ['Marcus Lee', 'sam@example.com']],
      [{ status: 'pending' }, ['lena@example.com']],
      [{ status: 'expired' }, ['sam@example.com']],
      [{ status: 'deactivated', role: 'agent' }, ['Jon Fry']],
    ];
    for (const [patch, expected] of cases) {
      el.query = { search: '', role: '', status: '', sort: 'name', ...patch };
      await el.updateComplete;
      await waitUntil(() => names().length === expected.length, JSON.stringify(patch));
      expect(names(), JSON.stringify(patch)).to.deep.equal(expected);
    }
    el.query = { search: '', role: '', status: '', sort: 'role' };
    await el.updateComplete;
    await waitUntil(() => names()[0] === 'Olivia Park');
    expect(names().slice(0, 3)).to.deep.equal(['Olivia Park', 'Marcus Lee', 'sam@example.com']);
  });

  it('types into the search box and offers to clear filters when nothing matches', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    $<HTMLInputElement>(el, '[part~="search"]')!.focus();
    await sendKeys({ type: 'nobody-like-this' });
    await el.updateComplete;
    expect(clean($(el, '[part~="empty"]'))).to.contain('No one matches');
    await expect(el).to.be.accessible();
    ($(el, '[part~="empty"] button') as HTMLButtonElement).click();
    await el.updateComplete;
    await waitUntil(() => $$(el, '[role="listitem"]').length === 8);
  });

  it('shows the loading state, then an error with Retry that recovers', async () => {
    await mock.backend.reset(scenarios.productExample);
    mock.backend.injectFault('listTeam', { status: 500, times: 1 });
    const el = await fixture<TeamMembers>(
      html`<team-members .adapter=${adapter()}></team-members>`,
    );
    expect(clean($(el, '[part~="loading"]'))).to.contain('Loading team');
    await expect(el).to.be.accessible();
    await waitUntil(() => $(el, '[part~="error"]'), 'no error state', { timeout: 8000 });
    expect(clean($(el, '[part~="error"]'))).to.contain('The team could not be loaded.');
    // The one error look, as <seat-billing-preview>'s: the danger colour for text and border.
    const error = getComputedStyle($(el, '[part~="error"]')!);
    expect(error.color, 'error text').to.equal('rgb(180, 35, 24)');
    expect(error.borderTopColor, 'error border').to.equal('rgb(180, 35, 24)');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => $$(el, '[role="listitem"]').length === 8, 'retry did not load', {
      timeout: 8000,
    });
  });

  it('speaks German when the page does', async () => {
    const el = await mountTeam(mock, scenarios.productExample, { lang: 'de' });
    expect(clean(row(el, 'Olivia Park')))
      .to.contain('Inhaber')
      .and.contain('(Sie)');
    expect(clean(row(el, 'lena@example.com'))).to.contain('Ausstehend bis');
    expect(clean($(el, '[part~="invite-button"]'))).to.equal('Mitglied einladen');
    await expect(el).to.be.accessible();
  });

  // How fast it renders and filters is the bench's (npm run bench: team10k), not a test's.
  it('loads 10,000 members through the cursor, renders only the visible rows and filters them', async () => {
    const el = await mountTeam(mock, generateScenario(10_000));
    expect(el.store!.entries.length).to.be.at.least(10_000);
    expect($$(el, '[role="listitem"]').length).to.be.below(100);
    el.query = { ...el.query, search: 'ada' };
    const shown = el.visibleEntries;
    expect(shown.length).to.be.above(0);
    expect(shown.length).to.be.below(el.store!.entries.length);
    for (const entry of shown)
      expect(
        `${entry.kind === 'member' ? entry.name : ''} ${entry.email}`.toLowerCase(),
      ).to.contain('ada');
  });
});

describe('<team-members> for each role', () => {
  const MEMBER_ACTIONS = ['changeRole', 'assignNumber', 'deactivate', 'remove'];
  const cases = [
    {
      role: 'owner',
      actor: 'olivia@example.com',
      scenario: scenarios.productExample,
      invites: true,
      on: 'Marcus Lee',
      actions: [...MEMBER_ACTIONS, 'transfer'],
    },
    {
      role: 'admin',
      actor: 'marcus@example.com',
      scenario: scenarios.productExample,
      invites: true,
      on: 'Priya Shah',
      actions: MEMBER_ACTIONS,
    },
    {
      role: 'supervisor',
      actor: 'grace@example.com',
      scenario: scenarios.pro,
      invites: false,
      on: 'Priya Shah',
      actions: [],
    },
    {
      role: 'agent',
      actor: 'priya@example.com',
      scenario: scenarios.productExample,
      invites: false,
      on: 'Tom Becker',
      actions: [],
    },
  ];
  for (const c of cases) {
    it(`shows the ${c.role} what a ${c.role} may do`, async () => {
      const el = await mountTeam(mock, c.scenario, { actor: c.actor });
      expect(Boolean($(el, '[part~="invite-button"]')), 'Invite Member').to.equal(c.invites);
      expect(Boolean($(el, '[part~="bulk-invite-button"]')), 'Bulk Invite').to.equal(c.invites);
      if (!c.actions.length) {
        expect($$(el, '[part~="menu-button"]')).to.have.length(0);
      } else {
        const items = await openMenu(el, c.on);
        expect(items.map((i) => i.dataset.action)).to.deep.equal(c.actions);
        expect(items.every((i) => i.getAttribute('aria-disabled') === 'false')).to.equal(true);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('disables what an admin may not do to the owner, with the reason', async () => {
    const el = await mountTeam(mock, scenarios.productExample, { actor: 'marcus@example.com' });
    await openMenu(el, 'Olivia Park');
    const role = menuItem(el, 'changeRole')!;
    expect(role.getAttribute('aria-disabled')).to.equal('true');
    expect(clean(role)).to.contain("owner's role can't be changed");
    expect(menuItem(el, 'deactivate')!.getAttribute('aria-disabled')).to.equal('true');
    expect(menuItem(el, 'transfer')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers Resend and Revoke on invitations', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const items = await openMenu(el, 'sam@example.com');
    expect(items.map((i) => clean(i))).to.deep.equal(['Resend', 'Revoke']);
  });
});

describe('<team-members> Invite Member and Bulk Invite', () => {
  it('opens its own dialogs; a sent invitation appears in the list at once', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    $<HTMLButtonElement>(el, '[part~="bulk-invite-button"]')!.click();
    const bulk = $<HTMLElement & { open: boolean; close(): void }>(el, 'bulk-invite')!;
    await waitUntil(() => bulk.open, 'Bulk Invite did not open');
    bulk.close();
    $<HTMLButtonElement>(el, '[part~="invite-button"]')!.click();
    const dialog = $<HTMLElement & { open: boolean; updateComplete: Promise<boolean> }>(
      el,
      'invite-dialog',
    )!;
    await waitUntil(() => dialog.open, 'Invite Member did not open');
    // The dialog's content is loaded on first open; updateComplete includes that.
    await dialog.updateComplete;
    const email = dialog.shadowRoot!.querySelector<HTMLInputElement>('#email')!;
    email.focus();
    await sendKeys({ type: 'new.person@example.com' });
    const submit = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!;
    await waitUntil(() => !submit.disabled, 'Send Invite stays disabled', { timeout: 5000 });
    submit.click();
    await waitUntil(() => Boolean(row(el, 'new.person@example.com')), 'invitation not listed', {
      timeout: 5000,
    });
    await waitUntil(() =>
      clean($(el, '[role="status"]')).includes('Invitation sent to new.person@example.com'),
    );
  });
});

describe('<team-members> ⋮ menu keyboard', () => {
  it('opens with Enter, moves with arrows, Home/End, closes with Escape back on the button', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const button = row(el, 'Marcus Lee')!.querySelector<HTMLButtonElement>(
      '[part~="menu-button"]',
    )!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const active = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.action;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(active()).to.equal('changeRole');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal('assignNumber');
    await sendKeys({ press: 'End' });
    expect(active()).to.equal('transfer');
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal('changeRole');
    await sendKeys({ press: 'ArrowUp' });
    expect(active()).to.equal('transfer');
    await sendKeys({ press: 'Home' });
    expect(active()).to.equal('changeRole');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '#row-menu')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('opens on the last item with ArrowUp and runs an item with Enter, focus returning after', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const button = row(el, 'Marcus Lee')!.querySelector<HTMLButtonElement>(
      '[part~="menu-button"]',
    )!;
    button.focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.action).to.equal('transfer');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open);
    expect(clean(dialog.querySelector('h2'))).to.equal('Change role for Marcus Lee');
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('SELECT');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement === button, 'focus did not return to ⋮');
  });
});

// ---- look, theme, language and reasons ---------------------------------------------------------

const DARK_SURFACE = 'rgb(22, 24, 29)';
const background = (node: Element | null | undefined) =>
  node ? getComputedStyle(node).backgroundColor : '';

describe('<team-members> alert, theme and parts', () => {
  it('has no alert box (no space, no border) until something failed, then shows it', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const region = $(el, '[role="alert"]')!;
    expect(region, 'the live region exists before anything is said').to.not.equal(null);
    expect(region.getBoundingClientRect().height, 'empty alert height').to.be.at.most(1);
    expect($(el, '[part~="alert"]'), 'an empty alert box').to.equal(null);
    const gap = parseFloat(getComputedStyle($(el, '[part~="base"]')!).rowGap);
    const header = $(el, '[part~="header"]')!.getBoundingClientRect();
    const toolbar = $(el, '[part~="toolbar"]')!.getBoundingClientRect();
    expect(toolbar.top - header.bottom, 'header to toolbar').to.be.closeTo(gap, 1);

    mock.backend.injectFault('resendInvitation', { status: 500, times: 1 });
    await openMenu(el, 'sam@example.com');
    menuItem(el, 'resend')!.click();
    await waitUntil(() => $(el, '[part~="alert"]'), 'no alert', { timeout: 5000 });
    const box = $(el, '[part~="alert"]')!;
    expect(region.contains(box)).to.equal(true);
    expect(getComputedStyle(box).borderTopWidth).to.equal('1px');
    expect(box.getBoundingClientRect().height).to.be.above(10);
    expect(clean(box)).to.contain('Resend failed');
    await expect(el).to.be.accessible();
    box.querySelector('button')!.click();
    await el.updateComplete;
    expect(region.getBoundingClientRect().height, 'dismissed alert height').to.be.at.most(1);
  });

  it('passes theme="dark" on to the dialogs it renders, and follows a change', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    expect(background($(el, '[part~="base"]'))).to.equal(DARK_SURFACE);
    const invite = $(el, 'invite-dialog')!;
    const bulk = $(el, 'bulk-invite')!;
    expect(invite.getAttribute('theme')).to.equal('dark');
    expect(bulk.getAttribute('theme')).to.equal('dark');
    $<HTMLButtonElement>(el, '[part~="invite-button"]')!.click();
    const dialog = () => invite.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog()?.open, 'invite dialog never opened');
    expect(background(dialog()), 'the Invite Member dialog').to.equal(DARK_SURFACE);
    dialog().close();
    el.theme = 'light';
    await el.updateComplete;
    expect(invite.getAttribute('theme')).to.equal('light');
    expect(background($(el, '[part~="base"]'))).to.equal('rgb(255, 255, 255)');
  });

  it('takes theme="dark" from an ancestor, for itself and its dialogs', async () => {
    await mock.backend.reset(scenarios.productExample);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div theme="dark" lang="en"><team-members .adapter=${adapter()}></team-members></div>`,
    );
    const el = wrapper.querySelector('team-members')!;
    await waitUntil(() => $(el, 'bulk-invite'), 'never loaded', { timeout: 8000 });
    expect(background($(el, '[part~="base"]'))).to.equal(DARK_SURFACE);
    const bulk = $(el, 'bulk-invite')!;
    expect(bulk.getAttribute('theme')).to.equal('dark');
    $<HTMLButtonElement>(el, '[part~="bulk-invite-button"]')!.click();
    const dialog = () => bulk.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog()?.open, 'bulk dialog never opened');
    expect(background(dialog()), 'the Bulk Invite dialog').to.equal(DARK_SURFACE);
    dialog().close();
  });

  it('exports the inner dialogs’ parts with a prefix for the host page to style', async () => {
    const style = document.createElement('style');
    style.textContent = `
      team-members::part(invite-dialog-dialog) { border-top-color: rgb(1, 2, 3); }
      team-members::part(bulk-invite-submit) { border-top-color: rgb(4, 5, 6); }`;
    document.head.append(style);
    try {
      const el = await mountTeam(mock, scenarios.productExample);
      $<HTMLButtonElement>(el, '[part~="invite-button"]')!.click();
      const invite = $(el, 'invite-dialog')!;
      await waitUntil(() => invite.shadowRoot!.querySelector('dialog')?.open, 'never opened');
      const inviteDialog = invite.shadowRoot!.querySelector('dialog')!;
      expect(getComputedStyle(inviteDialog).borderTopColor).to.equal('rgb(1, 2, 3)');
      inviteDialog.close();
      $<HTMLButtonElement>(el, '[part~="bulk-invite-button"]')!.click();
      const bulk = $(el, 'bulk-invite')!;
      await waitUntil(() => bulk.shadowRoot!.querySelector('[part~="submit"]'), 'no submit', {
        timeout: 5000,
      });
      const submit = bulk.shadowRoot!.querySelector('[part~="submit"]')!;
      expect(getComputedStyle(submit).borderTopColor).to.equal('rgb(4, 5, 6)');
      bulk.shadowRoot!.querySelector('dialog')!.close();
    } finally {
      style.remove();
    }
  });
});

describe('<team-members> language changes and German reasons', () => {
  it('re-renders when lang changes after it rendered (its rows and its dialogs too)', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    expect(clean($(el, '[part~="invite-button"]'))).to.equal('Invite Member');
    el.parentElement!.setAttribute('lang', 'de');
    await waitUntil(
      () => clean($(el, '[part~="invite-button"]')) === 'Mitglied einladen',
      'the header is still English',
    );
    await waitUntil(
      () => clean(row(el, 'lena@example.com')).includes('Ausstehend bis'),
      'the rows are still English',
    );
    const invite = $(el, 'invite-dialog')!;
    invite.setAttribute('open', '');
    await waitUntil(() => clean(invite.shadowRoot!.querySelector('h2')) === 'Mitglied einladen');
    invite.removeAttribute('open');
    el.parentElement!.setAttribute('lang', 'en');
    await waitUntil(() => clean($(el, '[part~="invite-button"]')) === 'Invite Member');
  });

  it('gives the rules’ refusal reasons in German', async () => {
    const el = await mountTeam(mock, scenarios.productExample, {
      actor: 'marcus@example.com',
      lang: 'de',
    });
    await openMenu(el, 'Olivia Park');
    const role = clean(menuItem(el, 'changeRole'));
    expect(role).to.contain('Die Rolle des Inhabers kann nicht geändert werden');
    expect(role).not.to.contain('owner');
    expect(clean(menuItem(el, 'deactivate'))).to.contain(
      'Der Inhaber kann nicht deaktiviert werden',
    );
    await expect(el).to.be.accessible();
  });

  it('gives the backend’s refusal (wrong password) and a rate limit in German', async () => {
    const el = await mountTeam(mock, scenarios.productExample, { lang: 'de' });
    const dialog = await pick(el, 'Marcus Lee', 'transfer');
    dialog.querySelector<HTMLInputElement>('input[name="password"]')!.value = 'wrong one';
    $<HTMLButtonElement>(el, 'dialog [part~="confirm"]')!.click();
    const error = () => clean(dialog.querySelector('[part~="dialog-error"]'));
    await waitUntil(() => error(), 'no reason', { timeout: 5000 });
    expect(error()).to.contain('Das Passwort ist nicht richtig');
    expect(error()).not.to.match(/password/i);
    dialog.close();

    mock.backend.injectFault('resendInvitation', { status: 429, retryAfter: 2, times: 1 });
    await openMenu(el, 'sam@example.com');
    menuItem(el, 'resend')!.click();
    await waitUntil(() => $(el, '[part~="alert"]'), 'no alert', { timeout: 5000 });
    expect(clean($(el, '[part~="alert"] span'))).to.contain(
      'Zu viele Anfragen. Versuchen Sie es in 2 Sekunden erneut.',
    );
  });
});

describe('<team-members> windowed list', () => {
  // Wide rows are --seatkit-row-height (56px); below 37.5em wide they stack into
  // --seatkit-row-height-stacked (6.5em, 104px at the test page's 16px).
  const LAYOUTS = [
    { name: 'wide', width: 800, rowHeight: 56 },
    { name: 'stacked', width: 360, rowHeight: 104 },
  ];

  /** At each scroll position, the row at the top of the list is the one the position says. */
  async function checkWindow(el: TeamMembers, rowHeight: number) {
    const list = $(el, '[part~="list"]')!;
    for (const top of [3000, 60_000, 250_000, 0]) {
      list.scrollTop = top;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await waitUntil(() => $$(el, '[role="listitem"]').length > 0);
      const rows = $$(el, '[role="listitem"]');
      for (const r of rows)
        expect(r.getBoundingClientRect().height, 'row height').to.equal(rowHeight);
      const expected = Math.floor(list.scrollTop / rowHeight) + 1;
      const row = $(el, `[role="listitem"][aria-posinset="${expected}"]`);
      expect(row, `row ${expected} at scrollTop ${top}`).to.not.equal(null);
      const box = row!.getBoundingClientRect();
      const view = list.getBoundingClientRect();
      expect(box.bottom, 'in view').to.be.above(view.top);
      expect(box.top, 'in view').to.be.below(view.top + rowHeight + 1);
      expect(rows.length, 'rows in the DOM').to.be.below(60);
    }
  }

  for (const layout of LAYOUTS) {
    it(`scrolls 10,000 members inside its maximum height (${layout.name} rows), showing the right rows, with no ResizeObserver error event`, async () => {
      const seen: string[] = [];
      const onError = (e: ErrorEvent) => {
        if (String(e.message).includes('ResizeObserver')) seen.push(e.message);
      };
      // Capture on window runs before the helpers' listener that hides this notice from mocha.
      window.addEventListener('error', onError, true);
      try {
        const el = await mountTeam(mock, generateScenario(10_000), { width: layout.width });
        const list = $(el, '[part~="list"]')!;
        const height = list.getBoundingClientRect().height;
        expect(height, 'the list is as high as its maximum').to.be.closeTo(448, 2);
        await checkWindow(el, layout.rowHeight);
        await new Promise((r) => setTimeout(r, 100));
        expect(list.getBoundingClientRect().height).to.be.closeTo(height, 1);
        expect(list.scrollHeight, 'the list scrolls itself').to.be.above(10_000 * 50);
        expect(seen, 'error events').to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError, true);
      }
    });
  }

  it('re-measures its rows when its own width moves it between the layouts', async () => {
    const el = await mountTeam(mock, generateScenario(10_000), { width: 800 });
    const wrapper = el.parentElement!;
    for (const layout of [LAYOUTS[1]!, LAYOUTS[0]!]) {
      wrapper.style.width = `${layout.width}px`;
      await waitUntil(
        () => $(el, '[role="listitem"]')?.getBoundingClientRect().height === layout.rowHeight,
        `no ${layout.name} rows`,
      );
      await checkWindow(el, layout.rowHeight);
    }
  });

  it('is as high as its rows when they are few, up to --seatkit-list-max-height', async () => {
    const el = await mountTeam(mock, scenarios.emptyTeam);
    const list = $(el, '[part~="list"]')!;
    const rows = $$(el, '[role="listitem"]');
    const borders = 2;
    expect(list.getBoundingClientRect().height).to.be.closeTo(rows.length * 56 + borders, 1);
    const many = await mountTeam(mock, scenarios.demo);
    many.style.setProperty('--seatkit-list-max-height', '200px');
    await waitUntil(
      () => Math.round($(many, '[part~="list"]')!.getBoundingClientRect().height) === 200,
      'the maximum height token is not followed',
    );
  });
});

describe('<team-members> while the team loads', () => {
  for (const width of [800, 360]) {
    it(`keeps its size: nothing above or in the list box moves when the rows arrive (${width}px)`, async () => {
      // The demo team is longer than the list's maximum height, as the placeholder rows assume.
      mock.backend.reset(scenarios.demo);
      mock.backend.injectFault('listTeam', { latencyMs: 700, times: 1 });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width:${width}px">
          <team-members .adapter=${adapter()}></team-members>
        </div>`,
      );
      const el = wrapper.querySelector('team-members')!;
      await el.updateComplete;
      const loading = $(el, '[part~="loading"]');
      expect(loading, 'the loading state').to.not.equal(null);
      expect(clean(loading)).to.contain('Loading team…');
      const buttons = ['invite-button', 'bulk-invite-button'].map((part) =>
        $<HTMLButtonElement>(el, `[part~="${part}"]`)!,
      );
      expect(
        buttons.map((b) => b?.disabled),
        'Invite Member, Bulk Invite',
      ).to.deep.equal([true, true]);
      await expect(el).to.be.accessible();
      const box = (selector: string) => $(el, selector)!.getBoundingClientRect();
      const before = {
        header: box('[part~="header"]'),
        toolbar: box('[part~="toolbar"]'),
        list: box('[part~="loading"]'),
        element: el.getBoundingClientRect(),
      };
      await waitUntil(() => $(el, '[part~="list"] [role="listitem"]'), 'never loaded', {
        timeout: 8000,
      });
      const after = {
        header: box('[part~="header"]'),
        toolbar: box('[part~="toolbar"]'),
        list: box('[part~="list"]'),
        element: el.getBoundingClientRect(),
      };
      for (const key of ['header', 'toolbar', 'list', 'element'] as const) {
        expect(after[key].top, `${key} top`).to.be.closeTo(before[key].top, 2);
        expect(after[key].height, `${key} height`).to.be.closeTo(before[key].height, 2);
      }
      expect(
        buttons.map((b) => b.isConnected && !b.disabled),
        'enabled once loaded',
      ).to.deep.equal([true, true]);
    });
  }

  it('hides the invite buttons once loaded from someone who may not invite', async () => {
    const el = await mountTeam(mock, scenarios.productExample, { actor: 'priya@example.com' });
    expect($(el, '[part~="invite-button"]')).to.equal(null);
    expect($(el, '[part~="bulk-invite-button"]')).to.equal(null);
  });
});
