import { html, nothing, type TemplateResult } from 'lit';

/** The host page's font: the elements inherit it. */
const HOST_FONT = 'font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif';

/** How a story presents an element: language, and a dark host page for `theme="dark"`. */
export interface Frame {
  /** Pins the story's language; without it the page's (or the layout check's) applies. */
  lang?: string;
  dark?: boolean;
}

/** Wraps a story's element in a box (with `lang` when pinned), on a dark page background when `dark`. */
export function frame(content: TemplateResult, { lang, dark = false }: Frame = {}): TemplateResult {
  return html`<div
    lang=${lang ?? nothing}
    style=${dark ? `${HOST_FONT};background:#0f1115;color:#eceef2;padding:1.5rem;min-height:100vh` : `${HOST_FONT};padding:1.5rem`}
  >
    ${content}
  </div>`;
}
