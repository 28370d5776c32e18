import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { isSeatkitError } from '../../api/errors.js';
import { InvitationsSentEvent } from '../../events/index.js';
import { localize, type Localizer } from '../../i18n/index.js';
import {
  CSV_MAX_BYTES,
  CSV_MAX_ROWS,
  CSV_TEMPLATE,
  toProblemRowsCsv,
  type BulkRowResult,
  type CsvProblem,
} from '../../rules/index.js';
import type {
  BillingSummary,
  Invitation,
  InviteInput,
  ProblemDetail,
} from '../../schemas/index.js';
import type { TeamStore } from '../../state/store.js';
import { DialogContentElement, safeSnapshot } from '../shared/dialog-content.js';
import { dialogHeader } from '../invite-dialog/dialog-helpers.js';
import type { QuoteState } from '../invite-dialog/invite-preview.js';
import { errorText } from '../shared/errors.js';
import { checkCsv, type CheckedFile } from './bulk-check.js';
import { renderBulkPreview } from './bulk-preview.js';
import { dialogFrameStyles } from '../invite-dialog/invite-dialog.styles.js';
import { bulkStyles } from './bulk-invite.styles.js';
import { renderRows, rowStatus, type RowsContext } from './bulk-rows.js';
import { looksLikeCsv, renderSource } from './bulk-source.js';

type Phase = 'empty' | 'checking' | 'checked' | 'sending' | 'sent';

/**
 * What `<bulk-invite>` shows once it is first opened: the source, the check, the rows, the
 * billing and the sending. It renders into its light DOM, which is `<bulk-invite>`'s shadow root,
 * so it is styled by `<bulk-invite>` and its parts are `<bulk-invite>`'s. Loaded with import() on
 * first use (the CSV reader and the row virtualizer come with it): a page that never opens Bulk
 * Invite never downloads them. Not public API: use `<bulk-invite>`.
 * @internal
 */
export class BulkInviteFlow extends DialogContentElement {
  /** Added to <bulk-invite>'s shadow root with this content. */
  static readonly dialogStyles = [dialogFrameStyles, bulkStyles];

  static override properties = {
    phase: { state: true },
    sourceName: { state: true },
    sourceError: { state: true },
    checked: { state: true },
    progress: { state: true },
    onlyProblems: { state: true },
    serverProblems: { state: true },
    sendError: { state: true },
    sentCount: { state: true },
    quoteState: { state: true },
    dragging: { state: true },
  };

  declare private phase: Phase;
  declare private sourceName: string | null;
  declare private sourceError: string;
  declare private checked: CheckedFile | null;
  declare private progress: { done: number; total: number };
  declare private onlyProblems: boolean;
  declare private serverProblems: ReadonlyMap<number, readonly ProblemDetail[]>;
  declare private sendError: unknown;
  declare private sentCount: number;
  declare private quoteState: QuoteState;
  declare private dragging: boolean;

  protected readonly focusSelector = '#file';
  private generation = 0;
  private checkAbort: AbortController | null = null;
  private templateUrl = '';
  private quotedFor: { billing: BillingSummary; count: number } | null = null;
  private quoteAbort: AbortController | null = null;
  private visibleCache: { key: unknown[]; rows: BulkRowResult[] } | null = null;

  constructor() {
    super();
    this.phase = 'empty';
    this.sourceName = null;
    this.sourceError = '';
    this.checked = null;
    this.progress = { done: 0, total: 0 };
    this.onlyProblems = false;
    this.serverProblems = new Map();
    this.sendError = null;
    this.sentCount = 0;
    this.quoteState = { status: 'idle' };
    this.dragging = false;
  }

  /** Checks CSV text as if it had been pasted (for hosts that already have the text). */
  loadText(text: string): Promise<void> {
    return this.load(text, null);
  }

  /** Checks a CSV file as if it had been picked. */
  loadFile(file: File): Promise<void> {
    return this.onFile(file);
  }

