// Runs every story's play function in Chromium (portable stories): the loaders (MSW through
// msw-storybook-addon, with the story's own mock backend), beforeEach, the render and the play
// function, exactly as Storybook would. A story without a play function must at least render.
import './support/process-shim.js';
import { expect } from '@open-wc/testing';
import { setProjectAnnotations } from '@storybook/web-components';
import { composeStories } from 'storybook/preview-api';
import annotations from '../../.storybook/annotations.js';
import * as bulkInvite from '../../stories/bulk-invite.stories.js';
import * as inviteDialog from '../../stories/invite-dialog.stories.js';
import * as seatBillingPreview from '../../stories/seat-billing-preview.stories.js';
import * as teamMembers from '../../stories/team-members.stories.js';

// The virtualizer's ResizeObserver may report "loop completed with undelivered notifications"
// while rows settle: a benign browser notice that mocha would count as a failure.
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

// composeStories from preview-api ignores the global annotations unless they are passed in.
const project = setProjectAnnotations([annotations]);

/** What the runner needs of a composed story. */
type Runnable = { run(context: { canvasElement: HTMLElement }): Promise<void> };

const FILES = {
  'team-members': teamMembers,
  'invite-dialog': inviteDialog,
  'bulk-invite': bulkInvite,
  'seat-billing-preview': seatBillingPreview,
};

for (const [file, module] of Object.entries(FILES)) {
  describe(`stories/${file}`, function () {
    this.timeout(60_000);
    const stories = Object.entries(composeStories(module, project)) as [string, Runnable][];
    for (const [name, story] of stories) {
      it(name, async () => {
        const canvasElement = document.createElement('div');
        document.body.append(canvasElement);
        try {
          await story.run({ canvasElement });
          expect(canvasElement.firstElementChild, 'the story rendered nothing').to.not.equal(null);
        } finally {
          // Close modal dialogs and unmount, so the next story starts on a clean page.
          for (const dialog of deepDialogs(canvasElement)) dialog.close();
          canvasElement.remove();
        }
      });
    }
  });
}

function deepDialogs(root: ParentNode): HTMLDialogElement[] {
  const out: HTMLDialogElement[] = [...root.querySelectorAll('dialog')];
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) out.push(...deepDialogs(el.shadowRoot));
  return out;
}
