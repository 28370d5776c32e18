import { html, type TemplateResult } from 'lit';

/** The host page's font: the elements inherit it. */
const HOST_FONT = 'font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif';

/** How a story presents an element: language, and a dark host page for `theme="dark"`. */
export interface Frame {
  lang?: string;
  dark?: boolean;
}

/** Wraps a story's element in a `lang` box, on a dark page background when `dark`. */
export function frame(
  content: TemplateResult,
  { lang = 'en', dark = false }: Frame = {},
): TemplateResult {
  return html`<div
    lang=${lang}
    style=${dark ? `${HOST_FONT};background:#0f1115;color:#eceef2;padding:1.5rem;min-height:100vh` : `${HOST_FONT};padding:1.5rem`}
  >
    ${content}
  </div>`;
}
