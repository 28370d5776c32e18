// States that a person reaches by clicking, opened by the story's render itself: a row's ⋮ menu
// or one of its dialogs in <team-members>, a CSV already checked in <bulk-invite>. The canvas (and
// the Docs page) then shows that state at once, in any language, and the layout check
// (test/browser/layout.test.ts), which renders stories without their play functions, sees it.
import { ref, type RefOrCallback } from 'lit/directives/ref.js';
import type { BulkInvite } from '../../src/elements/bulk-invite/bulk-invite.js';
import type { TeamMembers } from '../../src/elements/team-members/team-members.js';

/** What to open once the team has loaded: the ⋮ menu of a row, or one of its actions. */
export interface RowOpening {
  /** The email shown in the row (a member's email, or the invitee's). */
  row: string;
  /** `menu` opens the ⋮ menu; an action id (`remove`, `transfer`, `revoke`, …) opens its dialog. */
  action: 'menu' | string;
}

const opened = new WeakSet<Element>();
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** `find()`'s answer once it has one (checked each frame, for about ten seconds). */
export async function until<T>(find: () => T | null | undefined, what: string): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const found = find();
    if (found) return found;
    await frame();
  }
  throw new Error(`story setup: ${what} never appeared`);
}

async function openRow(team: TeamMembers, { row, action }: RowOpening): Promise<void> {
  // The ref runs before the element is in the page (and has its shadow root).
  const root = await until(() => team.shadowRoot, 'the shadow root');
  const button = await until(
    () =>
      [...root.querySelectorAll<HTMLElement>('[role="listitem"]')]
        .find((item) => item.textContent?.includes(row))
        ?.querySelector<HTMLButtonElement>('[part~="menu-button"]'),
    `the ⋮ of ${row}`,
  );
  button.click();
  if (action === 'menu') return;
  const item = await until(
    () => root.querySelector<HTMLElement>(`#row-menu [data-action="${action}"]`),
    `${action} in the menu of ${row}`,
  );
  item.click();
}

/** A ref that runs `open` on its element once (per element), when the story renders. */
export function onceOnRender<E extends Element>(open: (el: E) => Promise<void>): RefOrCallback {
  return ref((el) => {
    if (!el || opened.has(el)) return;
    opened.add(el);
    void open(el as E);
  });
}

/**
 * A ref for `<team-members>` that opens `opening` once its team has loaded (once per element);
 * without `opening` it does nothing.
 */
export function openOnRender(opening?: RowOpening): RefOrCallback {
  return opening ? onceOnRender<TeamMembers>((el) => openRow(el, opening)) : ref(() => undefined);
}

/** A ref for `<bulk-invite>` that checks `csv` as a picked file `name` (once per element). */
export function loadOnRender(csv: string, name: string): RefOrCallback {
  return onceOnRender<BulkInvite>((el) => el.loadFile(new File([csv], name, { type: 'text/csv' })));
}
