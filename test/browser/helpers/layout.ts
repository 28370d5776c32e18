// What the layout check (test/browser/layout.test.ts) looks for in a rendered story: horizontal
// overflow, clipped text whose full text is nowhere to be had, and axe violations that matter.
// Every check walks the whole rendered tree, through open shadow roots.
import 'axe-core/axe.min.js';
import type { AxeResults, ImpactValue } from 'axe-core';

/** One thing wrong with a render, said so that a person can find it. */
export interface Problem {
  kind: 'page-overflow' | 'scrolls-sideways' | 'spills' | 'clipped' | 'off-screen' | 'axe';
  where: string;
  detail: string;
}

/** Every element under `root`, crossing into open shadow roots. */
export function* deepElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** A short path to `el` for messages: `team-members › div.row › span.name-text`. */
export function describe(el: Element): string {
  const bits: string[] = [];
  for (let node: Node | null = el; node && bits.length < 4;) {
    if (node instanceof Element) {
      const part = node.getAttribute('part')?.split(/\s+/)[0];
      const cls = node.classList[0];
      bits.unshift(
        `${node.localName}${part ? `[part=${part}]` : cls ? `.${cls}` : ''}`.replace(/\s+/g, ''),
      );
      if (node.localName.includes('-') && node.shadowRoot) break;
    }
    node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
  }
  return bits.join(' › ');
}

/** Whether `inner` is inside `outer`, crossing shadow roots. */
function deepContains(outer: Element, inner: Element): boolean {
  for (let node: Node | null = inner; node;) {
    if (node === outer) return true;
    node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
  }
  return false;
}

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Whether `el` is laid out and can be seen (not display:none, not in a closed dialog, …). */
function shown(el: Element): boolean {
  return el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
}

/** `.visually-hidden` and the like: a 1px clipped box that is there for screen readers. */
function visuallyHidden(el: Element, style: CSSStyleDeclaration): boolean {
  return style.clip !== 'auto' || (el.clientWidth <= 1 && el.clientHeight <= 1);
}

/** The element's full text is available: in its (or an ancestor's) `title` or `aria-label`. */
function fullTextAvailable(el: Element, text: string): boolean {
  let node: Element | null = el;
  for (let i = 0; node && i < 4; i++, node = node.parentElement) {
    for (const attribute of ['title', 'aria-label']) {
      if (collapse(node.getAttribute(attribute)).includes(text)) return true;
    }
  }
  return false;
}

/** Whether the box hides what overflows it, across or down. */
function clips(style: CSSStyleDeclaration): boolean {
  return [style.overflowX, style.overflowY].some((o) => o === 'hidden' || o === 'clip');
}

/** Whether a box between `node` and `el` hides its overflow: that box answers for the text. */
function clippedCloser(node: Node, el: Element): boolean {
  for (let parent = node.parentElement; parent && parent !== el; parent = parent.parentElement)
    if (clips(getComputedStyle(parent))) return true;
  return false;
}

/**
 * The text nodes under `el` (its own tree only) that are laid out, with their boxes; text inside
 * a closer box that clips is left to that box.
 */
function textBoxes(el: Element): Array<{ node: Text; rects: DOMRect[] }> {
  const out: Array<{ node: Text; rects: DOMRect[] }> = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim() || clippedCloser(node, el)) continue;
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length) out.push({ node: node as Text, rects });
  }
  return out;
}

/**
 * Layout problems in what is rendered under `canvas` at the current window size:
 *
 * - the page scrolls sideways;
 * - a box scrolls sideways (a horizontal scrollbar in something not meant to have one);
 * - content spills out of a box that lets it (`overflow: visible`), over its neighbours;
 * - text is cut off by a box that hides its overflow (in either direction), unless it ends in
 *   an ellipsis and its full text is in a `title` or `aria-label` nearby;
 * - a fixed or modal box (a menu, a dialog) sticks out of the window.
 */
