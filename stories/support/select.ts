// Bulk states of <team-members> reached by clicking, opened by the story's render itself (as
// open.ts does for a row's menu or dialog): rows selected, the bulk menu open, a bulk action's
// confirmation with the backend's preview, or its result. The layout check
// (test/browser/layout.test.ts), which renders stories without their play functions, sees them.
import { ref, type RefOrCallback } from 'lit/directives/ref.js';
import type { TeamMembers } from '../../src/elements/team-members/team-members.js';
import { onceOnRender, until } from './open.js';

/** What to select and open once the team has loaded. */
export interface BulkOpening {
  /** The emails shown in the rows to select (a member's email, or the invitee's). */
  rows: readonly string[];
  /** `menu` opens the bulk menu; an action (`deactivate`, `remove`, …) opens its confirmation. */
  action?: 'menu' | 'changeRole' | 'deactivate' | 'reactivate' | 'remove' | 'resend' | 'revoke';
  /** Change role: the role to choose in the confirmation. */
  role?: string;
  /** Confirm once the preview is in: the story shows the result. */
  confirm?: boolean;
}

async function select(team: TeamMembers, opening: BulkOpening): Promise<void> {
  const root = await until(() => team.shadowRoot, 'the shadow root');
  for (const email of opening.rows) {
    const box = await until(
      () =>
        [...root.querySelectorAll<HTMLElement>('[role="listitem"]')]
          .find((item) => item.textContent?.includes(email))
          ?.querySelector<HTMLInputElement>('[part~="row-select"]'),
      `the checkbox of ${email}`,
    );
    box.click();
    await team.updateComplete;
  }
  if (!opening.action) return;
  (
    await until(() => root.querySelector<HTMLElement>('[part~="bulk-menu-button"]'), 'Actions')
  ).click();
  if (opening.action === 'menu') return;
  const item = await until(
    () => root.querySelector<HTMLElement>(`#row-menu [data-bulk-action="${opening.action}"]`),
    `${opening.action} in the bulk menu`,
  );
  item.click();
  const dialog = await until(
    () => root.querySelector<HTMLDialogElement>('dialog.bulk[open]'),
    'the bulk confirmation',
  );
  if (opening.role) {
    const select = await until(
      () => dialog.querySelector<HTMLSelectElement>('select[name="role"]'),
      'the role select',
    );
    select.value = opening.role;
    select.dispatchEvent(new Event('change'));
  }
  if (!opening.confirm) return;
  const confirm = await until(
    () => dialog.querySelector<HTMLButtonElement>('[part~="confirm"]:not([disabled])'),
    'the preview',
  );
  confirm.click();
}

/**
 * A ref for `<team-members>` that selects and opens `opening` once its team has loaded (once per
 * element); without `opening` it does nothing.
 */
export function selectOnRender(opening?: BulkOpening): RefOrCallback {
  return opening ? onceOnRender<TeamMembers>((el) => select(el, opening)) : ref(() => undefined);
}
