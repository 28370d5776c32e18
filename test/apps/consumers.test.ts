// The four consumer apps of examples/, installed from the packed package, built with their own
// tools and driven in Chromium: list shown → Invite Member → price shown → Send Invite → the new
// row appears. Prints per app: build time, JavaScript downloaded (gzip), layout shift, and the
// lines the integrator wrote. A broken package (a .ts specifier, a missing export or file, a type
// error in the shipped .d.ts, an SSR crash) fails here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { APPS, build, install, serve, servedRoot, type App } from './support/apps.js';
import { driveInviteFlow, launch } from './support/browser.js';
import { ROOT, tarball } from './support/package.js';

/** The files of each app that an integrator writes for Seatkit (the README shows them). */
export const INTEGRATOR_FILES: Record<App, string[]> = {
  html: ['index.html'],
  'vite-ts': ['index.html', 'src/main.ts'],
  react: ['src/TeamPage.tsx'],
  vue: ['src/TeamPage.vue', 'vite.config.js'],
};

function integratorLines(app: App): number {
  return INTEGRATOR_FILES[app]
    .map((file) => readFileSync(join(ROOT, 'examples', app, file), 'utf8'))
    .join('\n')
    .split('\n')
    .filter((line) => line.trim() !== '').length;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

describe('consumer apps (examples/, installed from npm pack)', { concurrency: 1 }, () => {
  const only = process.env.SEATKIT_APPS?.split(',');
  for (const app of APPS.filter((a) => !only || only.includes(a))) {
    test(`${app}: installs, builds and runs the invite flow`, async () => {
      const dir = await install(app, tarball());
      const buildSeconds = await build(dir);
      const server = await serve(servedRoot(app, dir));
      try {
        // SEATKIT_SCREENSHOT=docs/react-app.png: the README's picture of the React app.
        const screenshot = app === 'react' ? process.env.SEATKIT_SCREENSHOT : undefined;
        const result = await driveInviteFlow(
          browser,
          server.url,
          screenshot
            ? (page) => page.screenshot({ path: join(ROOT, screenshot) }).then(() => undefined)
            : undefined,
        );
        assert.deepEqual(result.errors, [], 'the page logged errors');
        console.log(
          `[consumer] ${app}: build ${buildSeconds.toFixed(1)} s, JS ${kib(result.jsInitialGzip)} gzip until the list shows ` +
            `(${kib(result.jsTotalGzip)} after the invite), CLS ${result.cls.toFixed(4)}, ` +
            `list shown at ${result.listShownMs.toFixed(0)} ms, ${integratorLines(app)} integrator lines`,
        );
        if (app === 'react')
          assert.ok(result.cls <= 0.01, `CLS ${result.cls} is above 0.01 on the React page`);
      } finally {
        await server.close();
      }
    });
  }
});
