// `npm run build`: the library as ESM + .d.ts in dist/ (tsc rewrites the .ts import extensions),
// plus dist/seatkit.bundle.js, one minified file for a plain <script type="module"> tag.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

await build({
  entryPoints: ['src/bundle.ts'],
  outfile: 'dist/seatkit.bundle.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  conditions: ['production'],
  legalComments: 'linked',
  logLevel: 'warning',
});
console.log('Built dist/ and dist/seatkit.bundle.js');
