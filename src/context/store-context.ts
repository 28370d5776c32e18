import { createContext, ContextProvider } from '@lit/context';
import { LitElement, html, css, type PropertyValues } from 'lit';
import type { SeatkitAdapter } from '../api/adapter.js';
import { TeamStore, type TeamStoreOptions } from '../state/store.js';

/** The one key every Seatkit element asks for; `Symbol.for` so two bundles on a page agree. */
export const storeContext = createContext<TeamStore>(Symbol.for('seatkit.store'));

/**
 * Provides one store for `adapter` to everything inside `root` (any element, Lit or not).
 * Returns the store so the page can call `refresh()` or listen to `change`.
 */
export function provideSeatkit(
  root: HTMLElement,
  options: { adapter: SeatkitAdapter } & TeamStoreOptions,
): TeamStore {
  const store = new TeamStore(options.adapter, options);
  const provider = new ContextProvider(root, { context: storeContext, initialValue: store });
  // Elements already inside `root` asked before the provider existed: tell them to ask again.
  if (root.isConnected) provider.hostConnected();
  return store;
}

/**
 * @summary Shares one Seatkit store (one backend adapter) with every Seatkit element inside it.
 * @slot - The Seatkit elements (and anything else).
 */
export class SeatkitProvider extends LitElement {
  static override properties = { adapter: { attribute: false } };
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  declare adapter: SeatkitAdapter | null;
  /** The store this provider shares; replaced when `adapter` changes. */
  declare store: TeamStore | null;
  private readonly provider = new ContextProvider(this, { context: storeContext });

  constructor() {
    super();
    this.adapter = null;
    this.store = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') && this.adapter && this.store?.adapter !== this.adapter) {
      this.store = new TeamStore(this.adapter);
      this.provider.setValue(this.store);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'seatkit-provider': SeatkitProvider;
  }
}
