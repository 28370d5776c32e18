import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { Localizer } from '../../i18n/index.js';
import type { BulkRowResult, TeamSnapshot } from '../../rules/index.js';
import type { ProblemDetail } from '../../schemas/index.js';
import { problemText, roleName } from '../invite-dialog/problem-text.js';
import { breakableEmail } from '../shared/email-breaks.js';

export type RowStatus = 'ready' | 'problem' | 'sent';

/** What the list needs besides the rows themselves. */
export interface RowsContext {
  team: TeamSnapshot | null;
  firstRowByEmail: ReadonlyMap<string, number>;
  /** Problems the backend reported, by spreadsheet row number. */
  serverProblems: ReadonlyMap<number, readonly ProblemDetail[]>;
  sent: boolean;
}

export function rowStatus(result: BulkRowResult, ctx: RowsContext): RowStatus {
  if (result.problems.length > 0 || ctx.serverProblems.has(result.row)) return 'problem';
  return ctx.sent ? 'sent' : 'ready';
}

/** Most characters of a cell a row shows: a hostile file can hold megabytes in one cell. */
const SHOWN = 200;

/** A cell as a row shows it: whole, or its start and an ellipsis. */
function shown(text: string): string {
  if (text.length <= SHOWN) return text;
  const high = text.charCodeAt(SHOWN - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? SHOWN - 1 : SHOWN;
  return `${text.slice(0, end)}…`;
}

/** Every reason of one row, in the page's language. */
export function rowProblemTexts(l: Localizer, result: BulkRowResult, ctx: RowsContext): string[] {
  const raw = result.raw;
  // Only a valid address has a canonical form, and only those are matched as duplicates.
  const first = result.canonical === null ? undefined : ctx.firstRowByEmail.get(result.canonical);
  const base = {
    email: shown(raw.email),
    role: shown(raw.role),
    phoneNumber: raw.phoneNumber === null ? null : shown(raw.phoneNumber),
    team: ctx.team,
    firstRow: first !== undefined && first !== result.row ? first : undefined,
    bulk: true,
  };
  const local = result.problems.map((p) => problemText(l.t, p, base));
  const remote = (ctx.serverProblems.get(result.row) ?? []).map((p) => problemText(l.t, p, base));
  return [...local, ...remote];
}

const STATUS_KEYS = {
  ready: 'bulk.row.ready',
  problem: 'bulk.row.problem',
  sent: 'bulk.row.sent',
} as const;

function renderRow(l: Localizer, result: BulkRowResult, ctx: RowsContext): TemplateResult {
  const status = rowStatus(result, ctx);
  const problems = status === 'problem' ? rowProblemTexts(l, result, ctx) : [];
  const raw = result.raw;
  const empty = l.t('bulk.row.empty');
  return html`<div
    class="row"
    role="listitem"
    part="row row-${status}"
    data-row=${result.row}
    data-status=${status}
  >
    <span class="num">${l.t('bulk.row.label', { row: result.row })}</span>
    <span class="email">${raw.email ? breakableEmail(shown(raw.email)) : empty}</span>
    <span class="role">${raw.role ? roleName(l.t, shown(raw.role)) : empty}</span>
    <span class="phone">${shown(raw.phoneNumber ?? '')}</span>
    <span class="status status-${status}">${l.t(STATUS_KEYS[status])}</span>
    ${
      problems.length > 0
        ? html`<ul class="problems" part="row-problems">
            ${problems.map((p) => html`<li>${p}</li>`)}
          </ul>`
        : nothing
    }
  </div>`;
}

/**
 * Up to this many rows are all in the page, so find-in-page and a screen reader reach each of
 * them; a longer file is virtualized (only the rows in view are in the DOM).
 */
const ALL_ROWS_UP_TO = 100;

/**
 * The rows. The list is as high as its rows; it does not scroll itself but inside the dialog's
 * content (one scroller, not a table scrolling inside a dialog that scrolls too), under column
 * headings that stay at its top.
 */
export function renderRows(l: Localizer, rows: BulkRowResult[], ctx: RowsContext): TemplateResult {
  if (rows.length === 0)
    return html`<p class="note" part="rows-empty">${l.t('bulk.list.empty')}</p>`;
  return html`<div class="table">
    <div class="rows-head" aria-hidden="true">
      <span>${l.t('bulk.col.row')}</span><span>${l.t('bulk.col.email')}</span
      ><span>${l.t('bulk.col.role')}</span><span>${l.t('bulk.col.phone')}</span
      ><span>${l.t('bulk.col.status')}</span>
    </div>
    <div class="rows" part="rows" role="list" aria-label=${l.t('bulk.list.label')}>
      ${
        rows.length <= ALL_ROWS_UP_TO
          ? repeat(
              rows,
              (r) => r.row,
              (r) => renderRow(l, r, ctx),
            )
          : virtualize({
              items: rows,
              keyFunction: (r: BulkRowResult) => r.row,
              // Imported up front: without it the virtualizer loads its layout with import() and
              // the rows paint a frame later.
              layout: flow(),
              renderItem: (r: BulkRowResult) => renderRow(l, r, ctx),
            })
      }
    </div>
  </div>`;
}
