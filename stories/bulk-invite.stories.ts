import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { InvitationsSentEvent } from '../src/events/index.js';
import { essentialsAtLimit, productExample } from '../mocks/scenarios.js';
import { frame, type Frame } from './support/frame.js';
import { mockStory, type MockStoryOptions } from './support/mock-backend.js';
import { loadOnRender } from './support/open.js';
import { TIMEOUT, findDeep, textOf } from './support/play.js';

const meta: Meta = {
  title: 'Elements/<bulk-invite>',
  component: 'bulk-invite',
  tags: ['autodocs'],
};
export default meta;
type Story = StoryObj;

const HEADER = 'email,role,phone_number';

/** Three good rows for the Team-plan worked example. */
const CLEAN_CSV = [
  HEADER,
  'ines@example.org,agent,',
  'kofi@example.org,admin,+14155550103',
  'milo@example.org,agent,',
].join('\r\n');

/** One row for each kind of row problem (plus two ready rows), on the Team plan. */
const PROBLEMS_CSV = [
  HEADER,
  'ready.one@example.org,agent,',
  'ready.two@example.org,admin,',
  ',agent,',
  'not-an-email,agent,',
  'no.role@example.org,,',
  'bad.role@example.org,boss,',
  'second.owner@example.org,owner,',
  'sup@example.org,supervisor,',
  'marcus@example.com,agent,',
  'jon@example.com,agent,',
  'lena@example.com,agent,',
  'READY.ONE@example.org,agent,',
  'bad.phone@example.org,agent,555-0100',
  'other.phone@example.org,agent,+14155559999',
].join('\n');

const tenThousandRows = (): string =>
  [
    HEADER,
    ...Array.from({ length: 10_000 }, (_, i) => `invitee.${i + 1}@bulk.example.org,agent,`),
  ].join('\n');

interface BulkStoryOptions extends MockStoryOptions, Frame {
  /** A file (name and CSV text) already picked when the story renders. */
  file?: { name: string; csv: string };
}

/**
 * An open `<bulk-invite>` on its own story backend, with a button that reopens it, and with
 * `file` already checked if given.
 */
function bulkStory(scenario: unknown, options: BulkStoryOptions = {}): Story {
  const mock = mockStory(scenario, options);
  const reopen = (event: Event) =>
    (event.currentTarget as HTMLElement).parentElement?.querySelector('bulk-invite')?.show();
  const file = options.file;
  return {
    ...mock.story,
    render: () =>
      frame(
        html`<button type="button" @click=${reopen}>Bulk Invite</button> ${
            file
              ? html`<bulk-invite
                  open
                  theme=${options.dark ? 'dark' : nothing}
                  .adapter=${mock.adapter}
                  ${loadOnRender(file.csv, file.name)}
                ></bulk-invite>`
              : html`<bulk-invite
                  open
                  theme=${options.dark ? 'dark' : nothing}
                  .adapter=${mock.adapter}
                ></bulk-invite>`
          }`,
        options,
      ),
  };
}

/** The open dialog of the story, once the file it was given has been checked. */
async function checked(canvasElement: HTMLElement) {
  const host = await findDeep(canvasElement, 'bulk-invite');
  const dialogEl = await findDeep<HTMLDialogElement>(host.shadowRoot!, 'dialog[open]');
  await findDeep(dialogEl, '[part~="summary"], [part~="file-problems"]');
  return { host, dialog: within(dialogEl), dialogEl };
}

/** Picks `csv` as a file in the open dialog (as a person would with the file picker). */
async function upload(canvasElement: HTMLElement, csv: string, name = 'team.csv') {
  const host = await findDeep(canvasElement, 'bulk-invite');
  const dialogEl = await findDeep<HTMLDialogElement>(host.shadowRoot!, 'dialog[open]');
  const dialog = within(dialogEl);
  const input = await dialog.findByLabelText('CSV file', undefined, TIMEOUT);
  await userEvent.upload(input, new File([csv], name, { type: 'text/csv' }));
  return { host, dialog, dialogEl };
}

