import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { InvitedEvent } from '../src/events/index.js';
import { demo, essentialsAtLimit, pro, productExample } from '../mocks/scenarios.js';
import { frame, type Frame } from './support/frame.js';
import { mockStory, signedInAs, type MockStoryOptions } from './support/mock-backend.js';
import { TIMEOUT, findDeep, textOf } from './support/play.js';

const meta: Meta = {
  title: 'Elements/<invite-dialog>',
  component: 'invite-dialog',
  tags: ['autodocs'],
};
export default meta;
type Story = StoryObj;

/** What a story fills in once the form shows (the layout check sees that state; plays don't run there). */
interface Fill {
  email?: string;
  number?: string;
  /** Press Send Invite once filled in. */
  send?: boolean;
}

const filled = new WeakSet<Element>();
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** A ref for `<invite-dialog>` that fills in `fill` once its form has loaded (once per element). */
function fillOnRender(fill?: Fill) {
  return ref((el) => {
    if (!fill || !el || filled.has(el)) return;
    filled.add(el);
    void (async () => {
      let phone: HTMLSelectElement | null = null;
      for (let i = 0; i < 600 && !phone; i++) {
        await nextFrame();
        phone = el.shadowRoot?.querySelector<HTMLSelectElement>('#phone') ?? null;
      }
      const root = el.shadowRoot;
      if (!phone || !root) throw new Error('fill on render: the form never showed');
      const set = (control: HTMLInputElement | HTMLSelectElement, value: string) => {
        control.value = value;
        control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      };
      if (fill.email) set(root.querySelector<HTMLInputElement>('#email')!, fill.email);
      if (fill.number) set(phone, fill.number);
      if (fill.send) {
        await nextFrame();
        root.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
      }
    })();
  });
}

/** An open `<invite-dialog>` on its own story backend, with a button that reopens it. */
function dialogStory(
  scenario: unknown,
  options: MockStoryOptions & Frame & { fill?: Fill } = {},
): Story {
  const mock = mockStory(scenario, options);
  const reopen = (event: Event) =>
    (event.currentTarget as HTMLElement).parentElement?.querySelector('invite-dialog')?.show();
  return {
    ...mock.story,
    render: () =>
      frame(
        html`<button type="button" @click=${reopen}>Invite Member</button>
          <invite-dialog
            open
            theme=${options.dark ? 'dark' : nothing}
            .adapter=${mock.adapter}
            ${fillOnRender(options.fill)}
          ></invite-dialog>`,
        options,
      ),
  };
}

/** The open dialog's queries and its host, once the form is ready. */
async function openForm(canvasElement: HTMLElement) {
  const host = await findDeep(canvasElement, 'invite-dialog');
  const dialogEl = await findDeep<HTMLDialogElement>(host.shadowRoot!, 'dialog[open]');
  const dialog = within(dialogEl);
  return { host, dialogEl, dialog };
}

const emailField = (dialog: ReturnType<typeof within>) =>
  dialog.findByRole('textbox', { name: 'Email' }, TIMEOUT);

/** Step 1: the empty form with the live price of the worked example ($14.50 now, $174.00 next). */
export const Open: Story = {
  ...dialogStory(productExample),
  play: async ({ canvasElement }) => {
    const { host, dialog, dialogEl } = await openForm(canvasElement);
    const email = await emailField(dialog);
    await waitFor(() => expect(host.shadowRoot!.activeElement).toBe(email), TIMEOUT);
    await waitFor(
      () => expect(textOf(dialogEl)).toContain('$14.50 for the 15 days left in this cycle'),
      TIMEOUT,
    );
    await expect(textOf(dialogEl)).toContain('$174.00 for 6 seats on Dec 1, 2026');
  },
};

/** Step 2: the email is checked as you type: not an email address. */
export const InvalidEmail: Story = {
  ...dialogStory(productExample),
  play: async ({ canvasElement }) => {
    const { dialog } = await openForm(canvasElement);
    await userEvent.type(await emailField(dialog), 'not-an-email');
    await userEvent.tab();
    await expect(
      await dialog.findByText(/Enter a valid email address/, undefined, TIMEOUT),
    ).toBeVisible();
  },
};

