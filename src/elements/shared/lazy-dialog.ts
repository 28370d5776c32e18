import {
  adoptStyles,
  html,
  nothing,
  type CSSResult,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { localize } from '../../i18n/index.js';
import type { SeatkitAdapter } from '../../api/adapter.js';
import type { TeamStore } from '../../state/store.js';
import { HostContextController, type Theme } from './host-context.js';
import { SeatkitElement } from './seatkit-element.js';

/** What a dialog's content element offers the dialog element that shows it. */
export interface DialogContent extends HTMLElement {
  open: boolean;
  adapter: SeatkitAdapter | null | undefined;
  /** Called when the content closed the dialog itself (Escape, a button, after sending). */
  onClosed: () => void;
  readonly store: TeamStore | null;
  readonly updateComplete: Promise<boolean>;
}

/** A dialog's content module: its element, and the styles it adds to the dialog's shadow root. */
export interface DialogContentModule {
  element: CustomElementConstructor;
  /** Downloaded with the content rather than with the page: the frame, fields, tables. */
  styles: readonly CSSResult[];
}

/**
 * A dialog element whose content (the whole flow: its templates, checks and helpers) is its own
 * chunk, loaded with import() the first time the dialog opens or is given work. Until then the
 * element is a few hundred bytes that know `open`, `theme`, `adapter`, `show()` and `close()`; a
 * page that never opens the dialog never downloads the rest.
 *
 * The content is a custom element that renders into its light DOM, placed in this element's
 * shadow root: this element's styles apply to it, its `part`s are this element's, and its events
 * cross this element's boundary as this element's. `updateComplete` waits for the content too, so
 * after `show()` and `await el.updateComplete` the dialog is open and focused.
 */
export abstract class LazyDialog<C extends DialogContent> extends SeatkitElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    theme: { type: String, reflect: true },
    adapter: { attribute: false },
    loadFailed: { state: true },
  };

  /** Whether the dialog is showing. */
  declare open: boolean;
  /** Backend adapter, used when no `<seatkit-provider>` is above this element. */
  declare adapter: SeatkitAdapter | null | undefined;
  /** `dark` or `light` pins the colour scheme; unset follows the closest ancestor's `theme`, else the system. */
  declare theme: Theme | undefined;
  /** The content's chunk could not be loaded (offline): said in place of the dialog. */
  declare private loadFailed: boolean;

  // The theme of an ancestor; the language, for the content.
  private readonly hostContext = new HostContextController(this);
  /** Whether the content's chunk has loaded and its element is defined. */
  private loaded = false;
  private contentElement: C | null = null;
  private contentStyles: readonly CSSResult[] = [];
  private loading: Promise<void> | null = null;
  /** Asked for work while closed (e.g. `loadText`): render the content anyway. */
  private wanted = false;

  constructor() {
    super();
    this.open = false;
    this.adapter = undefined;
    this.loadFailed = false;
  }

  /** The content's tag name, e.g. `seatkit-bulk-invite-flow`. */
  protected abstract readonly contentTag: string;
  /** Imports the content's module: its element class and its styles. */
  protected abstract importContent(): Promise<DialogContentModule>;

  /** Opens the dialog; focus moves into it and back to the opener on close. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog (what was entered is kept). */
  close(): void {
    this.open = false;
  }

  /**
   * Downloads the dialog's content ahead of opening, e.g. when the pointer reaches the button
   * that opens it, so the first open shows at once. Never rejects: a failed download is tried
   * again on open.
   */
  preload(): Promise<void> {
    return this.load().catch(() => undefined);
  }

  /** The store this dialog uses (from a provider above it, or its own `adapter`); null until first opened. */
  get store(): TeamStore | null {
    return this.content?.store ?? null;
  }

  /** The content element, once rendered. */
  protected get content(): C | null {
    return this.contentElement;
  }

  /** The content, loading and rendering it first if needed (for methods that give it work). */
  protected async ensureContent(): Promise<C> {
    this.wanted = true;
    this.requestUpdate();
    await this.updateComplete;
    const content = this.content;
    if (!content) throw new Error(`${this.localName}: its content could not be loaded`);
    return content;
  }

  /** The content closed the dialog itself. */
  private readonly onContentClosed = (): void => {
    this.open = false;
  };

  private load(): Promise<void> {
    this.loading ??= this.importContent().then(
      ({ element, styles }) => {
        if (!customElements.get(this.contentTag)) customElements.define(this.contentTag, element);
        this.contentStyles = styles;
        this.loaded = true;
      },
      (error: unknown) => {
        // Offline when first opened: try again next time.
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  private get needsContent(): boolean {
    return !this.loaded && (this.open || this.wanted);
  }

  protected override beforeUpdate(): Promise<unknown> | null {
    const language = super.beforeUpdate();
    if (!language && !this.needsContent) return null;
    return (async () => {
      await language;
      // `open` may have been set while the language loaded: look again after it.
      if (!this.needsContent) return;
      try {
        await this.load();
      } catch {
        this.open = false;
        this.wanted = false;
        this.loadFailed = true;
      }
    })();
  }

  /** The content element, made once its chunk has loaded, bound to `open` and `adapter`. */
  private renderContent(): C {
    let content = this.contentElement;
    if (!content) {
      // The content's styles join the element's own in its shadow root, before it renders.
      const own = (this.constructor as typeof LazyDialog).elementStyles;
      adoptStyles(this.renderRoot as ShadowRoot, [...own, ...this.contentStyles]);
      content = document.createElement(this.contentTag) as C;
      // It holds the <dialog> and a live region; its box is this element's.
      content.style.display = 'contents';
      content.onClosed = this.onContentClosed;
      this.contentElement = content;
    }
    content.open = this.open;
    content.adapter = this.adapter;
    return content;
  }

  protected override render(): C | TemplateResult | typeof nothing {
    if (this.loaded) return this.renderContent();
    return this.loadFailed
      ? html`<p role="alert" part="load-error">${localize(this).t('error.network')}</p>`
      : nothing;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const content = this.content;
    return content ? (await content.updateComplete) && done : done;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.open) {
      this.wanted = true;
      this.loadFailed = false;
    }
  }
}
