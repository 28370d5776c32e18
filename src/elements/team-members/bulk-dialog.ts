import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer, MessageKey, PluralKey } from '../../i18n/index.js';
import { planAllowsRole } from '../../rules/index.js';
import { ROLES } from '../../schemas/constants.js';
import type {
  BatchAction,
  BatchPreview,
  CombinedRemoval,
  Member,
  Quote,
} from '../../schemas/index.js';
import type { TeamStore } from '../../state/store.js';
import type { BulkState, Outcome, Problem } from './bulk-actions.js';
import { bulkLabel } from './bulk-bar.js';
import { displayName } from './view-model.js';
import { invoiceText } from '../shared/invoice-text.js';

export interface BulkDialogContext {
  l: Localizer;
  store: TeamStore;
  /** The result in one sentence (results only). */
  summary: string;
  /** A row's name (as it was when sent). */
  name(id: string): string;
  /** Why the backend refused a row, in the page's language. */
  reason(id: string, refusal: Problem): string;
  /** Why a row's request (or the preview's) failed, in the page's language. */
  failure(problem: unknown): string;
  onRole(event: Event): void;
  onReassign(event: Event): void;
  onRetry(): void;
  /** Asks the backend for the preview again (it could not be loaded). */
  onPreviewRetry(): void;
  onClose(): void;
}

/** Names shown in one line before "and N more". */
const NAMES_SHOWN = 8;
/** Phone numbers named before "and N more" (a large removal frees many). */
const NUMBERS_SHOWN = 12;

const INVITATION_ACTIONS: ReadonlySet<BatchAction> = new Set(['resend', 'revoke']);
const DANGER: ReadonlySet<BatchAction> = new Set(['deactivate', 'remove', 'revoke']);

