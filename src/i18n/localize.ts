import {
  english,
  LANGUAGES,
  type Language,
  type MessageKey,
  type Messages,
  type PluralKey,
} from './catalogue.js';

export type Params = Readonly<Record<string, string | number>>;

export type { PluralKey };

export interface Localizer {
  /** The BCP 47 tag in use (the page's), e.g. `de-DE`. */
  readonly locale: string;
  /** The catalogue language the strings come from. */
  readonly language: Language;
  t(key: MessageKey, params?: Params): string;
  /** Picks `<key>.one` or `<key>.other` for `count` (also available as `{count}`). */
  tp(key: PluralKey, count: number, params?: Params): string;
  money(cents: number, currency: string): string;
  /** A calendar date (UTC), e.g. "Dec 1, 2026". */
  date(iso: string | Date): string;
}

/** The closest `lang` attribute, crossing shadow roots, or the document's, or English. */
export function languageOf(node: Node): string {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element) {
      const lang = current.getAttribute('lang');
      if (lang) return lang;
    }
    if (current.parentNode) current = current.parentNode;
    else if (current instanceof ShadowRoot) current = current.host;
    else current = null;
  }
  return document.documentElement.lang || 'en';
}

function pickLanguage(locale: string): Language {
  const base = locale.toLowerCase().split('-')[0] ?? 'en';
  return Object.hasOwn(LANGUAGES, base) ? (base as Language) : 'en';
}

/** Catalogues in memory: English always, another language once its chunk has arrived. */
const tables = new Map<Language, Partial<Messages>>([['en', english]]);
/** Languages whose chunk is on its way. */
const loading = new Map<Language, Promise<void>>();

function load(language: Exclude<Language, 'en'>): Promise<void> {
  let pending = loading.get(language);
  if (!pending) {
    pending = LANGUAGES[language]().then(
      (messages) => {
        tables.set(language, messages);
      },
      () => {
        // Offline or blocked: the words stay English (money and dates still follow `lang`).
        tables.set(language, english);
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/**
 * The catalogue for `tag` (a BCP 47 tag such as `de-CH`) is on its way: the promise settles once
 * it is in memory. Null when nothing needs loading (English, an unknown language, or already
 * loaded). Seatkit elements wait for it before rendering, so they never flash English first.
 */
export function languagePending(tag: string): Promise<void> | null {
  const language = pickLanguage(tag);
  if (language === 'en' || tables.has(language)) return null;
  return load(language);
}

/** Loads the catalogue for `tag` ahead of time (e.g. before the page shows Seatkit). */
export async function loadLanguage(tag: string): Promise<void> {
  await languagePending(tag);
}

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const cache = new Map<string, Localizer>();

function safeLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A localizer for `locale`; cached, so calling it on every render is cheap. */
export function localizerFor(tag: string): Localizer {
  const locale = safeLocale(tag);
  const hit = cache.get(locale);
  if (hit) return hit;
  const language = pickLanguage(locale);
  // Looked up on every call: the language's chunk may arrive after this localizer was made.
  const table = (): Partial<Messages> => tables.get(language) ?? english;
  // Created on first use: building them costs a few ms that a first render need not pay.
  let plural: Intl.PluralRules | undefined;
  let dates: Intl.DateTimeFormat | undefined;
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const t = (key: MessageKey, params?: Params): string =>
    interpolate(table()[key] ?? english[key] ?? key, params);
  const localizer: Localizer = {
    locale,
    language,
    t,
    tp(key, count, params) {
      plural ??= new Intl.PluralRules(locale);
      const form = plural.select(count) === 'one' ? 'one' : 'other';
      const full = `${key}.${form}` as MessageKey;
      const chosen = full in table() ? full : (`${key}.other` as MessageKey);
      return t(chosen, { count, ...params });
    },
    money(cents, currency) {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency });
        moneyFormats.set(currency, format);
      }
      // Minor units: 2 digits for USD/EUR, 0 for JPY, as the currency defines.
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return format.format(cents / 10 ** digits);
    },
    date(iso) {
      dates ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      return dates.format(typeof iso === 'string' ? new Date(iso) : iso);
    },
  };
  cache.set(locale, localizer);
  return localizer;
}

/** Strings, money and dates in the language of `host` (its closest `lang`). */
export function localize(host: Node): Localizer {
  return localizerFor(languageOf(host));
}
