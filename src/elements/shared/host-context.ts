import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { languageOf } from '../../i18n/index.js';

export type Theme = 'light' | 'dark';

type Host = ReactiveControllerHost & HTMLElement;

/** The parent of `node`, stepping out of a shadow root to its host. */
function parentOf(node: Node): Node | null {
  if (node.parentNode instanceof ShadowRoot) return node.parentNode.host;
  return node.parentNode;
}

/** The `theme` of the closest ancestor that has one (crossing shadow roots), or null. */
export function inheritedTheme(el: Element): Theme | null {
  for (let node = parentOf(el); node; node = parentOf(node)) {
    if (node instanceof Element) {
      const value = node.getAttribute('theme');
      if (value === 'dark' || value === 'light') return value;
    }
  }
  return null;
}

// ---- one MutationObserver for every Seatkit element's language ---------------------------------

/** Connected hosts, each with the language it last rendered in. */
const hosts = new Map<Host, string>();
/** Shadow roots (between a host and the document) watched for `lang`, with how many hosts need each. */
const roots = new Map<ShadowRoot, number>();
let observer: MutationObserver | null = null;
const WATCH: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };

function onLangMutation(): void {
  for (const [host, language] of hosts) {
    const now = languageOf(host);
    if (now === language) continue;
    hosts.set(host, now);
    host.requestUpdate();
  }
}

function shadowRootsAbove(el: Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode())
    out.push(root);
  return out;
}

/** (Re)starts the observer on the document and every shadow root still needed. */
function rewatch(): void {
  observer?.disconnect();
  if (hosts.size === 0) {
    observer = null;
    return;
  }
  observer ??= new MutationObserver(onLangMutation);
  observer.observe(document, WATCH);
  for (const root of roots.keys()) observer.observe(root, WATCH);
}

function watch(host: Host): void {
  hosts.set(host, languageOf(host));
  if (!observer) {
    observer = new MutationObserver(onLangMutation);
    observer.observe(document, WATCH);
  }
  for (const root of shadowRootsAbove(host)) {
    const count = roots.get(root) ?? 0;
    roots.set(root, count + 1);
    if (count === 0) observer.observe(root, WATCH);
  }
}

function unwatch(host: Host, above: readonly ShadowRoot[]): void {
  if (!hosts.delete(host)) return;
  let dropped = false;
  for (const root of above) {
    const count = (roots.get(root) ?? 1) - 1;
    if (count > 0) roots.set(root, count);
    else {
      roots.delete(root);
      dropped = true;
    }
  }
  // MutationObserver cannot forget one node: start over without the roots nobody needs.
  if (dropped || hosts.size === 0) rewatch();
}

/** How many elements the shared language observer serves (for tests). */
export function watchedLanguageHosts(): number {
  return hosts.size;
}

/** Elements with a box of their own in the page (the dialogs have none until opened). */
const BLOCKS = new Set(['team-members', 'seat-billing-preview']);
/** Elements that take no room in the page, skipped when looking for the element above. */
const NO_BOX = new Set(['invite-dialog', 'bulk-invite']);

/** Whether the closest element sibling before `el` that takes room is a Seatkit element. */
export function followsSeatkitElement(el: Element): boolean {
  let node = el.previousElementSibling;
  while (node && NO_BOX.has(node.localName)) node = node.previousElementSibling;
  return node !== null && BLOCKS.has(node.localName);
}

export interface HostContextOptions {
  /** Set the `stacked` state when the element follows another Seatkit element (see `stackGap`). */
  stacks?: boolean;
}

/**
 * What every Seatkit element takes from where it is placed:
 *
 * - the language: it re-renders when `lang` changes on `<html>` or on any ancestor (one shared
 *   MutationObserver for all elements, released on disconnect);
 * - the theme: without its own `theme` attribute, the closest ancestor's `theme="dark|light"`
 *   (read when connected) applies, through the custom states `dark` / `light`
 *   (see `tokens` in src/styles/tokens.ts);
 * - with `stacks`, whether it directly follows another Seatkit element (read when connected), as
 *   the custom state `stacked`: the space between them is `--seatkit-stack-gap`.
 */
export class HostContextController implements ReactiveController {
  private readonly host: Host;
  private readonly internals: ElementInternals | null;
  private readonly stacks: boolean;
  private above: ShadowRoot[] = [];
  /** The ancestor's theme when connected (null: none). */
  inherited: Theme | null = null;

  constructor(host: Host, options: HostContextOptions = {}) {
    this.host = host;
    this.stacks = options.stacks ?? false;
    let internals: ElementInternals | null = null;
    try {
      internals = host.attachInternals();
    } catch {
      internals = null;
    }
    this.internals = internals;
    host.addController(this);
  }

  hostConnected(): void {
    this.above = shadowRootsAbove(this.host);
    watch(this.host);
    this.inherited = inheritedTheme(this.host);
    this.setState('dark', this.inherited === 'dark');
    this.setState('light', this.inherited === 'light');
    if (this.stacks) this.setState('stacked', followsSeatkitElement(this.host));
  }

  hostDisconnected(): void {
    unwatch(this.host, this.above);
    this.above = [];
  }

  hostUpdated(): void {
    if (hosts.has(this.host)) hosts.set(this.host, languageOf(this.host));
  }

  private setState(state: string, on: boolean): void {
    const states = this.internals?.states;
    if (!states) return;
    try {
      if (on) states.add(state);
      else states.delete(state);
    } catch {
      // A browser with the old `--state` syntax only: the ancestor's theme does not apply.
    }
  }
}