/** The text of every row of the virtualized list, scrolling the dialog from top to bottom. */
async function scrolledText(dialogEl: HTMLElement): Promise<string> {
  const list = dialogEl.querySelector<HTMLElement>('[part~="rows"]');
  const content = dialogEl.querySelector<HTMLElement>('[part~="content"]');
  if (!list || !content) return textOf(dialogEl);
  let text = textOf(dialogEl);
  for (let top = 0; top <= content.scrollHeight; top += Math.max(content.clientHeight / 2, 40)) {
    content.scrollTop = top;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    text += ` ${textOf(list)}`;
  }
  return text;
}

const summary = (dialogEl: HTMLElement) => textOf(dialogEl.querySelector('[part~="summary"]'));

/** Step 1: nothing chosen yet: file picker, drop zone, paste box and the template. */
export const ChooseFile: Story = {
  ...bulkStory(productExample),
  play: async ({ canvasElement }) => {
    const host = await findDeep(canvasElement, 'bulk-invite');
    const dialog = within(await findDeep<HTMLDialogElement>(host.shadowRoot!, 'dialog[open]'));
    await expect(
      await dialog.findByRole('link', { name: 'Download the CSV template' }, TIMEOUT),
    ).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Send Invites' })).toBeDisabled();
  },
};

/** Step 2: a clean file: every row ready, and what it would cost. */
export const CleanFile: Story = {
  ...bulkStory(productExample),
  play: async ({ canvasElement }) => {
    const { dialog, dialogEl } = await upload(canvasElement, CLEAN_CSV);
    await waitFor(() => expect(summary(dialogEl)).toBe('3 ready, 0 with problems'), TIMEOUT);
    await expect(dialog.getByRole('button', { name: 'Send Invites (3)' })).toBeEnabled();
    await waitFor(() => expect(textOf(dialogEl)).toContain('$232.00'), TIMEOUT); // next invoice: 8 × $29
  },
};

/** Step 2: every kind of row problem, each with its row number and reason. */
export const EveryRowProblem: Story = {
  ...bulkStory(productExample, { file: { name: 'team.csv', csv: PROBLEMS_CSV } }),
  play: async ({ canvasElement }) => {
    const { dialog, dialogEl } = await checked(canvasElement);
    await waitFor(() => expect(summary(dialogEl)).toBe('2 ready, 12 with problems'), TIMEOUT);
    await userEvent.click(dialog.getByRole('checkbox', { name: 'Show only rows with problems' }));
    // The list is virtualized: scroll through it and collect what each row says.
    await waitFor(() => expect(textOf(dialogEl)).toContain('Enter an email address.'), TIMEOUT);
    const text = await scrolledText(dialogEl);
    for (const reason of [
      'Enter a valid email address',
      'Choose a role.',
      '“boss” is not a role',
      'The owner is never invited',
      'Supervisor needs the Pro plan or above',
      'marcus@example.com is already a member',
      'jon@example.com is a deactivated member: reactivate them instead',
      'lena@example.com already has a pending invitation',
      'is already in this file (row 2)',
      '“555-0100” is not a phone number',
      '+14155559999 is not one of this account’s numbers',
    ]) {
      await expect(text).toContain(reason);
    }
    // The rows with problems can be downloaded to fix and re-upload.
    await expect(textOf(dialogEl.querySelector('[part~="download-problems"]'))).toBe(
      'Download rows with problems (CSV)',
    );
  },
};

/** A file that can't be used at all: no email,role,phone_number header. */
export const MissingHeader: Story = {
  ...bulkStory(productExample, {
    file: { name: 'people.csv', csv: 'name,phone\nAda,+14155550100\n' },
  }),
  play: async ({ canvasElement }) => {
    const { dialog } = await checked(canvasElement);
    await expect(
      await dialog.findByText(
        /The first line must be the header: email,role,phone_number/,
        undefined,
        TIMEOUT,
      ),
    ).toBeVisible();
  },
};

