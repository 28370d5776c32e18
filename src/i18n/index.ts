export { localize, localizerFor, languageOf } from './localize.ts';
export type { Localizer, Params, PluralKey } from './localize.ts';
export { CATALOGUE, AREAS } from './catalogue.ts';
export type { MessageKey, Messages, Language } from './catalogue.ts';
export { defineMessages } from './define.ts';
