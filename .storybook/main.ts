import type { StorybookConfig } from '@storybook/web-components-vite';
import { writeManifest } from '../scripts/cem.mjs';
import { mswWorker } from '../scripts/msw-worker-plugin.ts';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', 'msw-storybook-addon'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // The Docs pages read custom-elements.json: rebuild it from the JSDoc so it is never stale.
    await writeManifest({ quiet: true });
    viteConfig.plugins = [...(viteConfig.plugins ?? []), mswWorker()];
    return viteConfig;
  },
};
export default config;
