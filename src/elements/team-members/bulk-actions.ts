import { html, nothing, type TemplateResult } from 'lit';
import { BulkCompletedEvent, BulkRequestEvent } from '../../events/index.js';
import type { Localizer } from '../../i18n/index.js';
import type { Assignee, BatchAction, BatchPreview, Role, TeamEntry } from '../../schemas/index.js';
import type { BatchOptions, BulkOutcome, TeamStore } from '../../state/store.js';
import { errorText } from '../shared/errors.js';
import { decisionText } from '../shared/reasons.js';
import { BATCH_ACTION_PERMISSION } from '../../rules/permissions.js';
import { bulkLabel, renderBulkBar, renderBulkMenu } from './bulk-bar.js';
import { renderBulkDialog } from './bulk-dialog.js';
import { styles } from './bulk-dialog.styles.js';
import { previewAll } from './bulk-preview.js';
import type { MenuController } from '../shared/menu-controller.js';
import { BULK_MENU, type Selection } from './selection.js';
import { displayName } from './view-model.js';

/** What the bulk confirmation needs of <team-members>. */
export interface BulkHost {
  readonly store: TeamStore | null;
  readonly l: Localizer;
  readonly selection: Selection;
  /** The element's shadow root: the dialog is rendered in it. */
  readonly root: ShadowRoot;
  update(): void;
  updated(): Promise<unknown>;
  dispatch(event: Event): void;
  announce(text: string): void;
  /** The list's menu controller: the bulk menu is its menu `BULK_MENU`. */
  readonly menu: MenuController;
  /** Selects (or deselects) every entry of the filtered view; focus stays on the bar. */
  selectShown(on: boolean): void;
  /** The selection changed here: re-render and say so. */
  selectionChanged(): void;
  /** Focus goes back to the selection bar (the dialog closed, the selection was cleared). */
  restoreFocus(): void;
}

/** A refusal or failure as the backend (or the network) gave it; worded when shown. */
export interface Problem {
  code: string;
  message: string;
}

/** What became of one target: the latest answer for it. */
export type Outcome =
  { kind: 'done' } | { kind: 'refused'; problem: Problem } | { kind: 'failed'; problem: Problem };

export interface BulkState {
  action: BatchAction;
  /** The selected entries the action applies to, in selection order. */
  targets: readonly string[];
  /** Selected entries of the other kind, left alone. */
  skipped: number;
  /** The names of the targets sent, as they were (a removed member's row is gone afterwards). */
  names: Map<string, string>;
  /** changeRole: the chosen role ('' until one is chosen). */
  role: Role | '';
  /** remove: where the numbers go, as the select's value (`member:<id>`, `ringGroup:<id>`, ''). */
  reassign: string;
  /** The backend's preview; null while it loads (or before a role is chosen). */
  preview: BatchPreview | null;
  /** Why the preview could not be loaded (worded when shown). */
  previewError: unknown;
  phase: 'confirm' | 'sending' | 'results';
  /** Per target, once sent: done, refused with its reason, or failed (to retry). */
  outcomes: ReadonlyMap<string, Outcome>;
}

function assignee(value: string): Assignee | null {
  const [type, id = ''] = value.split(/:(.*)/su);
  if (type === 'member') return { type: 'member', memberId: id };
  if (type === 'ringGroup') return { type: 'ringGroup', ringGroupId: id };
  return null;
}

/**
 * A bulk action on the selection, from its confirmation to its result: the backend's preview
 * (what each target would come to, one price for them all, a removal's consequences), the
 * cancelable `seatkit-bulk-request`, `store.batch`, each target's outcome, `seatkit-bulk-completed`,
 * and a retry of only the failed ones. Done and refused targets leave the selection; failed ones
 * stay selected. Its own chunk, loaded the first time the bulk menu is used.
 */
export class BulkActions {
  private readonly host: BulkHost;
  private state: BulkState | null = null;
  /** Grows with every dialog opened and preview asked for: a late answer is dropped. */
  private session = 0;
  private abort: AbortController | null = null;

  constructor(host: BulkHost) {
    this.host = host;
    // The dialog's own styles arrive with it, not with the list.
    const sheet = styles.styleSheet;
    if (sheet) host.root.adoptedStyleSheets = [...host.root.adoptedStyleSheets, sheet];
  }

  /** True while a request is on its way (the selection must not be pruned under it). */
  get busy(): boolean {
    return this.state?.phase === 'sending';
  }

  private get store(): TeamStore {
    const store = this.host.store;
    if (!store) throw new Error('No store');
    return store;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.root.querySelector('dialog.bulk');
  }

