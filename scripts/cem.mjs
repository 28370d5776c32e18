// `npm run cem`: writes custom-elements.json (the custom-elements manifest) from the JSDoc on the
// element classes, using custom-elements-manifest.config.mjs. Storybook runs it too (see
// .storybook/main.ts) so its Docs pages never show a stale manifest.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Analyzes the elements and writes `<root>/custom-elements.json`; returns the manifest. */
export async function writeManifest({ quiet = false } = {}) {
  const argv = ['analyze', '--config', 'custom-elements-manifest.config.mjs'];
  if (quiet) argv.push('--quiet');
  return cli({ argv, cwd: root });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeManifest();
}
