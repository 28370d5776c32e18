import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import { createHttpAdapter } from '../../src/api/http-adapter.js';
import { InviteDialog } from '../../src/elements/invite-dialog/invite-dialog.js';
import type { InvitedEvent } from '../../src/events/index.js';

// Mocha's globals, provided by web-test-runner (no @types/mocha in the project).
type Hook = () => Promise<void> | void;
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: Hook): void;
declare function before(fn: Hook): void;
declare function after(fn: Hook): void;
declare function afterEach(fn: Hook): void;

if (!customElements.get('invite-dialog')) customElements.define('invite-dialog', InviteDialog);

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());
afterEach(() => mock.backend.clearFaults());

const $ = <T extends Element = HTMLElement>(el: InviteDialog, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (el: InviteDialog, selector: string): string =>
  $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const submit = (el: InviteDialog) => $<HTMLButtonElement>(el, '[part~="submit"]')!;

/** A dialog on its own page with just an adapter, opened from a button, its preview loaded. */
async function openDialog(scenario: unknown = scenarios.productExample, lang = 'en') {
  await mock.backend.reset(scenario);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <button id="opener">Invite Member</button>
      <invite-dialog .adapter=${createHttpAdapter({ baseUrl: '/api' })}></invite-dialog>
    </div>`,
  );
  const el = wrapper.querySelector('invite-dialog')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  el.show();
  await waitUntil(
    () => $(el, '[part~="due-now"], [part~="refusal"], [part~="not-allowed"]'),
    'the billing preview never loaded',
    { timeout: 8000 },
  );
  return { el, opener };
}

async function typeEmail(el: InviteDialog, value: string) {
  const input = $<HTMLInputElement>(el, '#email')!;
  input.focus();
  input.select();
  await sendKeys({ type: value });
  await el.updateComplete;
}

async function pickRole(el: InviteDialog, role: string) {
  const select = $<HTMLSelectElement>(el, '#role')!;
  select.value = role;
  select.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function invitations(): Promise<string[]> {
  const page = await createHttpAdapter({ baseUrl: '/api' }).listTeam({ limit: 500 });
  return page.items.filter((e) => e.kind === 'invitation').map((e) => e.email);
}

describe('<invite-dialog>', () => {
  it('opens as a modal, focuses the email field and is accessible when empty', async () => {
    const { el } = await openDialog();
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    expect(el.shadowRoot!.activeElement?.id).to.equal('email');
    expect(text(el, 'h2')).to.equal('Invite Member');
    expect(submit(el).textContent?.trim()).to.equal('Send Invite');
    await expect(el).to.be.accessible();
  });

  it('shows the worked example: $14.50 for the 15 days left, next invoice $174.00', async () => {
    const { el } = await openDialog();
    expect(text(el, '[part~="due-now"]')).to.equal('$14.50 for the 15 days left in this cycle');
    expect(text(el, '[part~="next-invoice"]')).to.contain('$174.00 for 6 seats on Dec 1, 2026');
    await expect(el).to.be.accessible();
  });

  it('speaks German when the page does, with money and dates from Intl', async () => {
    const { el } = await openDialog(scenarios.productExample, 'de');
    expect(text(el, 'h2')).to.equal('Mitglied einladen');
    expect(text(el, '[part~="due-now"]')).to.match(/^14,50\s\$ für die 15 verbleibenden Tage/);
    expect(text(el, '[part~="next-invoice"]')).to.contain('01.12.2026');
  });

  const emailCases = [
    { typed: 'not-an-email', message: 'Enter a valid email address, like name@example.com.' },
    {
      typed: 'Marcus@Example.com',
      message: 'Marcus@Example.com is already a member of this team.',
    },
    {
      typed: 'jon@example.com',
      message: 'jon@example.com is a deactivated member: reactivate them instead.',
    },
    {
      typed: ' lena@example.com ',
      message: 'lena@example.com already has a pending invitation: resend it instead.',
    },
  ];
  for (const { typed, message } of emailCases) {
    it(`checks the email as you type: "${typed.trim()}"`, async () => {
      const { el } = await openDialog();
      await typeEmail(el, typed);
      const input = $<HTMLInputElement>(el, '#email')!;
      await waitUntil(() => text(el, '#email-error') !== '', 'no message under the field', {
        timeout: 3000,
      });
      expect(text(el, '#email-error')).to.equal(message);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('email-error');
      await expect(el).to.be.accessible();
    });
  }

  it('clears the message once the email is fixed', async () => {
    const { el } = await openDialog();
    await typeEmail(el, 'marcus@example.com');
    expect(text(el, '#email-error')).to.contain('already a member');
    await typeEmail(el, 'new.person@example.com');
    await waitUntil(() => text(el, '#email-error') === '');
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('never offers Owner, and disables Supervisor below Pro with the reason', async () => {
    const { el } = await openDialog();
    const options = [...$<HTMLSelectElement>(el, '#role')!.options];
    expect(options.map((o) => o.value)).to.deep.equal(['admin', 'supervisor', 'agent']);
    expect(options.find((o) => o.value === 'supervisor')!.disabled).to.equal(true);
    expect(text(el, '#role-note')).to.equal('Supervisor needs the Pro plan or above.');
    expect($(el, '#role')!.getAttribute('aria-describedby')).to.contain('role-note');
  });

  it('offers Supervisor on Pro', async () => {
    const { el } = await openDialog(scenarios.pro);
    const supervisor = [...$<HTMLSelectElement>(el, '#role')!.options].find(
      (o) => o.value === 'supervisor',
    )!;
    expect(supervisor.disabled).to.equal(false);
    expect(text(el, '#role-note')).to.equal('');
  });

  it('offers the account’s phone numbers', async () => {
    const { el } = await openDialog();
    const values = [...$<HTMLSelectElement>(el, '#phone')!.options].map((o) => o.value);
    expect(values).to.deep.equal([
      '',
      '+14155550100',
      '+14155550101',
      '+14155550102',
      '+14155550103',
    ]);
  });

  it('refuses on Essentials at its limit with the reason, Send Invite disabled', async () => {
    const { el } = await openDialog(scenarios.essentialsAtLimit);
    expect(text(el, '[part~="refusal"]')).to.contain('Essentials allows up to 5 seats');
    expect(submit(el).disabled).to.equal(true);
    expect(submit(el).getAttribute('aria-describedby')).to.equal('refusal');
    await expect(el).to.be.accessible();
  });

  it('sends exactly one invitation however often Send Invite is clicked', async () => {
    const { el, opener } = await openDialog();
    mock.backend.injectFault('invite', { latencyMs: 300 });
    await typeEmail(el, 'newbie@example.com');
    await pickRole(el, 'admin');
    const sent = oneEvent(el, 'seatkit-invited') as Promise<InvitedEvent>;
    for (let i = 0; i < 5; i++) submit(el).click();
    await el.updateComplete;
    expect(submit(el).disabled).to.equal(true);
    const event = await sent;
    expect(event.invitation.email).to.equal('newbie@example.com');
    expect(event.invitation.role).to.equal('admin');
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => !el.open);
    expect((await invitations()).filter((e) => e === 'newbie@example.com')).to.have.length(1);
    expect(text(el, '[role="status"]')).to.equal('Invitation sent to newbie@example.com.');
    expect(document.activeElement).to.equal(opener);
    el.show();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('');
  });

  it('keeps what was typed and says why when sending fails, and retries with the same key', async () => {
    const { el } = await openDialog();
    await typeEmail(el, 'retry@example.com');
    await pickRole(el, 'admin');
    const phone = $<HTMLSelectElement>(el, '#phone')!;
    phone.value = '+14155550103';
    phone.dispatchEvent(new Event('input'));
    mock.backend.injectFault('invite', { status: 503, times: 1 });
    submit(el).click();
    await waitUntil(() => $(el, '[part~="error"]'), 'no error shown');
    expect(el.open).to.equal(true);
    expect(text(el, '[part~="error"]')).to.equal(
      'The server had a problem. Try again: nothing is sent twice.',
    );
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('retry@example.com');
    expect($<HTMLSelectElement>(el, '#role')!.value).to.equal('admin');
    expect($<HTMLSelectElement>(el, '#phone')!.value).to.equal('+14155550103');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'seatkit-invited');
    submit(el).click();
    await sent;
    expect((await invitations()).filter((e) => e === 'retry@example.com')).to.have.length(1);
  });

  it('shows the backend’s field error under its field', async () => {
    const { el } = await openDialog();
    // Someone else invites the same person after this dialog loaded the team.
    await createHttpAdapter({ baseUrl: '/api' }).invite({
      email: 'race@example.com',
      role: 'agent',
    });
    await typeEmail(el, 'race@example.com');
    expect(text(el, '#email-error')).to.equal('');
    submit(el).click();
    await waitUntil(() => text(el, '#email-error') !== '', 'no field error');
    expect(text(el, '#email-error')).to.equal(
      'race@example.com already has a pending invitation: resend it instead.',
    );
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('does not send an invalid form; it points at the field instead', async () => {
    const { el } = await openDialog();
    submit(el).click();
    await el.updateComplete;
    await waitUntil(() => text(el, '#email-error') !== '');
    expect(text(el, '#email-error')).to.equal('Enter an email address.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('email');
  });

  it('is complete by keyboard: type, Tab to the role, Enter sends, Escape closes', async () => {
    const { el, opener } = await openDialog();
    await sendKeys({ type: 'keys@example.com' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('role');
    await sendKeys({ press: 'Shift+Tab' });
    const sent = oneEvent(el, 'seatkit-invited');
    await sendKeys({ press: 'Enter' });
    await sent;
    await waitUntil(() => !el.open);
    expect(document.activeElement).to.equal(opener);

    el.show();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'email');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open, 'Escape did not close');
    expect(el.hasAttribute('open')).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('explains to an agent that they can’t invite', async () => {
    const { el } = await openDialog({ ...scenarios.productExample, actor: 'priya@example.com' });
    expect(text(el, '[part~="not-allowed"]')).to.contain('You can’t invite members.');
    expect($(el, '#email')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens from the open attribute and closes with close()', async () => {
    await mock.backend.reset(scenarios.productExample);
    const el = await fixture<InviteDialog>(
      html`<invite-dialog open .adapter=${createHttpAdapter({ baseUrl: '/api' })}></invite-dialog>`,
    );
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    el.close();
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
  });
});
