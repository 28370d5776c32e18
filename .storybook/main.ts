import type { StorybookConfig } from '@storybook/web-components-vite';
import { mswWorker } from '../scripts/msw-worker-plugin.ts';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', 'msw-storybook-addon'],
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), mswWorker()];
    return viteConfig;
  },
};
export default config;
