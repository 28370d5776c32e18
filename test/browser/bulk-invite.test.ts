import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import { createHttpAdapter } from '../../src/api/http-adapter.js';
import { BulkInvite } from '../../src/elements/bulk-invite/bulk-invite.js';
import type { InvitationsSentEvent } from '../../src/events/index.js';

// Mocha's globals, provided by web-test-runner (no @types/mocha in the project).
type Hook = () => Promise<void> | void;
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: Hook): void;
declare function before(fn: Hook): void;
declare function after(fn: Hook): void;
declare function afterEach(fn: Hook): void;

// lit-virtualizer measures its rows in a ResizeObserver; Chromium reports the benign "loop
// completed with undelivered notifications" notice through window.onerror, which mocha would
// count as a failure.
window.addEventListener(
  'error',
  (event) => {
    if (/ResizeObserver loop/.test(event.message)) event.stopImmediatePropagation();
  },
  true,
);

if (!customElements.get('bulk-invite')) customElements.define('bulk-invite', BulkInvite);

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());
afterEach(() => mock.backend.clearFaults());

const $ = <T extends Element = HTMLElement>(el: BulkInvite, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element | null): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: BulkInvite, name: string) => text($(el, `[part~="${name}"]`));
const submit = (el: BulkInvite) => $<HTMLButtonElement>(el, '[part~="submit"]')!;
const frame = () => new Promise((r) => requestAnimationFrame(r));

/**
 * Row `n` of the virtualized list, scrolling the dialog's content (the list scrolls with it)
 * until it is rendered.
 */
async function rowAt(el: BulkInvite, n: number): Promise<HTMLElement | null> {
  const list = $(el, '[part~="rows"]');
  const content = $(el, '[part~="content"]');
  if (!list || !content) return null;
  content.scrollTop = list.offsetTop - content.clientHeight / 2;
  for (let i = 0; i < 40; i++) {
    await frame();
    const found = $(el, `[data-row="${n}"]`);
    if (found) return found;
    content.scrollTop += content.clientHeight / 2;
  }
  return $(el, `[data-row="${n}"]`);
}
const status = async (el: BulkInvite, n: number) =>
  (await rowAt(el, n))?.getAttribute('data-status');

