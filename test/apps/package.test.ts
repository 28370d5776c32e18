// The packed package (npm pack) as bundlers, TypeScript and Node see it: no `.ts` specifier
// anywhere in dist/, every export resolves under esbuild's and webpack's (enhanced-resolve, which
// rspack mirrors) conditions, the types resolve under moduleResolution bundler, node16 and
// nodenext, a Node-only program without the DOM lib can use seatkit/api, rules, server and mock, the
// React 19 JSX typings type the tags, and every entry imports in Node without throwing.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import enhancedResolve from 'enhanced-resolve';
import { run } from './support/apps.js';
import { NPM, ROOT, cacheDir, tarball } from './support/package.js';

interface Manifest {
  exports: Record<string, string | Record<string, string>>;
  files: string[];
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
/** Every subpath a user can import (`seatkit`, `seatkit/define`, …), not package.json. */
const ENTRIES = Object.keys(manifest.exports)
  .filter((key) => key !== './package.json')
  .map((key) => (key === '.' ? 'seatkit' : `seatkit/${key.slice(2)}`));
/** The entries with JavaScript modules (the bundle is for a script tag; CSS is for the page). */
const MODULE_ENTRIES = ENTRIES.filter(
  (entry) => entry !== 'seatkit/bundle' && !entry.endsWith('.css'),
);

/** Entries for Node servers only (they import node: modules). */
const NODE_ONLY = ['seatkit/server/node'];

const PROBE = cacheDir('probe');
const PACKAGE = join(PROBE, 'node_modules/seatkit');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

before(async () => {
  writeFileSync(
    join(PROBE, 'package.json'),
    JSON.stringify({
      name: 'seatkit-probe',
      private: true,
      type: 'module',
      dependencies: {
        seatkit: `file:${tarball()}`,
        react: '19.3.1',
        'react-dom': '19.3.1',
        '@types/react': '19.3.3',
        '@types/node': '20.19.43',
      },
    }),
  );
  await run(
    NPM,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    PROBE,
  );
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => join(dir, name));
}

describe('the packed package', () => {
  test('ships dist/ and no sources or tests', () => {
    const top = readdirSync(PACKAGE).sort();
    assert.ok(top.includes('dist') && top.includes('package.json'), top.join(', '));
    for (const name of ['src', 'test', 'mocks', 'examples', 'stories'])
      assert.ok(!top.includes(name), `${name}/ is in the package`);
  });

  test('no relative import in dist/ names a .ts or .tsx file', () => {
    const specifier =
      /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])(\.{1,2}\/[^'"]*\.(?:ts|tsx|mts|cts))\1/g;
    const found: string[] = [];
    for (const file of filesUnder(join(PACKAGE, 'dist'))) {
      if (!/\.(js|mjs|d\.ts)$/.test(file)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(specifier))
        if (!/\.d\.ts$/.test(m[2]!)) found.push(`${file.slice(PACKAGE.length + 1)}: ${m[2]}`);
    }
    assert.deepEqual(found, []);
  });

  test('every export target exists', () => {
    for (const [key, target] of Object.entries(manifest.exports)) {
      const paths = typeof target === 'string' ? [target] : Object.values(target);
      for (const path of paths)
        assert.ok(existsSync(join(PACKAGE, path)), `exports["${key}"] → ${path} is missing`);
    }
  });

  test('every entry bundles with esbuild (browser, and Node for the Node-only ones)', async () => {
    for (const platform of ['browser', 'node'] as const) {
      const entries = MODULE_ENTRIES.filter((e) => platform === 'node' || !NODE_ONLY.includes(e));
      const contents = entries.map((entry, i) => `export * as e${i} from '${entry}';`).join('\n');
      const result = await build({
        stdin: { contents, resolveDir: PROBE, loader: 'js' },
        bundle: true,
        write: false,
        format: 'esm',
        platform,
        logLevel: 'silent',
        external: ['react', 'react-dom', 'better-sqlite3', 'pg'],
      });
      assert.equal(result.errors.length, 0);
    }
  });

  test("every entry resolves with webpack's resolver (enhanced-resolve, as rspack resolves)", () => {
    const resolve = enhancedResolve.create.sync({
      conditionNames: ['import', 'module', 'webpack', 'browser', 'production'],
      extensions: ['.js', '.mjs', '.json'],
      mainFields: ['browser', 'module', 'main'],
    });
    for (const entry of ENTRIES) {
      const file = resolve(PROBE, entry);
      assert.ok(file && file.startsWith(join(PACKAGE, 'dist')), `${entry} → ${String(file)}`);
    }
  });
});

/** Compiles `source` in the probe with the given options; returns tsc's errors. */
async function typecheck(
  name: string,
  source: string,
  options: Record<string, unknown>,
): Promise<string> {
  const dir = join(PROBE, 'types', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = options.jsx ? 'main.tsx' : 'main.ts';
  writeFileSync(join(dir, file), source);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        ...options,
      },
      files: [file],
    }),
  );
  try {
    await run(process.execPath, [TSC, '-p', dir], dir);
    return '';
  } catch (error) {
    return String(error instanceof Error ? error.message : error);
  }
}