  private patch(patch: Partial<BulkState>): void {
    if (!this.state) return;
    this.state = { ...this.state, ...patch };
    this.host.update();
  }

  /** Opens the confirmation of `action` on `targets` and asks the backend what it would do. */
  async open(action: BatchAction, targets: readonly string[], skipped: number): Promise<void> {
    this.session++;
    this.state = {
      action,
      targets,
      skipped,
      names: new Map(),
      role: '',
      reassign: '',
      preview: null,
      previewError: null,
      phase: 'confirm',
      outcomes: new Map(),
    };
    this.host.update();
    await this.host.updated();
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    // The role select when there is one, else Cancel (the safe choice).
    dialog
      ?.querySelector<HTMLElement>('.dialog-body select, [part~="cancel"]')
      ?.focus({ preventScroll: true });
    // Asked once the dialog has painted: building the requests for a large selection (and
    // reading the answers) must not hold up its first frame.
    if (action !== 'changeRole')
      requestAnimationFrame(() => setTimeout(() => void this.loadPreview(), 0));
  }

  /**
   * The selection bar's part for a selection (see `renderBulkBar`), for a filtered view of
   * `shown` entries, `selectedShown` of them selected.
   */
  renderBar(l: Localizer, shown: number, selectedShown: number): TemplateResult {
    const { selection, menu } = this.host;
    return renderBulkBar({
      l,
      shown,
      selectedShown,
      selected: selection.size,
      menuOpen: menu.openId === BULK_MENU,
      onSelectMatching: () => this.host.selectShown(true),
      onClear: () => {
        selection.clear();
        this.host.selectionChanged();
        this.host.restoreFocus();
      },
      onMenuClick: (e) => menu.onTriggerClick(BULK_MENU, e),
      onMenuKeydown: (e) => menu.onTriggerKeydown(BULK_MENU, e),
    });
  }

  /** The bulk menu; picking an action closes it and opens that action's confirmation. */
  renderMenu(l: Localizer, store: TeamStore): TemplateResult {
    const { selection, menu } = this.host;
    return renderBulkMenu({
      l,
      store,
      selection,
      trigger: menu.triggerElement,
      position: menu.position,
      onKeydown: (e) => menu.onMenuKeydown(e),
      onPick: (choice) => {
        menu.close(false);
        void this.open(choice.action, choice.targets, choice.skipped);
      },
    });
  }

  /** A target's name: as it was when sent, else as listed now. */
  name(id: string): string {
    const known = this.state?.names.get(id);
    if (known !== undefined) return known;
    const entry = this.host.store?.entry(id);
    return entry ? displayName(entry) : id;
  }

  private input(state: BulkState): BatchOptions {
    if (state.action === 'changeRole') return state.role ? { role: state.role } : {};
    if (state.action === 'remove') return { reassignTo: assignee(state.reassign) };
    return {};
  }

  private async loadPreview(): Promise<void> {
    const state = this.state;
    if (!state || (state.action === 'changeRole' && !state.role)) return;
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    const session = ++this.session;
    this.patch({ preview: null, previewError: null });
    try {
      const preview = await previewAll(
        this.store,
        state.action,
        state.targets,
        this.input(state),
        controller.signal,
      );
      if (session === this.session) this.patch({ preview });
    } catch (error) {
      if (session === this.session && !controller.signal.aborted)
        this.patch({ previewError: error ?? new Error() });
    }
  }

  /** Why the backend refused `id`, in `l`'s language (the rules' words for known cases). */
  reason(id: string, refusal: Problem, l: Localizer): string {
    const state = this.state;
    const store = this.host.store;
    const entry: TeamEntry | undefined = store?.entry(id);
    if (state && store && entry?.kind === 'member') {
      const action = BATCH_ACTION_PERMISSION[state.action];
      const target = { id: entry.id, role: entry.role, status: entry.status };
      const newRole = state.role || undefined;
      const decision = store.decide(action, target, newRole);
      if (!decision.allowed && decision.code === refusal.code)
        return decisionText(decision, { action, actor: store.viewer, target, newRole }, l);
    }
    return errorText(refusal, l);
  }

  // ---- the dialog's events ----------------------------------------------------------------

  private readonly onRole = (e: Event): void => {
    this.patch({ role: (e.target as HTMLSelectElement).value as Role | '' });
    void this.loadPreview();
  };

  private readonly onReassign = (e: Event): void => {
    this.patch({ reassign: (e.target as HTMLSelectElement).value });
  };