/** List formats by locale and type: making one costs more than formatting with it. */
const listFormats = new Map<string, Intl.ListFormat>();
function list(
  items: readonly string[],
  l: Localizer,
  type: 'conjunction' | 'unit' = 'conjunction',
): string {
  const key = `${l.locale}|${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(l.locale, { type });
    listFormats.set(key, format);
  }
  return format.format(items);
}

/** The first `max` of `items`, each worded by `nameOf`, then "and N more". */
function some<T>(
  items: readonly T[],
  max: number,
  nameOf: (item: T) => string,
  l: Localizer,
): string {
  if (items.length <= max) return list(items.map(nameOf), l);
  const shown = list(items.slice(0, max).map(nameOf), l, 'unit');
  return l.tp('batch.andMore', items.length - max, { names: shown });
}
const itself = (text: string) => text;

/** Ids grouped by the words of their reason, largest group first. */
function byReason(entries: Iterable<readonly [string, string]>): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const [id, reason] of entries) {
    const group = groups.get(reason);
    if (group) group.push(id);
    else groups.set(reason, [id]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length);
}

function renderGroups(
  groups: [string, string[]][],
  ctx: BulkDialogContext,
  part: string,
): TemplateResult {
  const { l } = ctx;
  const names = (ids: string[]) => some(ids, NAMES_SHOWN, ctx.name, l);
  return html`<ul class="groups" part=${part}>
    ${groups.map(
      ([reason, ids]) =>
        html`<li>
          <span class="reason-text">${reason} (${ids.length})</span>
          <span class="names">${names(ids)}</span>
        </li>`,
    )}
  </ul>`;
}

function renderQuote(quote: Quote, action: BatchAction, ctx: BulkDialogContext): TemplateResult {
  const { l, store } = ctx;
  const currency = store.billing?.currency ?? 'USD';
  const invoice = quote.nextInvoice;
  // A removal says when the seats drop in its list of consequences.
  const note =
    action === 'remove'
      ? ''
      : action === 'reactivate'
        ? quote.chargedSeats > 0
          ? l.t('quote.prorationSeats', {
              seats: quote.chargedSeats,
              amount: l.money(quote.proration.amount, currency),
              days: quote.proration.remainingDays,
            })
          : l.t('quote.alreadyPaid')
        : l.t('quote.noRefund', { date: l.date(invoice.date) });
  return html`<section class="bulk-quote" part="bulk-quote" aria-labelledby="bulk-quote-title">
    <h3 id="bulk-quote-title">${l.t('quote.title')}</h3>
    <dl>
      <div>
        <dt>${l.t('billing.activeSeats')}</dt>
        <dd>${quote.activeBefore} → ${quote.activeAfter}</dd>
      </div>
      <div>
        <dt>${l.t('quote.dueNow')}</dt>
        <dd part="due-now">${l.money(quote.dueNow, currency)}</dd>
      </div>
      <div>
        <dt>${l.t('billing.nextInvoice')}</dt>
        <dd part="next-invoice">${invoiceText(invoice, currency, l)}</dd>
      </div>
    </dl>
    ${note ? html`<p class="note">${note}</p>` : nothing}
  </section>`;
}

function renderRemoval(
  removal: CombinedRemoval,
  state: BulkState,
  ctx: BulkDialogContext,
): TemplateResult {
  const { l, store } = ctx;
  const targets = new Set(state.targets);
  const numbers = removal.phoneNumbers;
  // Who may take the numbers: an active member who stays, or a ring group.
  const members = numbers.length
    ? store.entries.filter(
        (e): e is Member => e.kind === 'member' && e.status === 'active' && !targets.has(e.id),
      )
    : [];
  return html`<p>${l.t('batch.body.remove')}</p>
    <ul part="impact">
      <li>
        ${
          numbers.length
            ? l.t('remove.numbers', { numbers: some(numbers, NUMBERS_SHOWN, itself, l) })
            : l.t('batch.remove.noNumbers')
        }
      </li>
      <li>${l.tp('remove.recordings', removal.recordings)}</li>
      <li>${l.tp('remove.sms', removal.smsConversations)}</li>
      <li>
        ${
          removal.campaigns.length
            ? l.t('batch.remove.campaigns', { campaigns: list(removal.campaigns, l) })
            : l.t('batch.remove.noCampaigns')
        }
      </li>
      <li>
        ${
          removal.personalIntegrations.length
            ? l.t('remove.integrations', {
                integrations: list(removal.personalIntegrations, l),
              })
            : l.t('remove.noIntegrations')
        }
        ${l.t('remove.teamIntegrations')}
      </li>
      <li part="impact-billing">${l.t('remove.billing', { date: l.date(removal.seatDropsAt) })}</li>
    </ul>
    ${
      numbers.length
        ? html`<label class="field">
            <span>${l.t('remove.reassign')}</span>
            <select name="reassign" part="select" @change=${ctx.onReassign}>
              <option value="" ?selected=${state.reassign === ''}>
                ${l.t('remove.reassignNone')}
              </option>
              ${
                members.length
                  ? html`<optgroup label=${l.t('remove.reassignMember')}>
                      ${members.map((m) => html`<option value="member:${m.id}" ?selected=${state.reassign === `member:${m.id}`}>${displayName(m)}</option>`)}
                    </optgroup>`
                  : nothing
              }
              ${
                store.ringGroups.length
                  ? html`<optgroup label=${l.t('remove.reassignRingGroup')}>
                      ${store.ringGroups.map((g) => html`<option value="ringGroup:${g.id}" ?selected=${state.reassign === `ringGroup:${g.id}`}>${g.name}</option>`)}
                    </optgroup>`
                  : nothing
              }
            </select>
          </label>`
        : nothing
    }`;
}

function renderRoleField(state: BulkState, ctx: BulkDialogContext): TemplateResult {
  const { l, store } = ctx;
  const plan = store.billing?.plan;
  // Only the roles the plan offers (never owner: that is a transfer).
  const roles = ROLES.filter((r) => r !== 'owner' && (!plan || planAllowsRole(plan, r)));
  return html`<label class="field">
    <span>${l.t('role.label')}</span>
    <select name="role" part="select" ?disabled=${state.phase !== 'confirm'} @change=${ctx.onRole}>
      <option value="" disabled ?selected=${state.role === ''}>${l.t('batch.chooseRole')}</option>
      ${roles.map((r) => html`<option value=${r} ?selected=${state.role === r}>${l.t(`role.${r}`)}</option>`)}
    </select>
  </label>`;
}

/** A preview's refusals grouped by their words, per language (a dialog renders many times). */
const grouped = new WeakMap<
  BatchPreview,
  { locale: string; allowed: number; groups: [string, string[]][] }
>();
function refusals(preview: BatchPreview, ctx: BulkDialogContext) {
  const known = grouped.get(preview);
  if (known?.locale === ctx.l.locale) return known;
  let allowed = 0;
  const refused: (readonly [string, string])[] = [];
  for (const item of preview.items) {
    if (item.allowed) allowed++;
    else
      refused.push([
        item.id,
        ctx.reason(item.id, item.refusal ?? { code: 'conflict', message: '' }),
      ]);
  }
  const result = { locale: ctx.l.locale, allowed, groups: byReason(refused) };
  grouped.set(preview, result);
  return result;
}

/** The backend's verdict: how many can be acted on, why not the rest, the price, the consequences. */
function renderPreview(state: BulkState, ctx: BulkDialogContext): TemplateResult {
  const { l } = ctx;
  const preview = state.preview;
  if (state.previewError)
    return html`<div class="error-box" part="dialog-error" role="alert">
      <span>${l.t('batch.previewError', { reason: ctx.failure(state.previewError) })}</span>
      <button type="button" @click=${ctx.onPreviewRetry}>${l.t('action.retry')}</button>
    </div>`;
  if (state.action === 'changeRole' && !state.role) return html``;
  if (!preview)
    return html`<p class="checking" part="bulk-checking" role="status">
      ${l.t('batch.checking')}
    </p>`;
  const verb = l.t(`batch.verb.${state.action}`);
  const total = preview.items.length;
  const { allowed, groups } = refusals(preview, ctx);
  const refused = total - allowed;
  const verdict =
    allowed === total
      ? l.tp('batch.canAll', total, { verb })
      : allowed === 0
        ? l.t('batch.canNone', { verb })
        : l.tp('batch.canSome', allowed, { total, verb });
  return html`<div class="verdict" part="bulk-summary">
      <p>${verdict}</p>
      ${
        refused
          ? html`<p>${l.tp('batch.cannot', refused, { verb })}</p>
              ${renderGroups(groups, ctx, 'bulk-refusals')}`
          : nothing
      }
    </div>
    ${allowed > 0 && preview.quote ? renderQuote(preview.quote, state.action, ctx) : nothing}
    ${
      allowed > 0 && state.action === 'remove' && preview.removal
        ? renderRemoval(preview.removal, state, ctx)
        : nothing
    }`;
}

function renderResults(state: BulkState, ctx: BulkDialogContext): TemplateResult {
  const { l } = ctx;
  // Worded now, not when sent: the page's language may have changed since.
  const words = (id: string, outcome: Outcome) =>
    outcome.kind === 'done'
      ? ''
      : outcome.kind === 'refused'
        ? ctx.reason(id, outcome.problem)
        : ctx.failure(outcome.problem);
  const pick = (kind: Outcome['kind']) =>
    state.targets.flatMap((id) => {
      const outcome = state.outcomes.get(id);
      return outcome?.kind === kind ? [[id, words(id, outcome)] as const] : [];
    });
  const failed = pick('failed');
  const refused = pick('refused');
  const done = pick('done').map(([id]) => id);
  const section = (title: MessageKey, body: TemplateResult, part: string) =>
    html`<section class="result" part=${part}>
      <h3>${l.t(title)}</h3>
      ${body}
    </section>`;
  return html`<p part="bulk-summary">${ctx.summary}</p>
    ${
      failed.length
        ? section(
            'batch.section.failed',
            html`${renderGroups(byReason(failed), ctx, 'bulk-failed-rows')}
              <p class="note">${l.t('batch.retryNote')}</p>`,
            'bulk-failed',
          )
        : nothing
    }
    ${
      refused.length
        ? section(
            'batch.section.refused',
            renderGroups(byReason(refused), ctx, 'bulk-refused-rows'),
            'bulk-refused',
          )
        : nothing
    }
    ${
      done.length
        ? section(
            'batch.section.done',
            html`<p class="names">${some(done, NAMES_SHOWN * 2, ctx.name, l)}</p>`,
            'bulk-done',
          )
        : nothing
    }`;
}

const TITLE: Record<BatchAction, PluralKey> = {
  changeRole: 'batch.title.changeRole',
  deactivate: 'batch.title.deactivate',
  reactivate: 'batch.title.reactivate',
  remove: 'batch.title.remove',
  resend: 'batch.title.resend',
  revoke: 'batch.title.revoke',
};

export function renderBulkDialog(state: BulkState, ctx: BulkDialogContext): TemplateResult {
  const { l } = ctx;
  const { action, phase } = state;
  const label = l.t(bulkLabel(action));
  // Once anything was sent the dialog shows the result (a retry sends from there).
  const results = state.outcomes.size > 0;
  const sending = phase === 'sending';
  const allowed = state.preview?.items.filter((i) => i.allowed).length ?? 0;
  const failed = [...state.outcomes.values()].filter((o) => o.kind === 'failed').length;
  const skipped = INVITATION_ACTIONS.has(action)
    ? 'batch.skipped.members'
    : 'batch.skipped.invitations';
  return html`
    <div class="dialog-header">
      <h2 id="bulk-title" part="dialog-title">
        ${
          results
            ? l.t('batch.resultTitle', { action: label })
            : l.tp(TITLE[action], state.targets.length)
        }
      </h2>
      <button
        type="button"
        class="icon"
        part="close"
        aria-label=${l.t('action.close')}
        ?disabled=${sending}
        @click=${ctx.onClose}
      >
        ×
      </button>
    </div>
    <div class="dialog-body" part="dialog-body">
      ${
        results
          ? renderResults(state, ctx)
          : html`${state.skipped ? html`<p class="note">${l.tp(skipped, state.skipped)}</p>` : nothing}
            ${action === 'remove' ? nothing : html`<p>${l.t(`batch.body.${action}`)}</p>`}
            ${action === 'changeRole' ? renderRoleField(state, ctx) : nothing}
            ${renderPreview(state, ctx)}`
      }
    </div>
    <div class="dialog-actions" part="dialog-actions">
      <button type="button" part="cancel" ?disabled=${sending} @click=${ctx.onClose}>
        ${results || (state.preview && allowed === 0) ? l.t('action.close') : l.t('action.cancel')}
      </button>
      ${
        results
          ? failed > 0
            ? html`<button
                type="button"
                class="primary"
                part="bulk-retry"
                ?disabled=${sending}
                aria-busy=${sending ? 'true' : 'false'}
                @click=${ctx.onRetry}
              >
                ${sending ? l.t('common.working') : l.tp('batch.retry', failed)}
              </button>`
            : nothing
          : state.preview && allowed === 0
            ? nothing
            : html`<button
                type="submit"
                class=${DANGER.has(action) ? 'danger' : 'primary'}
                part="confirm"
                ?disabled=${sending || !state.preview}
                aria-busy=${sending ? 'true' : 'false'}
              >
                ${sending ? l.t('common.working') : l.t('batch.confirm', { action: label, count: allowed || state.targets.length })}
              </button>`
      }
    </div>
  `;
}
