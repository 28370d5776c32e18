import { ContextConsumer, ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SeatkitAdapter } from '../api/adapter.js';
import { storeContext } from '../context/store-context.js';
import { TeamStore } from './store.js';

export type StoreHost = ReactiveControllerHost &
  HTMLElement & { adapter: SeatkitAdapter | null | undefined };

/**
 * Gives an element its store: the one provided above it (a `<seatkit-provider>` or
 * `provideSeatkit`), otherwise one made from the element's own `adapter`, which the element then
 * provides to its own subtree so nested Seatkit elements share it. Loads it and re-renders the
 * host on every change.
 */
export class StoreController implements ReactiveController {
  private readonly host: StoreHost;
  private readonly consumer: ContextConsumer<typeof storeContext, StoreHost>;
  private ownStore: TeamStore | null = null;
  private ownProvider: ContextProvider<typeof storeContext> | null = null;
  private subscribed: TeamStore | null = null;

  constructor(host: StoreHost) {
    this.host = host;
    host.addController(this);
    this.consumer = new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: () => this.sync(),
    });
  }

  /** The store in use, or null when there is neither a provider nor an adapter. */
  get store(): TeamStore | null {
    return this.consumer.value ?? this.ownStore;
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = null;
  }

  hostUpdate(): void {
    this.sync();
  }

  private readonly onChange = (): void => this.host.requestUpdate();

  private sync(): void {
    if (!this.consumer.value) {
      const adapter = this.host.adapter;
      if (adapter && this.ownStore?.adapter !== adapter) {
        this.ownStore = new TeamStore(adapter);
        if (this.ownProvider) this.ownProvider.setValue(this.ownStore);
        else
          this.ownProvider = new ContextProvider(this.host, {
            context: storeContext,
            initialValue: this.ownStore,
          });
      }
    }
    const store = this.store;
    if (store !== this.subscribed && this.host.isConnected) {
      this.subscribed?.removeEventListener('change', this.onChange);
      this.subscribed = store;
      store?.addEventListener('change', this.onChange);
      if (store) {
        void store.load().catch(() => undefined);
        this.host.requestUpdate();
      }
    }
  }
}