  private readonly onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const state = this.state;
    if (!state?.preview || state.phase !== 'confirm') return;
    const outcomes = new Map<string, Outcome>();
    const allowed: string[] = [];
    for (const item of state.preview.items) {
      if (item.allowed) allowed.push(item.id);
      else
        outcomes.set(item.id, {
          kind: 'refused',
          problem: item.refusal ?? { code: 'conflict', message: '' },
        });
    }
    if (allowed.length > 0) void this.send(allowed, outcomes);
  };

  /** Sends the failed targets again, in the order first sent: each request keeps its key. */
  private readonly onRetry = (): void => {
    const state = this.state;
    if (!state || state.phase !== 'results') return;
    const failed = state.targets.filter((id) => state.outcomes.get(id)?.kind === 'failed');
    if (failed.length > 0) void this.send(failed, new Map(state.outcomes));
  };

  private readonly onCancel = (e: Event): void => {
    // Escape while the request is on its way: the dialog stays, to show the result.
    if (this.busy) e.preventDefault();
  };

  private readonly onClose = (): void => {
    if (this.dialog?.open) return;
    this.abort?.abort();
    this.session++;
    this.state = null;
    this.host.update();
    this.host.restoreFocus();
  };

  close(): void {
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    else this.onClose();
  }

  // ---- sending ------------------------------------------------------------------------------

  private async send(ids: string[], outcomes: Map<string, Outcome>): Promise<void> {
    const state = this.state!;
    const { l } = this.host;
    const { action } = state;
    const role = action === 'changeRole' && state.role ? state.role : null;
    const request = new BulkRequestEvent(action, ids, role);
    this.host.dispatch(request);
    if (request.defaultPrevented) {
      this.host.announce(l.t('vetoed', { action: l.t(bulkLabel(action)) }));
      this.close();
      return;
    }
    for (const id of ids) state.names.set(id, this.name(id));
    this.patch({ phase: 'sending' });
    let results: BulkOutcome[];
    try {
      results = await this.store.batch(action, ids, this.input(state));
    } catch (error) {
      const problem = error as { code?: string; message?: string };
      results = ids.map((id) => ({
        id,
        outcome: 'failed',
        code: 'server_error',
        message: problem?.message ?? '',
      }));
    }
    for (const result of results)
      outcomes.set(
        result.id,
        result.outcome === 'done'
          ? { kind: 'done' }
          : { kind: result.outcome, problem: { code: result.code, message: result.message } },
      );
    // Done and refused leave the selection; failed ones stay, for a retry.
    const selection = this.host.selection;
    const failed = state.targets.filter((id) => outcomes.get(id)?.kind === 'failed');
    selection.set(
      state.targets.filter((id) => outcomes.has(id) && outcomes.get(id)?.kind !== 'failed'),
      false,
    );
    selection.set(failed, true);
    this.patch({ phase: 'results', outcomes });
    this.host.dispatch(new BulkCompletedEvent(action, results));
    this.host.announce(this.summary());
    await this.host.updated();
    this.dialog
      ?.querySelector<HTMLElement>(failed.length ? '[part~="bulk-retry"]' : '[part~="cancel"]')
      ?.focus();
  }

  /** "2 of 3 deactivated. 1 refused. 1 failed: …" */
  summary(): string {
    const state = this.state;
    if (!state) return '';
    const { l } = this.host;
    const count = { done: 0, refused: 0, failed: 0 };
    for (const outcome of state.outcomes.values()) count[outcome.kind]++;
    const parts = [
      l.t('batch.summary', {
        done: count.done,
        total: state.outcomes.size,
        verb: l.t(`batch.verb.${state.action}`),
      }),
    ];
    if (count.refused) parts.push(l.tp('batch.refusedCount', count.refused));
    if (count.failed) parts.push(l.tp('batch.failedCount', count.failed));
    return parts.join(' ');
  }

  render(): TemplateResult | typeof nothing {
    const state = this.state;
    const store = this.host.store;
    const l = this.host.l;
    return html`<dialog
      class="bulk"
      part="dialog bulk-dialog"
      aria-labelledby="bulk-title"
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      <form @submit=${this.onSubmit}>
        ${
          state && store
            ? renderBulkDialog(state, {
                l,
                store,
                summary: state.outcomes.size > 0 ? this.summary() : '',
                name: (id) => this.name(id),
                reason: (id, refusal) => this.reason(id, refusal, l),
                failure: (problem) => errorText(problem, l),
                onRole: this.onRole,
                onReassign: this.onReassign,
                onRetry: this.onRetry,
                onPreviewRetry: () => void this.loadPreview(),
                onClose: () => this.close(),
              })
            : nothing
        }
      </form>
    </dialog>`;
  }
}