/** Step 2: already a member. */
export const AlreadyMember: Story = {
  ...dialogStory(productExample),
  play: async ({ canvasElement }) => {
    const { dialog } = await openForm(canvasElement);
    await userEvent.type(await emailField(dialog), 'Marcus@Example.com');
    await expect(
      await dialog.findByText(/is already a member of this team/, undefined, TIMEOUT),
    ).toBeVisible();
  },
};

/** Step 2: already invited (the next step is Resend). */
export const AlreadyInvited: Story = {
  ...dialogStory(productExample),
  play: async ({ canvasElement }) => {
    const { dialog } = await openForm(canvasElement);
    await userEvent.type(await emailField(dialog), 'lena@example.com');
    await expect(
      await dialog.findByText(/already has a pending invitation: resend it/, undefined, TIMEOUT),
    ).toBeVisible();
  },
};

/** Step 3: the role. On Team, Supervisor is disabled with the reason. */
export const SupervisorNeedsPro: Story = {
  ...dialogStory(productExample),
  play: async ({ canvasElement }) => {
    const { dialog, dialogEl } = await openForm(canvasElement);
    const role = await dialog.findByRole('combobox', { name: 'Role' }, TIMEOUT);
    await expect(within(role).getByRole('option', { name: 'Supervisor' })).toBeDisabled();
    await expect(within(role).queryByRole('option', { name: 'Owner' })).toBeNull();
    await expect(textOf(dialogEl)).toContain('Supervisor needs the Pro plan or above');
  },
};

/** Step 3 on Pro: Supervisor can be chosen; annual billing. */
export const ProPlan: Story = {
  ...dialogStory(pro),
  play: async ({ canvasElement }) => {
    const { dialog } = await openForm(canvasElement);
    const role = await dialog.findByRole('combobox', { name: 'Role' }, TIMEOUT);
    await expect(within(role).getByRole('option', { name: 'Supervisor' })).toBeEnabled();
  },
};

/** Essentials at its limit: the refusal with the reason, and Send Invite disabled. */
export const SeatLimitReached: Story = {
  ...dialogStory(essentialsAtLimit),
  play: async ({ canvasElement }) => {
    const { dialog } = await openForm(canvasElement);
    await expect(
      await dialog.findByText(/Essentials allows up to 5 seats/, undefined, TIMEOUT),
    ).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Send Invite' })).toBeDisabled();
  },
};

/**
 * Step 3, a number that already rings someone: the dialog shows where it moves from ("Moves from
 * Priya Shah when they accept") and asks for the move to be confirmed, unchecked at first. Once
 * confirmed, Send Invite sends `moveNumber: true`; the number moves when the invitee accepts.
 */
export const NumberMoves: Story = {
  ...dialogStory(productExample, { fill: { number: '+14155550101' } }),
  play: async ({ canvasElement }) => {
    const { host, dialog, dialogEl } = await openForm(canvasElement);
    await waitFor(
      () => expect(textOf(dialogEl)).toContain('Moves from Priya Shah when they accept.'),
      TIMEOUT,
    );
    const confirm = dialog.getByRole('checkbox', { name: 'Move this number to the invitee' });
    await expect(confirm).not.toBeChecked();
    const invited = new Promise<InvitedEvent>((resolve) =>
      host.addEventListener('seatkit-invited', resolve, { once: true }),
    );
    await userEvent.type(await emailField(dialog), 'new.agent@example.com');
    await userEvent.click(confirm);
    await userEvent.click(dialog.getByRole('button', { name: 'Send Invite' }));
    await expect((await invited).invitation.phoneNumber).toBe('+14155550101');
  },
};

/** Send Invite without confirming the move: the number is refused at its field, as the backend would. */
export const NumberMoveNotConfirmed: Story = {
  ...dialogStory(productExample, {
    fill: { email: 'new.agent@example.com', number: '+14155550101', send: true },
  }),
  play: async ({ canvasElement }) => {
    const { host, dialog } = await openForm(canvasElement);
    await expect(
      await dialog.findByText(/rings Priya Shah\. Confirm that it moves/, undefined, TIMEOUT),
    ).toBeVisible();
    const confirm = dialog.getByRole('checkbox', { name: 'Move this number to the invitee' });
    await waitFor(() => expect(host.shadowRoot!.activeElement).toBe(confirm), TIMEOUT);
  },
};