export function layoutProblems(canvas: Element): Problem[] {
  const problems: Problem[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1)
    problems.push({
      kind: 'page-overflow',
      where: 'the page',
      detail: `scrolls sideways: ${doc.scrollWidth}px of content in a ${doc.clientWidth}px window`,
    });
  const spills: Array<{ el: Element; problem: Problem }> = [];
  for (const el of deepElements(canvas)) {
    if (!(el instanceof HTMLElement) || !shown(el)) continue;
    const style = getComputedStyle(el);
    if (visuallyHidden(el, style)) continue;
    const where = describe(el);
    if (style.position === 'fixed' || (el instanceof HTMLDialogElement && el.open)) {
      const box = el.getBoundingClientRect();
      if (box.left < -1 || box.right > window.innerWidth + 1)
        problems.push({
          kind: 'off-screen',
          where,
          detail: `spans ${Math.round(box.left)}–${Math.round(box.right)}px in a ${window.innerWidth}px window`,
        });
    }
    // Form controls scroll their own text; their box is checked as part of their parent's.
    if (el.matches('input, select, textarea, option')) continue;
    const wide = el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
    const x = style.overflowX;
    if (x === 'auto' || x === 'scroll') {
      if (wide)
        problems.push({
          kind: 'scrolls-sideways',
          where,
          detail: `${el.scrollWidth}px of content in ${el.clientWidth}px`,
        });
    } else if (x === 'visible') {
      if (wide)
        spills.push({
          el,
          problem: {
            kind: 'spills',
            where,
            detail: `${el.scrollWidth}px of content in ${el.clientWidth}px: it spills out of its box`,
          },
        });
    }
    const clipsX = x === 'hidden' || x === 'clip';
    const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    if (!clipsX && !clipsY) continue;
    const box = el.getBoundingClientRect();
    const inner = {
      left: box.left + el.clientLeft,
      right: box.left + el.clientLeft + el.clientWidth,
      top: box.top + el.clientTop,
      bottom: box.top + el.clientTop + el.clientHeight,
    };
    const clipped = textBoxes(el).filter(({ rects }) =>
      rects.some(
        (r) =>
          (clipsX && (r.left < inner.left - 1 || r.right > inner.right + 1)) ||
          (clipsY && (r.top < inner.top - 2 || r.bottom > inner.bottom + 2)),
      ),
    );
    if (clipped.length === 0) continue;
    const text = collapse(el.textContent);
    const ellipsis = style.textOverflow === 'ellipsis' && style.whiteSpace.startsWith('nowrap');
    if (ellipsis && fullTextAvailable(el, text)) continue;
    problems.push({
      kind: 'clipped',
      where,
      detail: `“${collapse(clipped[0]!.node.textContent).slice(0, 60)}” is cut off${
        ellipsis ? ' (ellipsis, but no title or accessible name has the full text)' : ''
      }`,
    });
  }
  // A spill shows in every box around it too: name the innermost box that spills.
  for (const { el, problem } of spills) {
    if (!spills.some((other) => other.el !== el && deepContains(el, other.el)))
      problems.push(problem);
  }
  return problems;
}

type Axe = {
  run(context: Element, options: Record<string, unknown>): Promise<AxeResults>;
};

const SERIOUS: ReadonlySet<ImpactValue> = new Set(['serious', 'critical']);

/** axe's serious and critical violations under `canvas` (through open shadow roots). */
export async function axeProblems(canvas: Element): Promise<Problem[]> {
  const axe = (window as unknown as { axe: Axe }).axe;
  // Only what is needed: the failing nodes themselves, no selectors or XPaths computed for them.
  const results = await axe.run(canvas, {
    resultTypes: ['violations'],
    selectors: false,
    ancestry: false,
    xpath: false,
    elementRef: true,
    iframes: false,
    performanceTimer: false,
  });
  return results.violations
    .filter((v) => v.impact && SERIOUS.has(v.impact))
    .flatMap((v) =>
      v.nodes.slice(0, 3).map((node) => ({
        kind: 'axe' as const,
        where: node.element ? describe(node.element) : v.id,
        detail: `${v.id} (${v.impact}): ${node.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? v.help}`,
      })),
    );
}
