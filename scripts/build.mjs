// `npm run build`: the library as ESM + .d.ts in dist/ (relative imports name the emitted .js),
// plus dist/seatkit.bundle.js for a plain <script type="module"> tag: minified, with every
// dependency in it, and the parts loaded on first use (dialogs, row actions, German) as files in
// dist/chunks/ beside it, which the bundle imports by relative URL when they are needed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cssLiteralsPlugin, minifyCssLiterals } from './css-literals.mjs';

rmSync('dist', { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
// The elements' CSS ships minified (their css`…` templates; every other line keeps its number,
// so the source maps stay true).
for (const name of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
  if (!name.endsWith('.js')) continue;
  const file = join('dist', name);
  const code = readFileSync(file, 'utf8');
  if (/\bcss\s*`/.test(code)) writeFileSync(file, await minifyCssLiterals(code, file));
}
// The stylesheet that reserves the elements' space before they upgrade (seatkit/reserve.css).
copyFileSync('src/reserve.css', 'dist/reserve.css');
// The PostgreSQL migrations as .sql files, for teams that apply migrations with their own tool
// (migrate() runs the copy embedded in the module).
cpSync('src/server/postgres/migrations', 'dist/server/postgres/migrations', { recursive: true });

await build({
  // The mock backend for the same script-tag pages (createMockAdapter): its own file, sharing the
  // chunks both need (schemas, rules, the HTTP adapter) with the bundle, so a page that loads
  // both downloads them once.
  entryPoints: { 'seatkit.bundle': 'src/bundle.ts', 'seatkit-mock.bundle': 'src/mock/index.ts' },
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
  plugins: [cssLiteralsPlugin()],
  legalComments: 'linked',
  logLevel: 'warning',
});
console.log('Built dist/, dist/seatkit.bundle.js and dist/seatkit-mock.bundle.js');
