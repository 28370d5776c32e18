import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { BrowserMock } from '../../../mocks/browser.js';
import { createHttpAdapter } from '../../../src/api/http-adapter.js';
import type { TeamMembers } from '../../../src/elements/team-members/team-members.js';
import '../../../src/define.js';

// The bulk preview's virtualizer (a ResizeObserver) may report "loop completed with undelivered
// notifications" while rows settle: a benign browser notice, not an exception, that mocha would count as a failure.
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

export const adapter = () => createHttpAdapter({ baseUrl: '/api' });

/** Whitespace-collapsed text of a node. */
export const clean = (node: Node | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}
export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

/** A <team-members> on its own with an adapter, after the team loaded, as `actor`. */
export async function mountTeam(
  mock: BrowserMock,
  scenario: unknown,
  options: { actor?: string; lang?: string; width?: number } = {},
): Promise<TeamMembers> {
  await mock.backend.reset(scenario);
  if (options.actor) await mock.backend.setActor(options.actor);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en'} style=${options.width ? `width:${options.width}px` : ''}>
      <team-members .adapter=${adapter()}></team-members>
    </div>`,
  );
  const el = wrapper.querySelector('team-members')!;
  await waitUntil(() => el.store?.status === 'ready' && el.store.complete, 'team never loaded', {
    timeout: 8000,
  });
  await waitUntil(
    () => $$(el, '[role="listitem"]').length > 0 || $(el, '[part~="empty"]'),
    'no rows',
    {
      timeout: 4000,
    },
  );
  return el;
}

export function row(el: TeamMembers, text: string): HTMLElement | undefined {
  return $$(el, '[role="listitem"]').find((r) => clean(r).includes(text));
}

/** Opens the ⋮ menu of the row containing `text` with a click; returns its items. */
export async function openMenu(el: TeamMembers, text: string): Promise<HTMLElement[]> {
  const button = row(el, text)?.querySelector<HTMLButtonElement>('[part~="menu-button"]');
  if (!button) throw new Error(`no menu button on the row of ${text}`);
  button.click();
  await el.updateComplete;
  return $$(el, '#row-menu [role="menuitem"]');
}

export function menuItem(el: TeamMembers, action: string): HTMLElement | null {
  return $(el, `#row-menu [data-action="${action}"]`);
}

/** Opens the row's menu and picks `action`; resolves when the dialog is open. */
export async function pick(
  el: TeamMembers,
  text: string,
  action: string,
): Promise<HTMLDialogElement> {
  await openMenu(el, text);
  const item = menuItem(el, action);
  if (!item) throw new Error(`no ${action} item`);
  item.click();
  const dialog = $<HTMLDialogElement>(el, 'dialog')!;
  await waitUntil(() => dialog.open || action === 'resend', `${action} dialog never opened`);
  return dialog;
}

/** The next `type` event on `el`, typed from GlobalEventHandlersEventMap. */
export function next<K extends keyof GlobalEventHandlersEventMap>(
  el: EventTarget,
  type: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return oneEvent(el, type) as unknown as Promise<GlobalEventHandlersEventMap[K]>;
}
