export { localize, localizerFor, languageOf, loadLanguage, languagePending } from './localize.js';
export type { Localizer, Params, PluralKey } from './localize.js';
export { englishMessages, loadEnglish, LANGUAGES } from './catalogue.js';
export type { MessageKey, Messages, Language } from './catalogue.js';
