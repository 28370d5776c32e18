// Story annotations shared by Storybook (preview.ts) and the play-function runner in CI
// (test/browser/stories.test.ts): MSW through msw-storybook-addon, every Seatkit element defined.
import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../src/define.ts';

const annotations: Preview = {
  // Each story sets `parameters.msw.handlers` from its own mock backend (stories/support/).
  loaders: [mswLoader()],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
    docs: {
      // Each story in its own frame on Docs pages: one page shows many stories, each with its own
      // mock backend, and MSW answers every frame with that frame's handlers.
      story: { inline: false, iframeHeight: 560 },
    },
  },
};

export default annotations;
