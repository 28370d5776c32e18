// The layout check: every Storybook story, rendered as Storybook renders it (its loaders with the
// mock backend through msw-storybook-addon, its beforeEach, its render function), in a light and
// a dark page, in English and German, at 360, 768 and 1280 px wide. Each render fails on
// horizontal overflow, on text cut off without its full text available, and on axe violations
// of serious or critical impact (see helpers/layout.ts). Play functions do not run here (they are
// English interaction tests, run by stories.test.ts); stories that show a state reached by
// clicking open it in their render (stories/support/open.ts).
import './support/process-shim.js';
import { expect } from '@open-wc/testing';
import { setProjectAnnotations } from '@storybook/web-components';
import { setViewport } from '@web/test-runner-commands';
import { html, render, type TemplateResult } from 'lit';
import { composeStories } from 'storybook/preview-api';
import annotations from '../../.storybook/annotations.js';
import * as bulkInvite from '../../stories/bulk-invite.stories.js';
import * as inviteDialog from '../../stories/invite-dialog.stories.js';
import * as seatBillingPreview from '../../stories/seat-billing-preview.stories.js';
import * as teamMembers from '../../stories/team-members.stories.js';
import { axeProblems, deepElements, layoutProblems, type Problem } from './helpers/layout.js';

// Virtualizers and the row window measure in ResizeObservers; a resize can make Chromium report
// "loop completed with undelivered notifications": a benign notice, not an exception.
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

const SIZES = [
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
] as const;
const THEMES = ['light', 'dark'] as const;
const LANGUAGES = ['en', 'de'] as const;
/** How long a render may take to settle; slower stories (a 2.5 s network) are checked as they are then. */
const SETTLE_MS = 1500;
/** A request that has not answered this long after the page last changed is a slow one. */
const SLOW_REQUEST_MS = 300;

const FILES = {
  'team-members': teamMembers,
  'invite-dialog': inviteDialog,
  'bulk-invite': bulkInvite,
  'seat-billing-preview': seatBillingPreview,
};

type Composed = (() => unknown) & { load(): Promise<void> };

// Requests in flight (the elements talk to the mock backend through fetch): a render has
// settled only when none is.
let inFlight = 0;
const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
  inFlight += 1;
  try {
    return await realFetch(...args);
  } finally {
    inFlight -= 1;
  }
};

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** What changes while a render is still settling: its elements and its words. */
function signature(root: Element): string {
  let elements = 0;
  let text = 0;
  for (const el of deepElements(root)) {
    elements += 1;
    if (el.childElementCount === 0) text += el.textContent?.length ?? 0;
  }
  return `${elements}:${text}`;
}

/**
 * Waits until the DOM stayed the same for `frames` frames (with nothing loading, unless
 * `network` is false), or `ms` passed.
 */
async function settle(
  root: Element,
  { ms = SETTLE_MS, frames = 3, network = true } = {},
): Promise<number> {
  const start = performance.now();
  let changed = start;
  let last = '';
  let quiet = 0;
  while (performance.now() < start + ms && quiet < frames) {
    await frame();
    const elements = [...deepElements(root)].filter(
      (el): el is Element & { updateComplete: Promise<unknown> } => 'updateComplete' in el,
    );
    await Promise.all(elements.map((el) => el.updateComplete));
    const now = signature(root);
    if (now !== last) changed = performance.now();
    // A request slower than this (a story's 2.5 s network) is not waited for: the story is
    // checked as it shows meanwhile.
    const idle = inFlight === 0 || !network || performance.now() - changed > SLOW_REQUEST_MS;
    quiet = idle && now === last ? quiet + 1 : 0;
    last = now;
  }
  return performance.now() - start;
}

function closeDialogs(root: Element): void {
  for (const el of deepElements(root)) if (el instanceof HTMLDialogElement && el.open) el.close();
}

const project = setProjectAnnotations([annotations]);
const counts = { stories: 0, renders: 0, started: performance.now() };
const spent = { load: 0, settle: 0, resize: 0, layout: 0, axe: 0 };
async function timed<T>(what: keyof typeof spent, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    spent[what] += performance.now() - start;
  }
}

