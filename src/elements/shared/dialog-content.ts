import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { SeatkitAdapter } from '../../api/adapter.js';
import { localize, type Localizer } from '../../i18n/index.js';
import type { TeamSnapshot } from '../../rules/index.js';
import { StoreController } from '../../state/store-controller.js';
import type { TeamStore } from '../../state/store.js';
import { activeElementDeep, dialogFrame } from '../invite-dialog/dialog-helpers.js';
import { HostContextController } from './host-context.js';
import type { DialogContent } from './lazy-dialog.js';
import { SeatkitElement } from './seatkit-element.js';

/**
 * What the content of a lazily loaded dialog (see `LazyDialog`) does the same way in every dialog:
 * it renders into its light DOM, which is the dialog element's shadow root, opens and closes the
 * native `<dialog>` with `open`, moves focus in (to `focusSelector`, else `[data-autofocus]`) and
 * back to the opener, and tells the dialog element when it closed itself. Subclasses render the
 * dialog's content and say what to forget when it closes.
 */
export abstract class DialogContentElement extends SeatkitElement implements DialogContent {
  static override properties: PropertyDeclarations = {
    open: { attribute: false },
    adapter: { attribute: false },
    announcement: { state: true },
  };

  /** Whether the dialog is showing (the dialog element's `open`). */
  declare open: boolean;
  /** The dialog element's adapter, used when no `<seatkit-provider>` is above it. */
  declare adapter: SeatkitAdapter | null | undefined;
  /** Said to screen readers in the dialog's polite live region. */
  declare protected announcement: string;
  /** Tells the dialog element the dialog closed (Escape, a button, or after sending). */
  onClosed: () => void = () => undefined;

  private readonly storeController = new StoreController(this);
  // Re-renders when a `lang` above changes.
  private readonly hostContext = new HostContextController(this);
  private opener: HTMLElement | null = null;
  /** Focus moves in as soon as the content exists (the team may still be loading). */
  protected pendingFocus = false;

  constructor() {
    super();
    this.open = false;
    this.adapter = undefined;
    this.announcement = '';
    // What sends the change downloads as the dialog is filled in: not while it opens, which it
    // would slow down. Offline, the send itself tries again and says why it failed.
    this.addEventListener('input', () => void this.store?.preloadChanges().catch(() => undefined));
  }

  /** Where focus goes when the dialog opens, if it is there (else `[data-autofocus]`). */
  protected abstract readonly focusSelector: string;
  /** The dialog's content while it is open. */
  protected abstract renderContent(l: Localizer): TemplateResult;
  /** The native dialog closed: forget what should not outlive it. */
  protected dialogClosed(): void {}

  /** Renders into the dialog element's shadow root (this element's light DOM), styled by it. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The store this dialog uses (from a provider above it, or its own `adapter`). */
  get store(): TeamStore | null {
    return this.storeController.store;
  }

  /** Closes the dialog. */
  close = (): void => {
    this.open = false;
    this.onClosed();
  };

  /** Loads the team again (the Retry button of a dialog whose team could not be loaded). */
  protected retry = (): void => {
    this.pendingFocus = true;
    void this.store?.refresh().catch(() => undefined);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) this.announcement = '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.syncOpen();
    if (this.pendingFocus && this.open) this.focusFirst();
  }

  protected override render(): TemplateResult {
    const l = localize(this);
    return dialogFrame(
      this.open,
      () => this.renderContent(l),
      this.announcement,
      this.onDialogClose,
    );
  }

  private syncOpen(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) {
      this.opener = activeElementDeep();
      dialog.showModal();
      this.pendingFocus = true;
      this.focusFirst();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  private focusFirst(): void {
    const target =
      this.renderRoot.querySelector<HTMLElement>(this.focusSelector) ??
      this.renderRoot.querySelector<HTMLElement>('[data-autofocus]');
    if (!target) return;
    target.focus();
    this.pendingFocus = false;
  }

  /** The native dialog closed (Escape, close(), or a button). */
  private onDialogClose = (): void => {
    this.open = false;
    this.onClosed();
    this.pendingFocus = false;
    this.dialogClosed();
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  };
}

/** The store's team for the rules, or null while it cannot be had (no billing yet). */
export function safeSnapshot(store: TeamStore): TeamSnapshot | null {
  try {
    return store.teamSnapshot();
  } catch {
    return null;
  }
}
