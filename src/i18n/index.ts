export { localize, localizerFor, languageOf, loadLanguage, languagePending } from './localize.ts';
export type { Localizer, Params, PluralKey } from './localize.ts';
export { englishMessages, loadEnglish, LANGUAGES } from './catalogue.ts';
export type { MessageKey, Messages, Language } from './catalogue.ts';
