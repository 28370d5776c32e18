// Bulk actions on selected rows of <team-members>: selecting (click, shift-click, keyboard, every
// entry of the filtered view), the confirmation (what the backend says each row would come to, one
// price, a removal's consequences), the result per row, a failed request retried without doing
// anything twice, and the host's veto. The mock backend (MSW) answers as a real backend would.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { generateScenario, scenarios } from '../../mocks/scenarios.js';
import type { SeatkitAdapter } from '../../src/api/adapter.js';
import type { BulkCompletedEvent, BulkRequestEvent } from '../../src/events/index.js';
import type { BatchInput, Member } from '../../src/schemas/index.js';
import type { TeamMembers } from '../../src/elements/team-members/team-members.js';
import { fetched } from './helpers/resources.js';
import { $, $$, adapter, clean, next, row } from './helpers/team.js';

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());
afterEach(() => mock.backend.clearFaults());

/** A request the element sent: what it asked and with which key. */
interface Sent {
  input: BatchInput;
  key: string | undefined;
}

/** The HTTP adapter, recording every batch request. */
function recording(sent: Sent[]): SeatkitAdapter {
  const base = adapter();
  return new Proxy(base, {
    get(target, name, receiver) {
      if (name === 'batch')
        return (input: BatchInput, options?: { idempotencyKey?: string }) => {
          sent.push({ input, key: options?.idempotencyKey });
          return target.batch(input, options);
        };
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function mount(
  scenario: unknown,
  options: { sent?: Sent[]; width?: number } = {},
): Promise<TeamMembers> {
  await mock.backend.reset(scenario);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en" style=${options.width ? `width:${options.width}px` : ''}>
      <team-members .adapter=${options.sent ? recording(options.sent) : adapter()}></team-members>
    </div>`,
  );
  const el = wrapper.querySelector('team-members')!;
  await waitUntil(() => el.store?.status === 'ready' && el.store.complete, 'team never loaded', {
    timeout: 15_000,
  });
  await waitUntil(() => $$(el, '[role="listitem"]').length > 0, 'no rows');
  return el;
}

const box = (el: TeamMembers, name: string) =>
  row(el, name)?.querySelector<HTMLInputElement>('[part~="row-select"]') ?? null;
const selectAll = (el: TeamMembers) => $<HTMLInputElement>(el, '[part~="select-all"]')!;
const live = (el: TeamMembers) => clean($(el, 'div.visually-hidden[role="status"]'));
const selectedNames = (el: TeamMembers) =>
  $$(el, '[part~="row-selected"] .name-text').map((n) => clean(n));
const dialog = (el: TeamMembers) => $<HTMLDialogElement>(el, 'dialog.bulk');
const inDialog = (el: TeamMembers, selector: string) =>
  dialog(el)?.querySelector<HTMLElement>(selector) ?? null;
const idOf = (el: TeamMembers, email: string) =>
  el.store!.entries.find((e) => e.email === email)!.id;

/** A real click (with Shift, if asked) in the middle of `target`, scrolled into view first. */
async function click(target: Element, shift = false): Promise<void> {
  target.scrollIntoView({ block: 'nearest' });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const r = target.getBoundingClientRect();
  if (shift) await sendKeys({ down: 'Shift' });
  await sendMouse({
    type: 'click',
    position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)],
  });
  if (shift) await sendKeys({ up: 'Shift' });
}

/** The bar's Actions button, once the bulk chunk (loaded by the first selection) has arrived. */
async function actions(el: TeamMembers): Promise<HTMLButtonElement> {
  await waitUntil(() => $(el, '[part~="bulk-menu-button"]'), 'the bar never offered Actions');
  return $<HTMLButtonElement>(el, '[part~="bulk-menu-button"]')!;
}

/** Opens the bulk menu and picks `action`; resolves once the confirmation is open. */
async function choose(el: TeamMembers, action: string): Promise<HTMLDialogElement> {
  (await actions(el)).click();
  await el.updateComplete;
  const item = $(el, `#row-menu [data-bulk-action="${action}"]`);
  if (!item) throw new Error(`no ${action} in the bulk menu`);
  item.click();
  await waitUntil(() => dialog(el)?.open, `the ${action} confirmation never opened`);
  return dialog(el)!;
}

/** Waits for the backend's preview in the open confirmation. */
async function previewed(el: TeamMembers): Promise<string> {
  await waitUntil(() => inDialog(el, '[part~="bulk-summary"]'), 'no preview', { timeout: 8000 });
  return clean(inDialog(el, '[part~="dialog-body"]'));
}

async function confirm(el: TeamMembers): Promise<void> {
  inDialog(el, '[part~="confirm"]')!.click();
  await waitUntil(
    () => inDialog(el, '[part~="bulk-summary"]') && !inDialog(el, '[part~="confirm"]'),
  );
}

async function backendMember(email: string): Promise<Member | undefined> {
  const snapshot = await mock.backend.snapshot();
  const member = snapshot.members.find((m) => m.email === email);
  return member as Member | undefined;
}

describe('<team-members> bulk selection', () => {
  // The first test of its page to touch a checkbox: the order matters.
  it('downloads the bulk actions only once the pointer or focus reaches a checkbox', async () => {
    const bulkChunk = () => fetched('/team-members/bulk-actions.ts');
    const el = await mount(scenarios.productExample);
    expect(bulkChunk(), 'before anything is selected').to.equal(false);
    await click(box(el, 'Tom Becker')!);
    await actions(el);
    expect(bulkChunk()).to.equal(true);
  });

  it('selects by click and shift-click, with the header box checked, mixed or empty', async () => {
    const el = await mount(scenarios.productExample);
    expect(selectAll(el).checked).to.equal(false);
    expect(selectAll(el).indeterminate).to.equal(false);
    expect(selectAll(el).getAttribute('aria-label')).to.equal('Select all 8 shown');
    expect(box(el, 'Ana Souza')!.getAttribute('aria-label')).to.equal('Select Ana Souza');
    await click(box(el, 'Ana Souza')!);
    await actions(el);
    expect(selectedNames(el)).to.deep.equal(['Ana Souza']);
    expect(selectAll(el).indeterminate).to.equal(true);
    expect(clean($(el, '[part~="bulk-count"]'))).to.equal('1 selected');
    await waitUntil(() => live(el) === '1 selected', 'not announced');
    // Shift-click: from Ana (the anchor) to Priya, in list order.
    await click(box(el, 'Priya Shah')!, true);
    await el.updateComplete;
    expect(selectedNames(el)).to.deep.equal([
      'Ana Souza',
      'Jon Fry',
      'lena@example.com',
      'Marcus Lee',
      'Olivia Park',
      'Priya Shah',
    ]);
    await waitUntil(() => live(el) === '6 selected');
    await expect(el).to.be.accessible();
    // The header box selects every entry shown, then none.
    await click(selectAll(el));
    await el.updateComplete;
    expect(selectAll(el).checked).to.equal(true);
    expect(selectAll(el).indeterminate).to.equal(false);
    expect($(el, '[part~="bulk-select-matching"]'), 'nothing more to select').to.equal(null);
    await click(selectAll(el));
    await el.updateComplete;
    expect(selectedNames(el)).to.deep.equal([]);
    expect($(el, '[part~="bulk-menu-button"]')).to.equal(null);
    await waitUntil(() => live(el) === 'Selection cleared.');
  });

  it('is complete by keyboard: Space toggles, arrows move, Shift+arrows extend', async () => {
    const el = await mount(scenarios.productExample);
    box(el, 'Ana Souza')!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(selectedNames(el)).to.deep.equal(['Ana Souza']);
    await sendKeys({ press: 'Shift+ArrowDown' });
    await sendKeys({ press: 'Shift+ArrowDown' });
    await el.updateComplete;
    expect(selectedNames(el)).to.deep.equal(['Ana Souza', 'Jon Fry', 'lena@example.com']);
    expect(el.shadowRoot!.activeElement).to.equal(box(el, 'lena@example.com'));
    await waitUntil(() => live(el) === '3 selected');
    // Arrows alone move without selecting; Space toggles where they land.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(box(el, 'Olivia Park'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(selectedNames(el)).to.have.length(4);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(selectedNames(el)).to.have.length(3);
    // × clears everything; focus stays on the bar.
    $<HTMLButtonElement>(el, '[part~="bulk-clear"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(selectedNames(el)).to.deep.equal([]);
    await waitUntil(() => el.shadowRoot!.activeElement === selectAll(el), 'focus left the bar');
  });

  it('selects every entry of the filtered view, not only the rendered rows', async () => {
    const el = await mount(generateScenario(600));
    el.query = { search: '', role: 'agent', status: 'active', sort: 'name' };
    await el.updateComplete;
    const matching = el.visibleEntries.length;
    const rendered = $$(el, '[role="listitem"]').length;
    expect(matching).to.be.above(500);
    expect(rendered, 'the list renders only the rows in view').to.be.below(60);
    await click(box(el, clean($$(el, '.name-text')[0]))!);
    await actions(el);
    const matchingButton = $(el, '[part~="bulk-select-matching"]')!;
    expect(clean(matchingButton)).to.equal(`Select all ${matching} matching`);
    matchingButton.click();
    await el.updateComplete;
    expect(clean($(el, '[part~="bulk-count"]'))).to.equal(`${matching} selected`);
    expect(selectAll(el).checked).to.equal(true);
    // A wider filter shows rows that are not selected: the header box is mixed.
    el.query = { search: '', role: 'agent', status: '', sort: 'name' };
    await el.updateComplete;
    expect(selectAll(el).indeterminate).to.equal(true);
    // A narrower one says how many selected rows it hides.
    el.query = { search: 'ada', role: 'agent', status: 'active', sort: 'name' };
    await el.updateComplete;
    const shown = el.visibleEntries.length;
    expect(clean($(el, '[part~="bulk-count"]'))).to.equal(
      `${matching} selected (${matching - shown} not shown)`,
    );
    el.query = { search: '', role: 'agent', status: 'active', sort: 'name' };
    await el.updateComplete;
    const confirmation = await choose(el, 'deactivate');
    expect(clean(confirmation.querySelector('h2'))).to.equal(`Deactivate ${matching} members?`);
    await previewed(el);
    expect(clean(inDialog(el, '[part~="bulk-summary"]'))).to.equal(
      `All ${matching} can be deactivated.`,
    );
    inDialog(el, '[part~="cancel"]')!.click();
    await waitUntil(() => !dialog(el)?.open);
  });
});

describe('<team-members> bulk confirmation and result', () => {
  it('deactivates 3 with the owner among them: 1 refused and why, one quote, 2 done', async () => {
    const el = await mount(scenarios.productExample);
    for (const name of ['Olivia Park', 'Priya Shah', 'Tom Becker']) await click(box(el, name)!);
    await el.updateComplete;
    await choose(el, 'deactivate');
    expect(clean(inDialog(el, 'h2'))).to.equal('Deactivate 3 members?');
    expect(el.shadowRoot!.activeElement, 'Cancel, the safe choice').to.equal(
      inDialog(el, '[part~="cancel"]'),
    );
    const body = await previewed(el);
    expect(body).to.contain('2 of 3 can be deactivated.');
    expect(clean(inDialog(el, '[part~="bulk-refusals"]'))).to.equal(
      "The owner can't be deactivated. Transfer ownership first. (1) Olivia Park",
    );
    // Team plan, 5 active: deactivating 2 leaves 3; nothing is refunded.
    expect(clean(inDialog(el, '[part~="due-now"]'))).to.equal('$0.00');
    expect(clean(inDialog(el, '[part~="next-invoice"]'))).to.equal(
      '$87.00 on Dec 1, 2026 (3 seats)',
    );
    expect(clean(inDialog(el, '[part~="confirm"]'))).to.equal('Deactivate (2)');
    await expect(el).to.be.accessible();

    const request = next(el, 'seatkit-bulk-request');
    const completed = next(el, 'seatkit-bulk-completed');
    inDialog(el, '[part~="confirm"]')!.click();
    const asked: BulkRequestEvent = await request;
    expect(asked.action).to.equal('deactivate');
    expect(asked.ids).to.deep.equal(
      ['priya@example.com', 'tom@example.com'].map((e) => idOf(el, e)),
    );
    const done: BulkCompletedEvent = await completed;
    expect(done.done).to.have.length(2);
    expect(done.failed).to.deep.equal([]);
    await waitUntil(() => clean(inDialog(el, 'h2')) === 'Deactivate: the result');
    expect(clean(inDialog(el, '[part~="bulk-summary"]'))).to.equal(
      '2 of 3 deactivated. 1 refused.',
    );
    expect(clean(inDialog(el, '[part~="bulk-refused"]'))).to.contain('Olivia Park');
    expect(clean(inDialog(el, '[part~="bulk-done"]'))).to.equal('Done Priya Shah and Tom Becker');
    expect(clean(row(el, 'Priya Shah'))).to.contain('Deactivated');
    expect(clean(row(el, 'Tom Becker'))).to.contain('Deactivated');
    expect((await backendMember('tom@example.com'))?.status).to.equal('deactivated');
    expect(selectedNames(el), 'done and refused leave the selection').to.deep.equal([]);
    await waitUntil(() => live(el).startsWith('2 of 3 deactivated. 1 refused.'));
    await expect(el).to.be.accessible();
    inDialog(el, '[part~="cancel"]')!.click();
    await waitUntil(() => !dialog(el)?.open);
    await waitUntil(() => el.shadowRoot!.activeElement === selectAll(el), 'focus back on the bar');
  });

  it('removes several with their combined consequences and reassigns their numbers', async () => {
    const el = await mount(scenarios.demo);
    for (const name of ['Priya Shah', 'Tom Becker', 'Fatima Zahra']) await click(box(el, name)!);
    await choose(el, 'remove');
    expect(clean(inDialog(el, 'h2'))).to.equal('Remove 3 members?');
    const body = await previewed(el);
    for (const expected of [
      'All 3 can be removed.',
      'Phone numbers +14155550101, +14155550104, and +14155550105 are unassigned',
      '189 call recordings are kept',
      '18 SMS conversations move to the shared team inbox',
      'They leave the dialer campaigns Q4 renewals and Webinar follow-up',
      'Salesforce (priya@example.com)',
      'next renewal on Dec 1, 2026; no refund',
    ])
      expect(body).to.contain(expected);
    expect(clean(inDialog(el, '[part~="due-now"]'))).to.equal('$0.00');
    const reassign = inDialog(el, 'select[name="reassign"]') as HTMLSelectElement;
    const options = [...reassign.options].map((o) => o.textContent?.trim());
    expect(options, 'a removed member cannot take the numbers').to.not.include('Tom Becker');
    reassign.value = [...reassign.options].find((o) => o.textContent?.trim() === 'Sales')!.value;
    reassign.dispatchEvent(new Event('change'));
    await expect(el).to.be.accessible();
    await confirm(el);
    expect(clean(inDialog(el, '[part~="bulk-summary"]'))).to.equal('3 of 3 removed.');
    for (const name of ['Priya Shah', 'Tom Becker', 'Fatima Zahra'])
      expect(row(el, name), name).to.equal(undefined);
    const numbers = await adapter().listPhoneNumbers();
    for (const number of ['+14155550101', '+14155550104', '+14155550105'])
      expect(numbers.find((n) => n.number === number)?.assignee?.type, number).to.equal(
        'ringGroup',
      );
  });

  it('changes the role of several, offering only the roles the plan has', async () => {
    const el = await mount(scenarios.productExample);
    for (const name of ['Priya Shah', 'Tom Becker', 'Marcus Lee']) await click(box(el, name)!);
    await choose(el, 'changeRole');
    const select = inDialog(el, 'select[name="role"]') as HTMLSelectElement;
    expect(el.shadowRoot!.activeElement, 'the role select first').to.equal(select);
    expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'admin', 'agent']);
    expect((inDialog(el, '[part~="confirm"]') as HTMLButtonElement).disabled).to.equal(true);
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));
    expect(await previewed(el)).to.contain('All 3 can be changed.');
    const request = next(el, 'seatkit-bulk-request');
    await confirm(el);
    expect((await request).role).to.equal('admin');
    expect(clean(row(el, 'Tom Becker')?.querySelector('[part~="role"]'))).to.equal('Admin');
    expect((await backendMember('priya@example.com'))?.role).to.equal('admin');
  });

  it('applies member actions to members and invitation actions to invitations', async () => {
    const el = await mount(scenarios.productExample);
    for (const name of ['Tom Becker', 'lena@example.com', 'sam@example.com'])
      await click(box(el, name)!);
    (await actions(el)).click();
    await el.updateComplete;
    const items = $$(el, '#row-menu [data-bulk-action]').map((i) => clean(i));
    expect(items).to.deep.equal([
      'Change role 1 member',
      'Deactivate 1 member',
      'Remove Members 1 member',
      'Resend 2 invitations',
      'Revoke 2 invitations',
    ]);
    $(el, '#row-menu [data-bulk-action="revoke"]')!.click();
    await waitUntil(() => dialog(el)?.open);
    expect(clean(inDialog(el, '[part~="dialog-body"]'))).to.contain(
      '1 selected member is not affected.',
    );
    await previewed(el);
    await confirm(el);
    expect(row(el, 'lena@example.com')).to.equal(undefined);
    expect(row(el, 'sam@example.com')).to.equal(undefined);
    expect(selectedNames(el), 'the member stays selected').to.deep.equal(['Tom Becker']);
  });

  it('says when the preview could not be loaded, and asks again on Retry', async () => {
    const el = await mount(scenarios.productExample);
    await click(box(el, 'Tom Becker')!);
    mock.backend.injectFault('previewBatch', { network: true, times: 1 });
    await choose(el, 'deactivate');
    await waitUntil(() => inDialog(el, '[part~="dialog-error"]'), 'no error', { timeout: 8000 });
    expect(clean(inDialog(el, '[part~="dialog-error"]'))).to.contain(
      'We couldn’t check what this does: Could not reach the server.',
    );
    expect((inDialog(el, '[part~="confirm"]') as HTMLButtonElement).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    [...dialog(el)!.querySelectorAll('button')].find((b) => clean(b) === 'Retry')!.click();
    expect(await previewed(el)).to.contain('It can be deactivated.');
    expect((inDialog(el, '[part~="confirm"]') as HTMLButtonElement).disabled).to.equal(false);
  });

  it('lets the host veto the bulk action', async () => {
    const el = await mount(scenarios.productExample);
    for (const name of ['Priya Shah', 'Tom Becker']) await click(box(el, name)!);
    await choose(el, 'deactivate');
    await previewed(el);
    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('seatkit-bulk-request', veto);
    try {
      inDialog(el, '[part~="confirm"]')!.click();
      await waitUntil(() => !dialog(el)?.open, 'the dialog stays open');
    } finally {
      el.removeEventListener('seatkit-bulk-request', veto);
    }
    await waitUntil(() => live(el) === 'Deactivate was cancelled by the page.');
    expect(clean(row(el, 'Tom Becker'))).to.contain('Active');
    expect((await backendMember('tom@example.com'))?.status).to.equal('active');
    expect(selectedNames(el), 'still selected').to.deep.equal(['Priya Shah', 'Tom Becker']);
  });
});

describe('<team-members> bulk retry', () => {
  const FAULTS = [
    ['the request never reached the backend', { network: true as const, times: 1 }],
    ['the backend did it and the answer was lost', { dropResponse: true as const, times: 1 }],
  ] as const;
  for (const [what, fault] of FAULTS) {
    it(`keeps failed rows selected and retries only them (${what}), nothing twice`, async () => {
      const sent: Sent[] = [];
      const el = await mount(scenarios.productExample, { sent });
      await click(box(el, 'Jon Fry')!);
      await choose(el, 'reactivate');
      // Reactivating Jon takes a 6th seat: $14.50 prorated (day 15 of 30).
      await previewed(el);
      expect(clean(inDialog(el, '[part~="due-now"]'))).to.equal('$14.50');
      mock.backend.injectFault('batch', fault);
      const first = next(el, 'seatkit-bulk-completed');
      await confirm(el);
      expect((await first).failed).to.deep.equal([idOf(el, 'jon@example.com')]);
      expect(clean(inDialog(el, '[part~="bulk-failed"]'))).to.contain('Jon Fry');
      expect(selectedNames(el), 'failed rows stay selected').to.deep.equal(['Jon Fry']);
      await waitUntil(() => live(el).includes('1 failed'));
      const retry = inDialog(el, '[part~="bulk-retry"]') as HTMLButtonElement;
      expect(el.shadowRoot!.activeElement).to.equal(retry);
      expect(clean(retry)).to.equal('Retry 1 failed');
      await expect(el).to.be.accessible();
      const second = next(el, 'seatkit-bulk-completed');
      retry.click();
      expect((await second).done).to.deep.equal([idOf(el, 'jon@example.com')]);
      await waitUntil(
        () => clean(inDialog(el, '[part~="bulk-summary"]')) === '1 of 1 reactivated.',
      );
      expect(sent.map((s) => s.key)).to.deep.equal([sent[0]!.key, sent[0]!.key]);
      expect((await mock.backend.charges()).length, 'one reactivation, one charge').to.equal(1);
      expect(selectedNames(el)).to.deep.equal([]);
    });
  }

  it('retries only the failed part of a large selection, with its key; the rest is not sent again', async () => {
    const sent: Sent[] = [];
    const el = await mount(generateScenario(1100), { sent, width: 900 });
    el.query = { search: '', role: '', status: 'active', sort: 'name' };
    await el.updateComplete;
    selectAll(el).click();
    await actions(el);
    const active = el.visibleEntries.length;
    await choose(el, 'deactivate');
    await previewed(el);
    // The owner (the viewer) is refused; the others go in requests of at most 1,000, and the
    // preview's two parts are priced as one: only the owner stays, billed for the 2-seat minimum.
    expect(clean(inDialog(el, '[part~="bulk-summary"]'))).to.contain(
      `${active - 1} of ${active} can be deactivated.`,
    );
    expect(clean(inDialog(el, '[part~="bulk-quote"] dl'))).to.contain(`Active seats ${active} → 1`);
    expect(clean(inDialog(el, '[part~="due-now"]'))).to.equal('$0.00');
    expect(clean(inDialog(el, '[part~="next-invoice"]'))).to.equal(
      '$58.00 on Dec 1, 2026 (2 seats)',
    );
    mock.backend.injectFault('batch', { dropResponse: true, times: 1 });
    await confirm(el);
    expect(sent.map((s) => s.input.items.length)).to.deep.equal([1000, active - 1 - 1000]);
    expect(clean(inDialog(el, '[part~="bulk-summary"]'))).to.equal(
      `${active - 1 - 1000} of ${active} deactivated. 1 refused. 1000 failed: they are still selected, to try again.`,
    );
    expect(clean($(el, '[part~="bulk-count"]'))).to.match(/^1000 selected/);
    inDialog(el, '[part~="bulk-retry"]')!.click();
    await waitUntil(
      () => clean(inDialog(el, '[part~="bulk-summary"]')).startsWith(`${active - 1} of ${active}`),
      'the retry did not finish',
      { timeout: 10_000 },
    );
    expect(sent).to.have.length(3);
    expect(sent[2]!.key, 'the failed request again, with its key').to.equal(sent[0]!.key);
    expect(sent[2]!.input).to.deep.equal(sent[0]!.input);
    const billing = await adapter().getBillingSummary();
    expect(billing.activeSeats, 'only the owner is still active').to.equal(1);
    const snapshot = await mock.backend.snapshot();
    expect(snapshot.members.filter((m) => m.status === 'active')).to.have.length(1);
  });
});
