// `npm run build`: the library as ESM + .d.ts in dist/ (tsc rewrites the .ts import extensions),
// plus dist/seatkit.bundle.js for a plain <script type="module"> tag: minified, with every
// dependency in it, and the parts loaded on first use (dialogs, row actions, German) as files in
// dist/chunks/ beside it, which the bundle imports by relative URL when they are needed.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
cpSync('src/server/postgres/migrations', 'dist/server/postgres/migrations', { recursive: true });

await build({
  entryPoints: { 'seatkit.bundle': 'src/bundle.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
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