const USE_EVERY_ENTRY = `
import 'seatkit/define';
import { TeamMembers, createHttpAdapter, isSeatkitTag, type InvitedEvent } from 'seatkit';
import { createMockAdapter } from 'seatkit/mock';
import { quoteChange } from 'seatkit/rules';
import type { Member } from 'seatkit/schemas';
import { SeatkitError } from 'seatkit/api';
import { runConformanceSuite } from 'seatkit/testing';
import { createSeatkitHandler } from 'seatkit/server';
import { TeamMembers as TeamMembersComponent } from 'seatkit/react';
const el = document.querySelector('team-members');
if (el instanceof TeamMembers) el.adapter = createMockAdapter();
el?.addEventListener('seatkit-invited', (event: InvitedEvent) => event.invitation.email);
const member: Member | null = null;
export const used = [createHttpAdapter, isSeatkitTag, quoteChange, member, SeatkitError, runConformanceSuite, createSeatkitHandler, TeamMembersComponent];
`;

describe('the types, as a TypeScript app sees them', () => {
  const RESOLUTIONS = [
    ['bundler', 'ESNext'],
    ['node16', 'node16'],
    ['nodenext', 'nodenext'],
  ] as const;
  for (const [moduleResolution, module] of RESOLUTIONS) {
    test(`every entry type-checks under moduleResolution ${moduleResolution}`, async () => {
      const errors = await typecheck(`resolution-${moduleResolution}`, USE_EVERY_ENTRY, {
        module,
        moduleResolution,
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
      });
      assert.equal(errors, '');
    });
  }

  test('a Node program without the DOM lib can use seatkit/api, rules, schemas, server and mock', async () => {
    const errors = await typecheck(
      'node-without-dom',
      `import { createHttpAdapter, SeatkitError, type SeatkitAdapter } from 'seatkit/api';
import { quoteChange, validateInvite } from 'seatkit/rules';
import type { Member } from 'seatkit/schemas';
import { createSeatkitHandler, memoryStore } from 'seatkit/server';
import { createMockAdapter } from 'seatkit/mock';
const adapter: SeatkitAdapter = createHttpAdapter({ baseUrl: 'http://localhost:8080/api' });
const member: Member | null = null;
console.log(adapter, SeatkitError, quoteChange, validateInvite, member);
console.log(createSeatkitHandler, memoryStore, createMockAdapter());
`,
      { module: 'node16', moduleResolution: 'node16', lib: ['ES2022'], types: ['node'] },
    );
    assert.equal(errors, '');
  });

  test("React 19 JSX typings type Seatkit's tags, their properties and events", async () => {
    const errors = await typecheck(
      'react-jsx',
      `import type {} from 'seatkit/react';
import { createMockAdapter } from 'seatkit/mock';
const adapter = createMockAdapter();
export const ok = (
  <seatkit-provider adapter={adapter} onseatkit-invited={(event) => event.invitation.email}>
    <seat-billing-preview heading theme="dark" />
    <team-members onseatkit-member-removed={(event) => event.member.name} />
  </seatkit-provider>
);
// @ts-expect-error: adapter is an adapter object
export const wrongAdapter = <team-members adapter={42} />;
// @ts-expect-error: an InvitedEvent has no member
export const wrongEvent = <invite-dialog onseatkit-invited={(event) => event.member} />;
`,
      {
        module: 'ESNext',
        moduleResolution: 'bundler',
        jsx: 'react-jsx',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
      },
    );
    assert.equal(errors, '');
  });
});

describe('server rendering (Node)', () => {
  for (const entry of MODULE_ENTRIES) {
    test(`${entry} imports in Node without throwing`, async () => {
      await run(
        process.execPath,
        ['--input-type=module', '-e', `await import('${entry}');`],
        PROBE,
      );
    });
  }

  test('seatkit/react renders to a string in Node', async () => {
    const script = `
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createMockAdapter } from 'seatkit/mock';
import { SeatkitProvider, TeamMembers, SeatBillingPreview } from 'seatkit/react';
const html = renderToString(createElement(SeatkitProvider, { adapter: createMockAdapter() },
  createElement(SeatBillingPreview, { heading: true }), createElement(TeamMembers)));
if (!html.includes('<team-members')) throw new Error(html);
console.log(html);`;
    await run(process.execPath, ['--input-type=module', '-e', script], PROBE);
  });
});