after(() => {
  const seconds = ((performance.now() - counts.started) / 1000).toFixed(0);
  console.log(
    `[layout] ${counts.stories} stories × ${SIZES.length} sizes × ${THEMES.length} themes × ${LANGUAGES.length} languages = ${counts.renders} renders checked (${seconds} s)`,
  );
  console.log(
    `[layout] time: ${Object.entries(spent)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
});

// The check itself: each kind of problem it looks for is found when it is there, and a page
// without them passes (a check that cannot fail would let every story through).
describe('layout check: what it finds', () => {
  const ellipsis = 'width:60px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis';
  const long = 'a line far longer than its box';
  const CASES: Array<[string, TemplateResult, Problem['kind'] | null]> = [
    ['a page wider than the window', html`<div style="width:4000px">wide</div>`, 'page-overflow'],
    [
      'a box with a horizontal scrollbar',
      html`<div style="width:100px;overflow:auto"><div style="width:300px">wide</div></div>`,
      'scrolls-sideways',
    ],
    [
      'text spilling out of its box',
      html`<div style="width:60px;white-space:nowrap">${long}</div>`,
      'spills',
    ],
    [
      'text cut off with an ellipsis and no full text',
      html`<div style=${ellipsis}>${long}</div>`,
      'clipped',
    ],
    [
      'text cut off at the bottom',
      html`<div style="width:80px;height:20px;overflow:hidden">
        three lines of words that wrap
      </div>`,
      'clipped',
    ],
    [
      'a fixed box sticking out of the window',
      html`<div style="position:fixed;top:0;left:-50px;width:100px">menu</div>`,
      'off-screen',
    ],
    [
      'unreadable text (axe: color-contrast)',
      html`<p style="color:#bbb;background:#fff">pale text</p>`,
      'axe',
    ],
    // eslint-disable-next-line lit-a11y/accessible-name -- the fault this case plants
    ['a button without a name (axe: button-name)', html`<button></button>`, 'axe'],
    [
      'an ellipsis whose full text is in its title',
      html`<div title=${long} style=${ellipsis}>${long}</div>`,
      null,
    ],
    ['text that fits', html`<p style="width:300px">short</p>`, null],
  ];
  for (const [what, markup, kind] of CASES) {
    it(`${kind ? 'finds' : 'passes'} ${what}`, async () => {
      await setViewport(SIZES[0]);
      windowSize = SIZES[0];
      const page = document.createElement('div');
      document.body.append(page);
      // Inside a shadow root, as in the elements.
      const host = document.createElement('div');
      page.append(host);
      render(markup, host.attachShadow({ mode: 'open' }));
      try {
        const problems = [...layoutProblems(page), ...(await axeProblems(page))];
        if (kind) expect(problems.map((p) => p.kind)).to.include(kind);
        else expect(problems).to.deep.equal([]);
      } finally {
        page.remove();
      }
    });
  }
});

/** The window's size now, so a check at the same size does not resize. */
let windowSize: { width: number; height: number } | null = null;
async function resize(size: { width: number; height: number }): Promise<void> {
  if (windowSize === size) return;
  await timed('resize', () => setViewport(size));
  windowSize = size;
}

/** Every layout problem of what `page` shows now, each prefixed with where it was seen. */
async function check(page: Element, at: string): Promise<string[]> {
  const problems: Problem[] = [
    ...(await timed('layout', () => layoutProblems(page))),
    ...(await timed('axe', () => axeProblems(page))),
  ];
  counts.renders += 1;
  return problems.map((p) => `${at}: ${p.where}: ${p.detail}`);
}

describe('layout check', function () {
  this.timeout(180_000);
  for (const [file, module] of Object.entries(FILES)) {
    const stories = Object.entries(composeStories(module, project)) as [string, Composed][];
    for (const [name, story] of stories) {
      // Mounted once per theme (an ancestor's theme is read when an element connects); the
      // language changes in place (the elements follow `lang`), the sizes by resizing the window,
      // there and back, so the first check after a mount is at 360 px or at 1280 px.
      it(`${file}: ${name}`, async () => {
        counts.stories += 1;
        const found: string[] = [];
        for (const theme of THEMES) {
          const page = document.createElement('div');
          page.lang = LANGUAGES[0];
          page.setAttribute('theme', theme);
          if (theme === 'dark') page.style.cssText = 'background:#0f1115;color:#eceef2';
          document.body.append(page);
          try {
            await timed('load', () => story.load());
            render(story(), page);
            await timed('settle', () => settle(page));
            for (const lang of LANGUAGES) {
              if (page.lang !== lang) {
                page.lang = lang;
                await timed('settle', () => settle(page, { frames: 2, network: false }));
              }
              const sizes = windowSize === SIZES[0] ? SIZES : [...SIZES].reverse();
              for (const size of sizes) {
                await resize(size);
                await timed('settle', () => settle(page, { ms: 400, frames: 1, network: false }));
                found.push(...(await check(page, `${size.width}px ${theme} ${lang}`)));
              }
            }
          } finally {
            closeDialogs(page);
            render(null, page);
            page.remove();
          }
        }
        expect(found, found.join('\n')).to.deep.equal([]);
      });
    }
  }
});
