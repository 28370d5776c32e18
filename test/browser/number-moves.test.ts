// A phone number that rings someone moves to an invitee only when the dialog showed the move and
// the inviter confirmed it; the owner's numbers only when the owner invites (docs/product-rules.md,
// Invitations). The dialog and the bulk preview decide with the same rules function as the
// backend, on the store's snapshot.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import type { SeatkitAdapter } from '../../src/api/adapter.js';
import type { BulkInvite } from '../../src/elements/bulk-invite/bulk-invite.js';
import type { InviteDialog } from '../../src/elements/invite-dialog/invite-dialog.js';
import type { InviteInput, Member } from '../../src/schemas/index.js';
import { TeamStore } from '../../src/state/store.js';
import { adapter, clean } from './helpers/team.js';

// Mocha's globals, provided by web-test-runner (no @types/mocha in the project).
type Hook = () => Promise<void> | void;
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: Hook): void;
declare function before(fn: Hook): void;
declare function after(fn: Hook): void;

const PRIYA = '+14155550101';
const OWNER = '+14155550100';
const FREE = '+14155550103';
const SALES = '+14155550104';

/** The worked example, with one more number that rings the Sales ring group. */
const example = {
  ...scenarios.productExample,
  phoneNumbers: [...scenarios.productExample.phoneNumbers, SALES],
  ringGroups: [{ name: 'Sales', phoneNumbers: [SALES] }, 'Support'],
};

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(example);
});
after(() => mock.stop());

const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element, selector: string): string => clean($(el, selector));

/** An adapter that remembers what each invite sent. */
function recording(): { adapter: SeatkitAdapter; sent: InviteInput[] } {
  const base = adapter();
  const sent: InviteInput[] = [];
  const spy: SeatkitAdapter = Object.assign(Object.create(base) as SeatkitAdapter, {
    invite: (input: InviteInput, options?: Parameters<SeatkitAdapter['invite']>[1]) => {
      sent.push(input);
      return base.invite(input, options);
    },
  });
  return { adapter: spy, sent };
}

