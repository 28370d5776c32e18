// Helpers for play functions. Seatkit elements render into open shadow roots, which Testing
// Library does not cross on its own: `inside(host)` gives queries scoped to a host's shadow root.
import { expect, waitFor, within } from 'storybook/test';
import type { TeamMembers } from '../../src/elements/team-members/team-members.js';

/** Time a mock-backed flow may take in a slow CI browser. */
export const TIMEOUT = { timeout: 10_000 };

/** Testing Library queries inside `host`'s shadow root. */
export function inside(host: Element) {
  const root = host.shadowRoot;
  if (!root) throw new Error(`<${host.localName}> has no open shadow root`);
  return within(root as unknown as HTMLElement);
}

/** The first `selector` in `root` or in any shadow root below it. */
export function deepQuery<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): T | null {
  const hit = root.querySelector<T>(selector);
  if (hit) return hit;
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot ? deepQuery<T>(el.shadowRoot, selector) : null;
    if (found) return found;
  }
  return null;
}

/** Waits for `selector` anywhere under `root` (crossing shadow roots). */
export async function findDeep<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): Promise<T> {
  let found: T | null = null;
  await waitFor(() => {
    found = deepQuery<T>(root, selector);
    expect(found, `${selector} never appeared`).toBeTruthy();
  }, TIMEOUT);
  return found as unknown as T;
}

/** Whitespace-collapsed text of a node. */
export const textOf = (node: Node | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The `<team-members>` of the story, once its team has loaded and rows are on screen. */
export async function loadedTeam(canvasElement: HTMLElement): Promise<TeamMembers> {
  const team = await findDeep<TeamMembers>(canvasElement, 'team-members');
  await waitFor(() => {
    expect(team.store?.status).toBe('ready');
    expect(team.shadowRoot?.querySelector('[role="listitem"], [part~="empty"]')).toBeTruthy();
  }, TIMEOUT);
  return team;
}

/** The list row (a `listitem` in the shadow root) whose text contains `text`. */
export function rowWith(team: TeamMembers, text: string): HTMLElement | undefined {
  return [...(team.shadowRoot?.querySelectorAll<HTMLElement>('[role="listitem"]') ?? [])].find(
    (row) => textOf(row).includes(text),
  );
}

/** The open modal `<dialog>` in `host`'s shadow root. */
export async function openDialog(host: Element): Promise<HTMLDialogElement> {
  let dialog: HTMLDialogElement | null = null;
  await waitFor(() => {
    dialog = host.shadowRoot?.querySelector('dialog[open]') ?? null;
    expect(dialog, `no open dialog in <${host.localName}>`).toBeTruthy();
  }, TIMEOUT);
  return dialog as unknown as HTMLDialogElement;
}