/** Signed in as an admin: the owner's number is shown, disabled, with the reason. */
export const OwnersNumberAsAdmin: Story = {
  ...dialogStory(signedInAs(productExample, 'marcus@example.com')),
  play: async ({ canvasElement }) => {
    const { dialog, dialogEl } = await openForm(canvasElement);
    const phone = await dialog.findByRole('combobox', { name: 'Phone number (optional)' }, TIMEOUT);
    await expect(
      within(phone).getByRole('option', { name: '+14155550100 · rings Olivia Park (owner)' }),
    ).toBeDisabled();
    await expect(textOf(dialogEl)).toContain('Only the owner can move the owner’s numbers.');
  },
};

/** Step 4: Send Invite → the dialog closes and `seatkit-invited` carries the invitation. */
export const Sent: Story = {
  ...dialogStory(productExample),
  play: async ({ canvasElement }) => {
    const { host, dialog } = await openForm(canvasElement);
    const invited = new Promise<InvitedEvent>((resolve) =>
      host.addEventListener('seatkit-invited', resolve, { once: true }),
    );
    await userEvent.type(await emailField(dialog), 'new.agent@example.com');
    await userEvent.click(dialog.getByRole('button', { name: 'Send Invite' }));
    const event = await invited;
    await expect(event.invitation.email).toBe('new.agent@example.com');
    await waitFor(() => expect(host.shadowRoot!.querySelector('dialog[open]')).toBeNull(), TIMEOUT);
  },
};

/** Sending on a slow network: the button says so and can't be pressed twice. */
export const Sending: Story = {
  ...dialogStory(productExample, { faults: [['invite', { latencyMs: 8000 }]] }),
  play: async ({ canvasElement }) => {
    const { dialog } = await openForm(canvasElement);
    await userEvent.type(await emailField(dialog), 'new.agent@example.com');
    await userEvent.click(dialog.getByRole('button', { name: 'Send Invite' }));
    await expect(await dialog.findByRole('button', { name: 'Sending…' })).toBeDisabled();
  },
};

/** The server fails (HTTP 500): the dialog stays open with what was typed and the reason. */
export const SendFailed: Story = {
  ...dialogStory(productExample, { faults: [['invite', { status: 500 }]] }),
  play: async ({ canvasElement }) => {
    const { dialog } = await openForm(canvasElement);
    const email = await emailField(dialog);
    await userEvent.type(email, 'new.agent@example.com');
    await userEvent.click(dialog.getByRole('button', { name: 'Send Invite' }));
    await waitFor(
      () => expect(textOf(dialog.getByRole('alert'))).toMatch(/server had a problem/i),
      TIMEOUT,
    );
    await expect(email).toHaveValue('new.agent@example.com');
  },
};

/** An agent may not invite: the dialog says why. */
export const NotAllowed: Story = {
  ...dialogStory(signedInAs(demo, 'priya@example.com')),
  play: async ({ canvasElement }) => {
    const { dialog } = await openForm(canvasElement);
    await expect(
      await dialog.findByText('You can’t invite members.', undefined, TIMEOUT),
    ).toBeVisible();
  },
};

/** Every request takes 2.5 s: the dialog shows it is loading. */
export const SlowNetwork: Story = {
  ...dialogStory(productExample, { faults: [['*', { latencyMs: 2500 }]] }),
  play: async ({ canvasElement }) => {
    const { dialog } = await openForm(canvasElement);
    await expect(await dialog.findByText('Loading your team…')).toBeVisible();
  },
};

/** Every request answers HTTP 500: the reason and Retry. */
export const ServerError: Story = {
  ...dialogStory(productExample, { faults: [['*', { status: 500 }]] }),
  play: async ({ canvasElement }) => {
    const { dialog } = await openForm(canvasElement);
    await expect(
      await dialog.findByText(/Your team could not be loaded/, undefined, TIMEOUT),
    ).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

/** `theme="dark"` on a dark host page. */
export const DarkTheme: Story = dialogStory(productExample, { dark: true });

/** `lang="de"`: German words, euro-style number format for the dollar amounts. */
export const German: Story = {
  ...dialogStory(productExample, { lang: 'de' }),
  play: async ({ canvasElement }) => {
    const { dialog, dialogEl } = await openForm(canvasElement);
    await expect(
      await dialog.findByRole('button', { name: 'Einladung senden' }, TIMEOUT),
    ).toBeVisible();
    await waitFor(() => expect(textOf(dialogEl)).toContain('14,50'), TIMEOUT);
  },
};