async function openBulk(scenario: unknown = scenarios.productExample) {
  await mock.backend.reset(scenario);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <button id="opener">Bulk Invite</button>
      <bulk-invite .adapter=${createHttpAdapter({ baseUrl: '/api' })}></bulk-invite>
    </div>`,
  );
  const el = wrapper.querySelector('bulk-invite')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  el.show();
  await waitUntil(() => $(el, '#file'), 'the team never loaded', { timeout: 8000 });
  return { el, opener };
}

/** Loads a CSV as a picked file and waits until every row is checked. */
async function load(el: BulkInvite, content: string | Uint8Array, name = 'team.csv') {
  await el.loadFile(new File([content as BlobPart], name, { type: 'text/csv' }));
  await waitUntil(() => $(el, '[part~="summary"], [part~="file-problems"]'), 'never checked', {
    timeout: 15000,
  });
  // The virtualized list renders the rows in view, once it has measured itself.
  $(el, '[part~="rows"]')?.scrollIntoView({ block: 'start' });
  await waitUntil(
    () => $(el, '[data-row], [part~="file-problems"]') || !$(el, '[part~="rows"]'),
    'no rows',
    { timeout: 5000 },
  );
  await el.updateComplete;
}

async function waitForPrice(el: BulkInvite) {
  await waitUntil(() => $(el, '[part~="due-now"], [part~="refusal"]'), 'no price', {
    timeout: 8000,
  });
}

async function invitedEmails(): Promise<string[]> {
  const page = await createHttpAdapter({ baseUrl: '/api' }).listTeam({ limit: 500 });
  return page.items.filter((e) => e.kind === 'invitation').map((e) => e.email);
}

const CLEAN =
  'email,role,phone_number\nada@example.com,agent,\nben@example.com,admin,+14155550103\nchloe@example.com,agent,\n';

describe('<bulk-invite>', () => {
  it('starts with a file picker, a paste box and a downloadable template, accessible', async () => {
    const { el } = await openBulk();
    expect(part(el, 'source')).to.contain('Download the CSV template');
    expect(el.shadowRoot!.activeElement?.id).to.equal('file');
    const input = $<HTMLInputElement>(el, '#file')!;
    expect(input.accept).to.equal('.csv,text/csv');
    const template = $<HTMLAnchorElement>(el, '[part~="template"]')!;
    expect(template.hasAttribute('download')).to.equal(true);
    expect(template.href).to.match(/^blob:/);
    expect(await (await fetch(template.href)).text()).to.match(/^email,role,phone_number\r?\n/);
    expect(submit(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('checks a clean file and prices the ready rows', async () => {
    const { el } = await openBulk();
    await load(el, CLEAN);
    expect(part(el, 'summary')).to.equal('3 ready, 0 with problems');
    for (const n of [2, 3, 4]) expect(await status(el, n)).to.equal('ready');
    await waitForPrice(el);
    // Team plan, 5 paid seats, day 15 of 30: each new seat $14.50 on acceptance.
    expect(part(el, 'preview')).to.contain(
      'You are billed for each seat once its invitee accepts.',
    );
    expect(part(el, 'due-now')).to.contain(
      '$43.50 now (3 new seats at $14.50 each for the 15 days left',
    );
    expect(part(el, 'next-invoice')).to.equal('$232.00 for 8 seats on Dec 1, 2026');
    expect(part(el, 'plan-limit')).to.equal('Team: no seat limit');
    expect(text(submit(el))).to.equal('Send Invites (3)');
    expect(submit(el).disabled).to.equal(false);
  });

  const PROBLEMS: [number, string, string][] = [
    [3, 'not-an-email,agent,', 'Enter a valid email address'],
    [4, 'marcus@example.com,agent,', 'marcus@example.com is already a member of this team.'],
    [
      5,
      'lena@example.com,agent,',
      'lena@example.com already has a pending invitation: resend it instead.',
    ],
    [6, 'ada@example.com,admin,', 'ada@example.com is already in this file (row 2).'],
    [7, 'dan@example.com,boss,', '“boss” is not a role'],
    [8, 'eve@example.com,supervisor,', 'Supervisor needs the Pro plan or above.'],
    [9, 'fay@example.com,owner,', 'The owner is never invited'],
    [10, 'gus@example.com,agent,12345', '“12345” is not a phone number in international form'],
    [
      11,
      'hal@example.com,agent,+14155550199',
      '+14155550199 is not one of this account’s numbers.',
    ],
    [12, ',agent,', 'Enter an email address.'],
    [13, 'ivy@example.com,,', 'Choose a role.'],
  ];

  it('shows every kind of row problem with its row number and reason', async () => {
    const { el } = await openBulk();
    const csv = [
      'email,role,phone_number',
      'ada@example.com,agent,',
      ...PROBLEMS.map(([, line]) => line),
    ].join('\n');
    await load(el, csv);
    expect(part(el, 'summary')).to.equal(`1 ready, ${PROBLEMS.length} with problems`);
    expect(await status(el, 2)).to.equal('ready');
    for (const [n, , reason] of PROBLEMS) {
      const r = await rowAt(el, n);
      expect(r, `row ${n}`).to.not.equal(null);
      expect(r!.getAttribute('data-status'), `row ${n}`).to.equal('problem');
      expect(text(r), `row ${n}`).to.contain(`Row ${n}`).and.to.contain(reason);
    }
    await expect(el).to.be.accessible();

    const filter = el.shadowRoot!.querySelector<HTMLInputElement>(
      '.toolbar input[type="checkbox"]',
    )!;
    filter.click();
    await el.updateComplete;
    await waitUntil(() => !$(el, '[data-row="2"]'));
    const shown = [...el.shadowRoot!.querySelectorAll('[data-row]')];
    expect(shown.every((r) => r.getAttribute('data-status') === 'problem')).to.equal(true);
  });

  it('refuses rows over the Essentials limit with the reason', async () => {
    const { el } = await openBulk(scenarios.essentialsAtLimit);
    await load(el, 'email,role\nnew@example.com,agent\n');
    expect(part(el, 'summary')).to.equal('0 ready, 1 with problems');
    expect(text(await rowAt(el, 2))).to.contain('Essentials allows up to 5 seats');
    expect(submit(el).disabled).to.equal(true);
  });

  it('reads a UTF-8 file with a BOM and CRLF line ends', async () => {
    const { el } = await openBulk();
    const bytes = new TextEncoder().encode(
      '\uFEFFEmail,Role,Phone_Number\r\nzoe@example.com,Agent,\r\n"yan@example.com",admin,\r\n',
    );
    await load(el, bytes);
    expect(part(el, 'summary')).to.equal('2 ready, 0 with problems');
    expect(text(await rowAt(el, 2))).to.contain('zoe@example.com');
    expect(text(await rowAt(el, 3))).to.contain('yan@example.com');
  });

  it('says clearly when the file can’t be used', async () => {
    const { el } = await openBulk();
    await load(el, 'name,role\nAda,agent\n');
    expect(part(el, 'file-problems')).to.contain('The header needs the columns email and role');
    await el.loadFile(
      new File(['x'], 'team.xlsx', {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    await el.updateComplete;
    expect(part(el, 'file-problems')).to.equal(
      'team.xlsx is not a CSV file. Choose a file that ends in .csv.',
    );
    await expect(el).to.be.accessible();
  });

  it('says to save a UTF-16 file (“Unicode text”) as CSV UTF-8', async () => {
    const { el } = await openBulk();
    const text = '\uFEFFemail,role\r\nzoe@example.com,agent\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    await load(el, bytes);
    expect(part(el, 'file-problems')).to.equal(
      'The file can’t be used The file is saved as UTF-16 (“Unicode text”). Save it as “CSV UTF-8” and try again.',
    );
  });

  it('downloads the rows with problems with formula cells neutralised', async () => {
    const { el } = await openBulk();
    await load(
      el,
      'email,role,phone_number\n=HYPERLINK("http://evil"),agent,\n@SUM(A1),+cmd,-2\nok@example.com,agent,\n',
    );
    const csv = el.problemRowsCsv();
    expect(csv).to.contain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).to.contain(`'@SUM(A1)`);
    expect(csv).to.contain(`'+cmd`);
    expect(csv).to.not.contain('ok@example.com');
    expect(text($(el, '[part~="download-problems"]'))).to.equal(
      'Download rows with problems (CSV)',
    );
    $<HTMLButtonElement>(el, '[part~="download-problems"]')!.click();
  });

  // Whether the page stays responsive meanwhile is the bench's (npm run bench: bulk10k, bulk100k,
  // bulkhostile: no task over 50 ms), not a test's.
  it('checks 10,000 rows and renders only the visible ones', async () => {
    const { el } = await openBulk();
    const lines = ['email,role,phone_number'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`person${i}@example.org,${i % 100 === 0 ? 'boss' : 'agent'},`);
    await load(el, lines.join('\n'));
    expect(part(el, 'summary')).to.equal('9,900 ready, 100 with problems');
    expect(el.shadowRoot!.querySelectorAll('[data-row]').length).to.be.below(200);
  });

  it('sends the ready rows in one request and shows the result', async () => {
    const { el } = await openBulk();
    await load(el, CLEAN);
    await waitForPrice(el);
    const sent = oneEvent(el, 'seatkit-invitations-sent') as Promise<InvitationsSentEvent>;
    submit(el).click();
    submit(el).click();
    const event = await sent;
    expect(event.invitations.map((i) => i.email)).to.deep.equal([
      'ada@example.com',
      'ben@example.com',
      'chloe@example.com',
    ]);
    await waitUntil(() => part(el, 'summary') === '3 invitations sent.');
    expect(await status(el, 2)).to.equal('sent');
    expect(text($(el, '[role="status"]'))).to.equal('3 invitations sent.');
    const emails = await invitedEmails();
    for (const email of ['ada@example.com', 'ben@example.com', 'chloe@example.com']) {
      expect(emails.filter((e) => e === email)).to.have.length(1);
    }
    await expect(el).to.be.accessible();
  });

  it('keeps everything and says why when sending fails; a retry sends once', async () => {
    const { el } = await openBulk();
    await load(el, CLEAN);
    await waitForPrice(el);
    mock.backend.injectFault('bulkInvite', { status: 503, times: 1 });
    submit(el).click();
    await waitUntil(() => $(el, '[part~="error"]'), 'no error shown');
    expect(part(el, 'error')).to.equal(
      'Nothing was sent: The server had a problem. Try again: nothing is sent twice.',
    );
    expect(part(el, 'summary')).to.equal('3 ready, 0 with problems');
    const sent = oneEvent(el, 'seatkit-invitations-sent');
    submit(el).click();
    await sent;
    expect((await invitedEmails()).filter((e) => e === 'ada@example.com')).to.have.length(1);
  });

  it('maps rows the backend refuses back to their row numbers', async () => {
    const { el } = await openBulk();
    await load(el, CLEAN);
    // Someone else invites ben@ after the file was checked.
    await createHttpAdapter({ baseUrl: '/api' }).invite({
      email: 'ben@example.com',
      role: 'agent',
    });
    submit(el).click();
    await waitUntil(() => $(el, '[part~="error"]'), 'no error shown');
    expect(part(el, 'error')).to.contain('The server refused some rows');
    expect(await status(el, 3)).to.equal('problem');
    expect(text(await rowAt(el, 3))).to.contain('ben@example.com already has a pending invitation');
    expect(part(el, 'summary')).to.equal('2 ready, 1 with problems');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'seatkit-invitations-sent') as Promise<InvitationsSentEvent>;
    submit(el).click();
    expect((await sent).invitations.map((i) => i.email)).to.deep.equal([
      'ada@example.com',
      'chloe@example.com',
    ]);
  });

  it('is dark all through with theme="dark": the template link, the file button, the checkbox', async () => {
    const { el } = await openBulk();
    const link = () => getComputedStyle($(el, '[part~="template"]')!).color;
    expect(link(), 'light: the accent, not the browser’s link blue').to.equal('rgb(29, 78, 216)');
    el.setAttribute('theme', 'dark');
    await load(el, `${CLEAN}not-an-email,agent,\n`);
    const dialog = $(el, 'dialog')!;
    expect(getComputedStyle(dialog).colorScheme, 'native controls are dark').to.equal('dark');
    expect(link(), 'the dark accent').to.equal('rgb(138, 180, 255)');
    const fileButton = getComputedStyle($(el, '#file')!, '::file-selector-button');
    expect(fileButton.backgroundColor, 'the file button').to.equal('rgb(34, 37, 44)');
    expect(fileButton.color).to.equal('rgb(236, 238, 242)');
    const checkbox = $(el, '.toolbar input[type="checkbox"]')!;
    expect(getComputedStyle(checkbox).accentColor, 'the checkbox').to.equal('rgb(138, 180, 255)');
    await expect(el).to.be.accessible();
  });

  it('follows a host’s dark palette set through tokens, with --seatkit-color-scheme', async () => {
    const { el } = await openBulk();
    el.style.setProperty('--seatkit-color-scheme', 'dark');
    expect(getComputedStyle($(el, 'dialog')!).colorScheme).to.equal('dark');
  });

  it('lines the column headings up with their cells and breaks long emails only between words', async () => {
    const { el } = await openBulk();
    const email = 'ines.okonkwo-vandenberg@customer-success.example.org';
    await load(el, `email,role,phone_number\n${email},agent,+14155550103\n`);
    const heads = [...el.shadowRoot!.querySelectorAll('.rows-head > span')];
    const cells = [...(await rowAt(el, 2))!.children].slice(0, heads.length);
    heads.forEach((head, i) => {
      expect(head.getBoundingClientRect().left, `column ${i + 1}`).to.be.closeTo(
        cells[i]!.getBoundingClientRect().left,
        1,
      );
    });
    // Each piece between two break opportunities stays on one line; the address did wrap.
    const cell = cells[1]!;
    const range = document.createRange();
    const tops = new Set<number>();
    for (const node of cell.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
      range.selectNodeContents(node);
      const lines = [...range.getClientRects()];
      expect(lines, `“${node.textContent}” is broken inside`).to.have.length(1);
      tops.add(Math.round(lines[0]!.top));
    }
    expect(text(cell)).to.equal(email);
    expect(tops.size, 'lines').to.be.above(1);
  });

  it('scrolls in one place: the rows take the room they need and scroll with the dialog’s content', async () => {
    const { el } = await openBulk();
    await load(el, CLEAN);
    const rows = $(el, '[part~="rows"]')!;
    const rowBoxes = [...el.shadowRoot!.querySelectorAll('[data-row]')];
    const sum = rowBoxes.reduce((total, r) => total + r.getBoundingClientRect().height, 0);
    expect(rowBoxes).to.have.length(3);
    expect(rows.getBoundingClientRect().height, 'no empty space under the rows').to.be.closeTo(
      sum + 1,
      2,
    );
    const lines = ['email,role,phone_number'];
    for (let i = 0; i < 500; i++) lines.push(`person${i}@example.org,agent,`);
    await load(el, lines.join('\n'));
    const dialog = $(el, 'dialog')!;
    const content = $(el, '[part~="content"]')!;
    expect(getComputedStyle($(el, '[part~="rows"]')!).overflowY, 'the rows').to.equal('visible');
    expect(dialog.scrollHeight, 'the dialog itself').to.be.at.most(dialog.clientHeight);
    expect(content.scrollHeight, 'the content').to.be.above(content.clientHeight);
    // Title and Send Invites stay in view at the end of the list.
    content.scrollTop = content.scrollHeight;
    const view = dialog.getBoundingClientRect();
    for (const selector of ['h2', '[part~="submit"]']) {
      const box = $(el, selector)!.getBoundingClientRect();
      expect(box.top, selector).to.be.at.least(view.top);
      expect(box.bottom, selector).to.be.at.most(view.bottom);
    }
  });

  it('checks pasted CSV text', async () => {
    const { el } = await openBulk();
    const area = $<HTMLTextAreaElement>(el, '#paste')!;
    area.value = 'email,role\npasted@example.com,agent\n';
    const apply = [...el.shadowRoot!.querySelectorAll('button')].find(
      (b) => text(b) === 'Check pasted text',
    )!;
    apply.click();
    await waitUntil(() => $(el, '[part~="summary"]'));
    expect(part(el, 'summary')).to.equal('1 ready, 0 with problems');
  });

  it('closes with Escape and gives focus back; an agent is told they can’t invite', async () => {
    const { el, opener } = await openBulk();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open, 'Escape did not close');
    expect(document.activeElement).to.equal(opener);

    await mock.backend.reset({ ...scenarios.productExample, actor: 'priya@example.com' });
    const agentView = await fixture<BulkInvite>(
      html`<bulk-invite open .adapter=${createHttpAdapter({ baseUrl: '/api' })}></bulk-invite>`,
    );
    await waitUntil(() => $(agentView, '[part~="not-allowed"]'), 'no explanation', {
      timeout: 8000,
    });
    expect(part(agentView, 'not-allowed')).to.contain('You can’t invite members.');
    await expect(agentView).to.be.accessible();
  });
});