/** 10,000 rows: checked in chunks without freezing the page; only visible rows are rendered. */
export const TenThousandRows: Story = {
  ...bulkStory(productExample, { file: { name: 'ten-thousand.csv', csv: tenThousandRows() } }),
  play: async ({ canvasElement }) => {
    const { dialogEl } = await checked(canvasElement);
    await waitFor(() => expect(summary(dialogEl)).toMatch(/^10,?000 ready, 0 with problems$/), {
      timeout: 30_000,
    });
    await expect(dialogEl.querySelectorAll('[part~="row"]').length).toBeLessThan(300);
  },
};

/** Step 3: Send Invites → one request, the result, and `seatkit-invitations-sent`. */
export const SendInvites: Story = {
  ...bulkStory(productExample, { file: { name: 'team.csv', csv: CLEAN_CSV } }),
  play: async ({ canvasElement }) => {
    const { host, dialog, dialogEl } = await checked(canvasElement);
    const sent = new Promise<InvitationsSentEvent>((resolve) =>
      host.addEventListener('seatkit-invitations-sent', resolve, { once: true }),
    );
    await userEvent.click(await dialog.findByRole('button', { name: 'Send Invites (3)' }, TIMEOUT));
    const event = await sent;
    await expect(event.invitations.map((i) => i.email)).toEqual([
      'ines@example.org',
      'kofi@example.org',
      'milo@example.org',
    ]);
    await waitFor(() => expect(summary(dialogEl)).toBe('3 invitations sent.'), TIMEOUT);
  },
};

/** Essentials at its limit: the rows are refused with the plan limit. */
export const OverTheLimit: Story = {
  ...bulkStory(essentialsAtLimit, {
    file: { name: 'team.csv', csv: `${HEADER}\nnew.one@example.org,agent,\n` },
  }),
  play: async ({ canvasElement }) => {
    const { dialog, dialogEl } = await checked(canvasElement);
    await waitFor(
      () => expect(textOf(dialogEl)).toMatch(/Essentials allows up to 5 seats/),
      TIMEOUT,
    );
    await expect(dialog.getByRole('button', { name: /^Send Invites/ })).toBeDisabled();
  },
};

/** The server fails (HTTP 500) on send: nothing was sent, the rows stay. */
export const ServerError: Story = {
  ...bulkStory(productExample, {
    faults: [['bulkInvite', { status: 500 }]],
    file: { name: 'team.csv', csv: CLEAN_CSV },
  }),
  play: async ({ canvasElement }) => {
    const { dialog, dialogEl } = await checked(canvasElement);
    await userEvent.click(await dialog.findByRole('button', { name: 'Send Invites (3)' }, TIMEOUT));
    await waitFor(
      () => expect(textOf(dialog.getByRole('alert'))).toMatch(/^Nothing was sent/),
      TIMEOUT,
    );
    await expect(summary(dialogEl)).toBe('3 ready, 0 with problems');
  },
};

/** Every request takes 2.5 s: the dialog shows it is loading the team first. */
export const SlowNetwork: Story = {
  ...bulkStory(productExample, { faults: [['*', { latencyMs: 2500 }]] }),
  play: async ({ canvasElement }) => {
    const host = await findDeep(canvasElement, 'bulk-invite');
    const dialog = within(await findDeep<HTMLDialogElement>(host.shadowRoot!, 'dialog[open]'));
    await expect(await dialog.findByText('Loading your team…')).toBeVisible();
  },
};

/** `theme="dark"` on a dark host page, with a checked file. */
export const DarkTheme: Story = bulkStory(productExample, {
  dark: true,
  file: { name: 'team.csv', csv: PROBLEMS_CSV },
});

/** `lang="de"`, with a checked file. */
export const German: Story = {
  ...bulkStory(productExample, { lang: 'de', file: { name: 'team.csv', csv: PROBLEMS_CSV } }),
  play: async ({ canvasElement }) => {
    const host = await findDeep(canvasElement, 'bulk-invite');
    const dialog = within(await findDeep<HTMLDialogElement>(host.shadowRoot!, 'dialog[open]'));
    await expect(
      await dialog.findByRole('heading', { name: 'Mehrere einladen' }, TIMEOUT),
    ).toBeVisible();
  },
};