async function openDialog(
  options: { actor?: string; lang?: string; spy?: SeatkitAdapter } = {},
): Promise<InviteDialog> {
  await mock.backend.reset(example);
  if (options.actor) await mock.backend.setActor(options.actor);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en'}>
      <invite-dialog .adapter=${options.spy ?? adapter()}></invite-dialog>
    </div>`,
  );
  const el = wrapper.querySelector('invite-dialog')!;
  el.show();
  await waitUntil(() => $(el, '[part~="due-now"]'), 'the dialog never loaded', { timeout: 8000 });
  return el;
}

async function typeEmail(el: InviteDialog, value: string): Promise<void> {
  $<HTMLInputElement>(el, '#email')!.focus();
  await sendKeys({ type: value });
  await el.updateComplete;
}

async function pickNumber(el: InviteDialog, number: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, '#phone')!;
  select.value = number;
  select.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const submit = (el: InviteDialog) => $<HTMLButtonElement>(el, '[part~="submit"]')!;
const confirmBox = (el: InviteDialog) => $<HTMLInputElement>(el, '#move-number');

async function member(email: string): Promise<Member> {
  const page = await adapter().listTeam({ search: email });
  const found = page.items.find((e) => e.kind === 'member' && e.email === email);
  if (!found || found.kind !== 'member') throw new Error(`${email} is not a member`);
  return found;
}

async function invited(email: string): Promise<boolean> {
  const page = await adapter().listTeam({ search: email });
  return page.items.some((e) => e.kind === 'invitation' && e.email === email);
}

describe('the store’s snapshot for the rules', () => {
  const cases = [
    { actor: 'olivia@example.com', viewerIsOwner: true },
    { actor: 'marcus@example.com', viewerIsOwner: false },
  ];
  for (const { actor, viewerIsOwner } of cases) {
    it(`says who each number rings and whether the viewer is the owner (${actor})`, async () => {
      await mock.backend.reset(example);
      await mock.backend.setActor(actor);
      const store = new TeamStore(adapter());
      await store.load();
      const snapshot = store.teamSnapshot();
      expect(snapshot.viewerIsOwner).to.equal(viewerIsOwner);
      expect(Object.fromEntries(snapshot.numberHolders ?? [])).to.deep.equal({
        [OWNER]: { name: 'Olivia Park', owner: true },
        [PRIYA]: { name: 'Priya Shah', owner: false },
        [SALES]: { name: 'Sales', owner: false },
      });
    });
  }
});

describe('<invite-dialog>: a number that rings someone', () => {
  it('shows who each number rings now', async () => {
    const el = await openDialog();
    const options = [...$<HTMLSelectElement>(el, '#phone')!.options].map((o) => clean(o));
    expect(options).to.deep.equal([
      'No phone number',
      `${OWNER} · rings Olivia Park (owner)`,
      `${PRIYA} · rings Priya Shah`,
      '+14155550102 · unassigned',
      `${FREE} · unassigned`,
      `${SALES} · rings the Sales ring group`,
    ]);
    expect(confirmBox(el), 'no confirmation before a number in use is chosen').to.equal(null);
  });

  it('shows the move and asks for a confirmation, unchecked', async () => {
    const el = await openDialog();
    await pickNumber(el, PRIYA);
    expect(text(el, '#move-note')).to.equal('Moves from Priya Shah when they accept.');
    const box = confirmBox(el)!;
    expect(box.checked).to.equal(false);
    expect(clean(box.labels?.[0])).to.equal('Move this number to the invitee');
    expect($(el, '#phone')!.getAttribute('aria-describedby')).to.contain('move-note');
    expect(text(el, '#phone-error'), 'no error before Send').to.equal('');
    await expect(el).to.be.accessible();
    await pickNumber(el, SALES);
    expect(text(el, '#move-note')).to.equal('Moves from the Sales ring group when they accept.');
    await pickNumber(el, FREE);
    expect(confirmBox(el), 'an unassigned number needs no confirmation').to.equal(null);
  });

  it('refuses Send without the confirmation, with the rules’ number_in_use at the field', async () => {
    const { adapter: spy, sent } = recording();
    const el = await openDialog({ spy });
    await typeEmail(el, 'new@example.com');
    await pickNumber(el, PRIYA);
    submit(el).click();
    await waitUntil(() => text(el, '#phone-error') !== '', 'no problem at the number');
    expect(text(el, '#phone-error')).to.equal(
      `${PRIYA} rings Priya Shah. Confirm that it moves to the invitee when they accept.`,
    );
    expect($(el, '#phone')!.getAttribute('aria-invalid')).to.equal('true');
    expect(confirmBox(el)!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id, 'focus on the confirmation').to.equal('move-number');
    expect(sent, 'nothing sent').to.deep.equal([]);
    expect(el.open).to.equal(true);
    expect(await invited('new@example.com')).to.equal(false);
    await expect(el).to.be.accessible();
    // The backend answers the same request the same way.
    const answer = await adapter()
      .invite({ email: 'new@example.com', role: 'agent', phoneNumber: PRIYA })
      .catch((error: { details: { field?: string; code: string }[] }) => error.details);
    expect(answer).to.deep.include({
      field: 'phoneNumber',
      code: 'number_in_use',
      message: `${PRIYA} rings Priya Shah. Confirm that it moves to the invitee when they accept.`,
    });
  });

  it('a number given to someone after the dialog loaded: the backend’s answer, then the move', async () => {
    const el = await openDialog();
    const tom = await member('tom@example.com');
    await adapter().assignPhoneNumber(FREE, { type: 'member', memberId: tom.id });
    await typeEmail(el, 'late@example.com');
    await pickNumber(el, FREE);
    submit(el).click();
    await waitUntil(() => text(el, '#phone-error') !== '', 'no problem at the number');
    expect(text(el, '#phone-error')).to.equal(
      `${FREE} rings Tom Becker. Confirm that it moves to the invitee when they accept.`,
    );
    await waitUntil(() => confirmBox(el), 'the move never showed', { timeout: 5000 });
    expect(text(el, '#move-note')).to.equal('Moves from Tom Becker when they accept.');
    confirmBox(el)!.click();
    const done = oneEvent(el, 'seatkit-invited');
    submit(el).click();
    await done;
    await mock.backend.acceptInvitation('late@example.com');
    expect((await member('late@example.com')).phoneNumbers).to.deep.equal([FREE]);
  });

  it('sends moveNumber once confirmed; on acceptance the number rings the new member', async () => {
    const { adapter: spy, sent } = recording();
    const el = await openDialog({ spy });
    await typeEmail(el, 'new@example.com');
    await pickNumber(el, PRIYA);
    confirmBox(el)!.click();
    await el.updateComplete;
    expect(text(el, '#phone-error')).to.equal('');
    await expect(el).to.be.accessible();
    const done = oneEvent(el, 'seatkit-invited');
    submit(el).click();
    await done;
    expect(sent).to.deep.equal([
      { email: 'new@example.com', role: 'agent', phoneNumber: PRIYA, moveNumber: true },
    ]);
    expect((await member('priya@example.com')).phoneNumbers, 'until they accept').to.deep.equal([
      PRIYA,
    ]);
    await mock.backend.acceptInvitation('new@example.com');
    expect((await member('new@example.com')).phoneNumbers).to.deep.equal([PRIYA]);
    expect((await member('priya@example.com')).phoneNumbers).to.deep.equal([]);
  });

  it('sends no moveNumber for an unassigned number', async () => {
    const { adapter: spy, sent } = recording();
    const el = await openDialog({ spy });
    await typeEmail(el, 'free@example.com');
    await pickNumber(el, FREE);
    const done = oneEvent(el, 'seatkit-invited');
    submit(el).click();
    await done;
    expect(sent).to.deep.equal([{ email: 'free@example.com', role: 'agent', phoneNumber: FREE }]);
  });

  it('unchecks the confirmation when another number is chosen', async () => {
    const el = await openDialog();
    await pickNumber(el, PRIYA);
    confirmBox(el)!.click();
    await pickNumber(el, SALES);
    expect(confirmBox(el)!.checked).to.equal(false);
  });

  it('as an admin: the owner’s number is offered disabled, with the reason', async () => {
    const el = await openDialog({ actor: 'marcus@example.com' });
    const option = [...$<HTMLSelectElement>(el, '#phone')!.options].find((o) => o.value === OWNER)!;
    expect(option.disabled).to.equal(true);
    expect(clean(option)).to.equal(`${OWNER} · rings Olivia Park (owner)`);
    expect(text(el, '#phone-note')).to.equal('Only the owner can move the owner’s numbers.');
    expect($(el, '#phone')!.getAttribute('aria-describedby')).to.contain('phone-note');
    const priya = [...$<HTMLSelectElement>(el, '#phone')!.options].find((o) => o.value === PRIYA)!;
    expect(priya.disabled, 'a member’s number can be moved by an admin').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('as the owner: their own number moves with the confirmation like any other', async () => {
    const el = await openDialog();
    const option = [...$<HTMLSelectElement>(el, '#phone')!.options].find((o) => o.value === OWNER)!;
    expect(option.disabled).to.equal(false);
    expect(text(el, '#phone-note')).to.equal('');
    await pickNumber(el, OWNER);
    expect(text(el, '#move-note')).to.equal('Moves from Olivia Park when they accept.');
  });

  it('says it in German', async () => {
    const el = await openDialog({ lang: 'de' });
    await pickNumber(el, PRIYA);
    expect(text(el, '#move-note')).to.equal(
      'Wechselt von Priya Shah zur eingeladenen Person, sobald sie annimmt.',
    );
    expect(clean(confirmBox(el)!.labels?.[0])).to.equal(
      'Diese Nummer an die eingeladene Person übertragen',
    );
    await expect(el).to.be.accessible();
  });
});

describe('<bulk-invite>: a row with a number in use', () => {
  it('gets the rules’ number_in_use, shown with its row number', async () => {
    await mock.backend.reset(example);
    const el = await fixture<BulkInvite>(html`<bulk-invite .adapter=${adapter()}></bulk-invite>`);
    el.show();
    await waitUntil(() => $(el, '#file'), 'the team never loaded', { timeout: 8000 });
    const csv = `email,role,phone_number\nada@example.com,agent,${PRIYA}\nben@example.com,agent,${FREE}\n`;
    await el.loadFile(new File([csv], 'team.csv', { type: 'text/csv' }));
    await waitUntil(() => $(el, '[data-row="3"]'), 'never checked', { timeout: 15000 });
    expect(text(el, '[part~="summary"]')).to.equal('1 ready, 1 with problems');
    const row = $(el, '[data-row="2"]')!;
    expect(row.getAttribute('data-status')).to.equal('problem');
    expect(clean(row))
      .to.contain('Row 2')
      .and.contain(`${PRIYA} rings Priya Shah. A bulk invite takes unassigned numbers only.`);
    expect($(el, '[data-row="3"]')!.getAttribute('data-status')).to.equal('ready');
  });
});