  /** The "rows with problems" CSV (formula cells neutralised), or '' when there are none. */
  problemRowsCsv(): string {
    const problems = this.problemRows();
    return problems.length === 0 ? '' : toProblemRowsCsv(problems);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.templateUrl = URL.createObjectURL(new Blob([CSV_TEMPLATE], { type: 'text/csv' }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.checkAbort?.abort();
    this.quoteAbort?.abort();
    URL.revokeObjectURL(this.templateUrl);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.maybeQuote();
  }

  /** A checked file is kept until its invitations are sent; after sending, the next open is fresh. */
  protected override dialogClosed(): void {
    if (this.phase === 'sent') this.reset();
  }

  private reset(): void {
    this.checkAbort?.abort();
    this.generation += 1;
    this.phase = 'empty';
    this.sourceName = null;
    this.sourceError = '';
    this.checked = null;
    this.serverProblems = new Map();
    this.sendError = null;
    this.sentCount = 0;
    this.onlyProblems = false;
    this.quoteState = { status: 'idle' };
    this.quotedFor = null;
  }

  private async onFile(file: File): Promise<void> {
    const l = localize(this);
    if (!looksLikeCsv(file)) {
      this.reset();
      this.sourceError = l.t('bulk.file.notCsv', { name: file.name });
      return;
    }
    let bytes: ArrayBuffer;
    try {
      bytes =
        file.size > CSV_MAX_BYTES ? new ArrayBuffer(CSV_MAX_BYTES + 1) : await file.arrayBuffer();
    } catch {
      this.reset();
      this.sourceError = l.t('bulk.file.unreadable', { name: file.name });
      return;
    }
    await this.load(bytes, file.name);
  }

  /** Reads and checks the CSV in chunks; a newer file replaces one still being checked. */
  private async load(input: string | ArrayBuffer, name: string | null): Promise<void> {
    const store = this.store;
    if (!store) return;
    this.reset();
    const generation = this.generation;
    this.sourceName = name;
    this.phase = 'checking';
    this.progress = { done: 0, total: 0 };
    const abort = new AbortController();
    this.checkAbort = abort;
    try {
      await store.load();
      const checked = await checkCsv(input, store.teamSnapshot(), {
        signal: abort.signal,
        onProgress: (done, total) => {
          if (generation === this.generation) this.progress = { done, total };
        },
      });
      if (generation !== this.generation) return;
      this.checked = checked;
      this.phase = 'checked';
      this.announcement = this.summaryText(localize(this));
    } catch (error) {
      if (generation !== this.generation || abort.signal.aborted) return;
      this.phase = 'empty';
      this.sourceError = errorText(error, localize(this));
    }
  }

  private readyRows(): BulkRowResult[] {
    const checked = this.checked;
    if (!checked) return [];
    return checked.results.filter(
      (r) => r.problems.length === 0 && r.invite && !this.serverProblems.has(r.row),
    );
  }

  private problemRows(): BulkRowResult[] {
    const checked = this.checked;
    if (!checked) return [];
    const server = this.serverProblems;
    return checked.results.flatMap((r) => {
      const extra = server.get(r.row);
      if (!extra) return r.problems.length > 0 ? [r] : [];
      const added = extra.map((d) => ({ field: null, code: d.code as never, message: d.message }));
      return [{ ...r, problems: [...r.problems, ...added] }];
    });
  }

  private counts(): { ready: number; problems: number } {
    const checked = this.checked;
    if (!checked) return { ready: 0, problems: 0 };
    // Only ready rows are sent, so every row the backend refused was counted as ready.
    const refusedReady = this.serverProblems.size;
    return { ready: checked.ready - refusedReady, problems: checked.problems + refusedReady };
  }

  private summaryText(l: Localizer): string {
    const { ready, problems } = this.counts();
    return l.t('bulk.summary', {
      ready: ready.toLocaleString(l.locale),
      problems: problems.toLocaleString(l.locale),
    });
  }

  /** Prices the ready rows whenever their count or the billing summary changes. */
  private maybeQuote(): void {
    const store = this.store;
    if (!this.open || !store?.billing || this.phase !== 'checked') return;
    const count = this.counts().ready;
    const billing = store.billing;
    if (this.quotedFor?.billing === billing && this.quotedFor.count === count) return;
    this.quotedFor = { billing, count };
    this.quoteAbort?.abort();
    if (count === 0) {
      this.quoteState = { status: 'idle' };
      return;
    }
    const abort = new AbortController();
    this.quoteAbort = abort;
    this.quoteState = { status: 'loading' };
    store.quote({ kind: 'bulkInvite', count }, { signal: abort.signal }).then(
      (quote) => {
        if (!abort.signal.aborted) this.quoteState = { status: 'ready', quote };
      },
      (error: unknown) => {
        if (!abort.signal.aborted) this.quoteState = { status: 'error', error };
      },
    );
  }

  private async send(): Promise<void> {
    const store = this.store;
    if (!store || this.phase !== 'checked') return;
    const ready = this.readyRows();
    if (ready.length === 0) return;
    const invites = ready.map((r) => r.invite as InviteInput);
    // One intended change per file and selection (the store keeps its key): a retry of the same
    // rows after a lost answer is the same request.
    const sameAs = JSON.stringify({ file: this.generation, skip: [...this.serverProblems.keys()] });
    const generation = this.generation;
    this.phase = 'sending';
    this.sendError = null;
    let result: { invitations: Invitation[] };
    try {
      result = await store.bulkInvite(invites, { sameAs });
    } catch (error) {
      if (generation !== this.generation) return;
      this.phase = 'checked';
      this.sendError = error;
      this.mapRowDetails(error, ready);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#send-error')?.focus();
      return;
    }
    if (generation !== this.generation) return;
    this.phase = 'sent';
    this.sentCount = result.invitations.length;
    this.dispatchEvent(new InvitationsSentEvent(result.invitations));
    this.announcement = localize(this).tp('bulk.sent', this.sentCount);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }

  /** The backend's per-row problems (0-based index into the request) back onto file rows. */
  private mapRowDetails(error: unknown, sent: readonly BulkRowResult[]): void {
    if (!isSeatkitError(error)) return;
    const map = new Map(this.serverProblems);
    for (const detail of error.details) {
      if (detail.row === undefined) continue;
      const result = sent[detail.row];
      if (!result) continue;
      map.set(result.row, [...(map.get(result.row) ?? []), detail]);
    }
    if (map.size !== this.serverProblems.size) this.serverProblems = map;
  }

  /** The rows the list shows (all, or only those with problems). */
  private visibleRows(ctx: RowsContext): BulkRowResult[] {
    const results = this.checked?.results ?? [];
    if (!this.onlyProblems) return results;
    const key = [results, this.serverProblems, ctx.sent];
    const hit = this.visibleCache;
    if (hit && hit.key.every((k, i) => k === key[i])) return hit.rows;
    const rows = results.filter((r) => rowStatus(r, ctx) === 'problem');
    this.visibleCache = { key, rows };
    return rows;
  }

  /** Saves the problem rows as a CSV file (built on demand: it can be large). */
  private downloadProblems(): void {
    const csv = this.problemRowsCsv();
    if (!csv) return;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = localize(this).t('bulk.problemsFileName');
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private renderHeader(l: Localizer): TemplateResult {
    return dialogHeader(l.t('bulk.title'), l.t('bulk.close'), this.close);
  }

  /**
   * Title (with ×), content, buttons: only the content scrolls, so the title and Send Invites
   * stay in view however long the file.
   */
  private frame(l: Localizer, content: unknown, footer: TemplateResult): TemplateResult {
    return html`<div class="body" part="body">
      ${this.renderHeader(l)}
      <div class="content" part="content">${content}</div>
      ${footer}
    </div>`;
  }

  protected renderContent(l: Localizer): TemplateResult {
    const store = this.store;
    const forbidden = store?.status === 'error' && store.error?.code === 'forbidden';
    if (forbidden || (store?.viewer && !store.decide('invite').allowed)) {
      return this.frame(
        l,
        html`<p class="alert" part="not-allowed">
          <strong>${l.t('bulk.notAllowed')}</strong> ${l.t('bulk.notAllowed.reason')}
        </p>`,
        html`<footer>
          <button type="button" data-autofocus @click=${this.close}>${l.t('bulk.close')}</button>
        </footer>`,
      );
    }
    if (!store || !store.billing) {
      const failed = store?.status === 'error';
      return this.frame(
        l,
        html`<p role=${failed ? 'alert' : 'status'}>
          ${failed ? l.t('bulk.loadFailed', { reason: errorText(store?.error, l) }) : l.t('bulk.loading')}
        </p>`,
        html`<footer>
          ${
            failed
              ? html`<button type="button" data-autofocus @click=${this.retry}>
                  ${l.t('bulk.retry')}
                </button>`
              : nothing
          }
          <button type="button" @click=${this.close}>${l.t('bulk.cancel')}</button>
        </footer>`,
      );
    }
    return this.frame(
      l,
      html`<p class="intro">${l.t('bulk.intro')}</p>
        ${this.phase === 'sent' ? nothing : this.renderSourceSection(l)}
        ${this.renderCheck(l, store)}`,
      this.renderFooter(l),
    );
  }

  private renderSourceSection(l: Localizer): TemplateResult {
    return html`${renderSource(l, this.templateUrl, this.dragging, {
      onFile: (file) => void this.onFile(file),
      onText: (text) => void this.load(text, null),
      onDragState: (active) => {
        this.dragging = active;
      },
    })}
    ${this.sourceError ? html`<p class="alert" role="alert" part="file-problems">${this.sourceError}</p>` : nothing}`;
  }

  private renderCheck(l: Localizer, store: TeamStore): TemplateResult | typeof nothing {
    if (this.phase === 'checking') {
      const { done, total } = this.progress;
      return html`<p role="status" part="progress">
        ${l.t('bulk.checking', { done: done.toLocaleString(l.locale), total: total.toLocaleString(l.locale) })}
      </p>`;
    }
    const checked = this.checked;
    if (!checked) return nothing;
    const ctx: RowsContext = {
      team: safeSnapshot(store),
      firstRowByEmail: checked.firstRowByEmail,
      serverProblems: this.serverProblems,
      sent: this.phase === 'sent',
    };
    const { ready, problems } = this.counts();
    const billing = store.billing;
    return html`
      <p class="source-name">
        ${this.sourceName ? l.t('bulk.file.name', { name: this.sourceName }) : l.t('bulk.file.pasted')}
      </p>
      ${this.renderFileProblems(l, checked.fileProblems)}
      ${
        this.phase === 'sent'
          ? html`<p class="success" part="summary">${l.tp('bulk.sent', this.sentCount)}</p>`
          : html`<p part="summary" class="summary">${this.summaryText(l)}</p>`
      }
      ${
        this.phase !== 'sent' && ready > 0
          ? renderBulkPreview(
              l,
              this.quoteState,
              ready,
              billing?.currency ?? 'USD',
              billing?.plan.name ?? '',
            )
          : nothing
      }
      ${this.sendError ? this.renderSendError(l) : nothing}
      ${
        checked.results.length > 0 && problems > 0
          ? html`<div class="toolbar">
              <label class="check">
                <input
                  type="checkbox"
                  .checked=${this.onlyProblems}
                  @change=${(e: Event) => (this.onlyProblems = (e.target as HTMLInputElement).checked)}
                />
                ${l.t('bulk.filter.label')}
              </label>
              <button type="button" part="download-problems" @click=${this.downloadProblems}>
                ${l.t('bulk.downloadProblems')}
              </button>
            </div>`
          : nothing
      }
      ${
        checked.results.length > 0
          ? // A fresh list when row statuses change: the virtualizer keeps its rendered rows otherwise.
            keyed(
              `${ctx.sent}:${this.serverProblems.size}:${this.onlyProblems}`,
              renderRows(l, this.visibleRows(ctx), ctx),
            )
          : nothing
      }
    `;
  }

  private renderFileProblems(
    l: Localizer,
    problems: readonly CsvProblem[],
  ): TemplateResult | typeof nothing {
    if (problems.length === 0) return nothing;
    const fatal = problems.some((p) => p.row === null);
    return html`<div class="alert" role="alert" part="file-problems">
      ${fatal ? html`<p><strong>${l.t('bulk.fileProblems')}</strong></p>` : nothing}
      <ul>
        ${problems.slice(0, 50).map((p) => html`<li>${fileProblemText(l, p)}</li>`)}
      </ul>
    </div>`;
  }

  private renderSendError(l: Localizer): TemplateResult {
    const rowsRefused = this.serverProblems.size > 0;
    return html`<p id="send-error" class="alert" role="alert" part="error" tabindex="-1">
      ${rowsRefused ? l.t('bulk.sendRowProblems') : l.t('bulk.sendFailed', { reason: errorText(this.sendError, l, { retrySafe: true }) })}
    </p>`;
  }

  private renderFooter(l: Localizer): TemplateResult {
    if (this.phase === 'sent') {
      return html`<footer>
        <button type="button" class="primary" data-autofocus @click=${this.close}>
          ${l.t('bulk.done')}
        </button>
      </footer>`;
    }
    const { ready } = this.counts();
    const refused = this.quoteState.status === 'ready' && !this.quoteState.quote.allowed;
    const sending = this.phase === 'sending';
    const disabled = this.phase !== 'checked' || ready === 0 || refused;
    return html`<footer>
      <button type="button" @click=${this.close}>${l.t('bulk.cancel')}</button>
      <button
        type="button"
        class="primary"
        part="submit"
        ?disabled=${disabled}
        aria-describedby=${refused ? 'refusal' : nothing}
        @click=${() => void this.send()}
      >
        ${sending ? l.t('bulk.sending') : ready > 0 ? l.tp('bulk.submit', ready) : l.t('bulk.submit.plain')}
      </button>
    </footer>`;
  }
}

function fileProblemText(l: Localizer, p: CsvProblem): string {
  switch (p.code) {
    case 'too_large':
      return l.t('bulk.fileProblem.too_large', {
        max: `${Math.round(CSV_MAX_BYTES / 1024 / 1024)} MB`,
      });
    case 'too_many_rows':
      return l.t('bulk.fileProblem.too_many_rows', { max: CSV_MAX_ROWS.toLocaleString(l.locale) });
    case 'malformed_row':
      return p.row === null
        ? l.t('bulk.fileProblem.malformed_file')
        : l.t('bulk.fileProblem.malformed_row', { row: p.row });
    default:
      return l.t(`bulk.fileProblem.${p.code}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'seatkit-bulk-invite-flow': BulkInviteFlow;
  }
}
