import type { StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { frame, type Frame } from './frame.js';
import { mockStory, type MockStoryOptions } from './mock-backend.js';
import { openOnRender, type RowOpening } from './open.js';

/**
 * The billing above the team list in one `<seatkit-provider>` (as the README embeds them), with a
 * row's menu or dialog open if `opens` says so.
 */
export function teamPageStory(
  scenario: unknown,
  options: MockStoryOptions & Frame & { opens?: RowOpening } = {},
): StoryObj {
  const mock = mockStory(scenario, options);
  return {
    ...mock.story,
    render: () =>
      frame(
        html`<seatkit-provider .adapter=${mock.adapter}>
          <seat-billing-preview heading></seat-billing-preview>
          <team-members ${openOnRender(options.opens)}></team-members>
        </seatkit-provider>`,
        options,
      ),
  };
}
