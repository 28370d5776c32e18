import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export interface MenuPosition {
  top?: number;
  bottom?: number;
  right: number;
}

/**
 * The WAI-ARIA menu button pattern for one menu at a time (e.g. each row's ⋮):
 * Enter, Space or ArrowDown on the button open it on the first item, ArrowUp on the last;
 * ArrowUp/ArrowDown/Home/End move between items; Escape closes and returns focus to the button;
 * Tab closes; a click outside closes. The menu is positioned `fixed` next to its button so a
 * scrolling list never clips it.
 */
export class MenuController implements ReactiveController {
  /** Which menu is open (the caller's id, e.g. a row id), or null. */
  openId: string | null = null;
  position: MenuPosition = { right: 0, top: 0 };
  private trigger: HTMLElement | null = null;
  private focusOnOpen: 'first' | 'last' | null = null;
  private readonly host: Host;
  private readonly menu: () => HTMLElement | null;

  constructor(host: Host, menu: () => HTMLElement | null) {
    this.host = host;
    this.menu = menu;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close(false);
  }

  hostUpdated(): void {
    if (this.openId === null || this.focusOnOpen === null) return;
    const items = this.items();
    const item = this.focusOnOpen === 'last' ? items.at(-1) : items[0];
    item?.focus();
    this.focusOnOpen = null;
  }

  open(id: string, trigger: HTMLElement, focus: 'first' | 'last' = 'first'): void {
    this.position = this.positionFor(trigger);
    this.openId = id;
    this.trigger = trigger;
    this.focusOnOpen = focus;
    document.addEventListener('pointerdown', this.onOutside, true);
    window.addEventListener('resize', this.onResize);
    this.host.requestUpdate();
  }

  /**
   * The list scrolled (e.g. focusing a ⋮ scrolled it into view): the menu follows its button,
   * and closes once the button left the scroller's visible area.
   */
  onScroll(scroller: HTMLElement): void {
    const trigger = this.trigger;
    if (this.openId === null || !trigger) return;
    const rect = trigger.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (!trigger.isConnected || rect.bottom <= view.top || rect.top >= view.bottom) {
      this.close(false);
      return;
    }
    this.position = this.positionFor(trigger);
    this.host.requestUpdate();
  }

  private positionFor(trigger: HTMLElement): MenuPosition {
    const rect = trigger.getBoundingClientRect();
    const below = window.innerHeight - rect.bottom;
    return below < 240 && rect.top > below
      ? { bottom: window.innerHeight - rect.top + 4, right: window.innerWidth - rect.right }
      : { top: rect.bottom + 4, right: window.innerWidth - rect.right };
  }

  /** Closes the menu; with `restoreFocus` the focus goes back to its button. */
  close(restoreFocus = true): void {
    if (this.openId === null) return;
    const trigger = this.trigger;
    this.openId = null;
    this.trigger = null;
    document.removeEventListener('pointerdown', this.onOutside, true);
    window.removeEventListener('resize', this.onResize);
    this.host.requestUpdate();
    if (restoreFocus) trigger?.focus();
  }

  /** The button that opened the open menu. */
  get triggerElement(): HTMLElement | null {
    return this.trigger;
  }

  onTriggerClick(id: string, event: MouseEvent): void {
    const trigger = event.currentTarget as HTMLElement;
    if (this.openId === id) this.close();
    else this.open(id, trigger, 'first');
  }

  onTriggerKeydown(id: string, event: KeyboardEvent): void {
    const trigger = event.currentTarget as HTMLElement;
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.open(id, trigger, 'first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      this.open(id, trigger, 'last');
    }
  }

  onMenuKeydown(event: KeyboardEvent): void {
    const items = this.items();
    const current = items.indexOf(this.activeItem() as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      items[(index + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(current + 1);
      case 'ArrowUp':
        return move(current - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        return this.close(true);
      case 'Tab':
        return this.close(false);
      default:
        return undefined;
    }
  }

  private items(): HTMLElement[] {
    const menu = this.menu();
    return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')] : [];
  }

  private activeItem(): Element | null {
    return this.host.shadowRoot?.activeElement ?? null;
  }

  private readonly onOutside = (event: Event): void => {
    const path = event.composedPath();
    const menu = this.menu();
    if ((menu && path.includes(menu)) || (this.trigger && path.includes(this.trigger))) return;
    this.close(false);
  };

  private readonly onResize = (): void => this.close(false);
}
