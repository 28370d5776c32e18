import { LitElement } from 'lit';
import { languageOf, languagePending } from '../../i18n/index.js';

/**
 * The base of every Seatkit element that shows words: an update waits for what it needs first
 * (the catalogue of the element's language when that is still on its way: German is its own
 * chunk), so the element renders once, in the right language, and `updateComplete` includes the
 * wait.
 */
export class SeatkitElement extends LitElement {
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.beforeUpdate();
    if (!pending) return super.scheduleUpdate();
    return pending.then(() => super.scheduleUpdate());
  }

  /** What the next render must wait for, or null when it can render now. */
  protected beforeUpdate(): Promise<unknown> | null {
    return languagePending(languageOf(this));
  }
}
