// The code in the README and the guides lives in real files: docs/snippets/, and the consumer
// apps of examples/ (whose code the README's embedding section shows, and which test/apps/
// installs, builds and runs from the packed package). These tests fail when a snippet and its
// copy in the docs differ, when a snippet no longer compiles against the real API (src/, through
// the package's entry names), or when the theming snippet names a token or a part that does not
// exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../../..');
const SNIPPETS = join(ROOT, 'docs/snippets');
const DOCS = [
  'README.md',
  'docs/theming-and-localisation.md',
  'docs/integrator-guide.md',
  'docs/mock-backend.md',
  'docs/server.md',
  'docs/scaling.md',
];
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
/** The consumer apps' files an integrator writes: the README shows each of them as it is. */
const EXAMPLE_FILES = [
  'examples/html/index.html',
  'examples/vite-ts/src/main.ts',
  'examples/react/src/TeamPage.tsx',
  'examples/vue/src/TeamPage.vue',
  'examples/vue/vite.config.js',
];
const snippetFiles = [
  ...readdirSync(SNIPPETS, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(ROOT.length + 1)}/${entry.name}`)
    .sort(),
  ...EXAMPLE_FILES,
];

/** `<!-- snippet: path -->` followed by a fenced block: [path, block text]. */
function markedBlocks(markdown: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of markdown.matchAll(/<!-- snippet: (\S+) -->\s*\n```[\w-]*\n([\s\S]*?)\n```/g)) {
    out.push([m[1]!, m[2]!]);
  }
  return out;
}

test('every snippet in the docs is a copy of its file, and every file is shown', () => {
  const shown = new Set<string>();
  for (const doc of DOCS) {
    for (const [path, block] of markedBlocks(read(doc))) {
      shown.add(path);
      assert.ok(snippetFiles.includes(path), `${doc} shows ${path}, which does not exist`);
      assert.equal(
        block,
        read(path).replace(/\n+$/, ''),
        `${doc}: the copy of ${path} differs from the file`,
      );
    }
  }
  assert.deepEqual(
    snippetFiles.filter((f) => !shown.has(f)),
    [],
    'snippet files no doc shows',
  );
});

test('every code block of the theming guide comes from docs/snippets', () => {
  const guide = read('docs/theming-and-localisation.md');
  const fences = guide.match(/^```\w+$/gm)?.length ?? 0;
  assert.equal(markedBlocks(guide).length, fences);
});

// ---- compiling the snippets -------------------------------------------------------------------

const ENTRIES: Record<string, string> = {
  seatkit: 'src/index.ts',
  'seatkit/define': 'src/define.ts',
  'seatkit/rules': 'src/rules/index.ts',
  'seatkit/schemas': 'src/schemas/index.ts',
  'seatkit/api': 'src/api/index.ts',
  'seatkit/testing': 'src/testing/index.ts',
  'seatkit/react': 'src/react/index.ts',
  'seatkit/mock': 'src/mock/index.ts',
  'seatkit/server': 'src/server/index.ts',
  'seatkit/server/node': 'src/server/node.ts',
  'seatkit/server/sqlite': 'src/server/sqlite/index.ts',
  'seatkit/server/postgres': 'src/server/postgres/index.ts',
};

function compilerOptions(js: boolean): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: !js,
    allowJs: js,
    checkJs: js,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    useDefineForClassFields: false,
    experimentalDecorators: true, // as Angular projects compile
    jsx: ts.JsxEmit.ReactJSX,
    // Node's types: the server and conformance snippets run in Node (node:test, node:http).
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules/@types')],
    paths: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, file]) => [name, [join(ROOT, file)]]),
    ),
  };
}

/** The script blocks of an HTML page or a Vue component, as source files of their own. */
function scriptBlocks(path: string): Array<{ text: string; lang: 'ts' | 'js' }> {
  const text = read(path);
  return [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="importmap"/.test(m[1]!)) // JSON, checked by the browser test
    .map((m) => ({
      text: m[2]!,
      lang: /lang="ts"/.test(m[1]!) ? 'ts' : 'js',
    }));
}

function diagnostics(files: string[], js: boolean): string[] {
  const shims = join(ROOT, 'test/node/docs/shims/frameworks.d.ts');
  const program = ts.createProgram([...files, shims], compilerOptions(js));
  const own = new Set(files);
  return (
    ts
      .getPreEmitDiagnostics(program)
      // Only the snippets' own errors: src/ is type-checked by `npm run typecheck`, with its options.
      .filter((d) => !d.file || own.has(d.file.fileName))
      .map((d) => {
        const where = d.file
          ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
          : '';
        return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      })
  );
}

test('the TypeScript snippets (and the Vue component script) compile against the real API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seatkit-snippets-'));
  const files = snippetFiles.filter((f) => /\.tsx?$/.test(f)).map((f) => join(ROOT, f));
  for (const file of snippetFiles.filter((f) => f.endsWith('.vue'))) {
    scriptBlocks(file).forEach((block, i) => {
      const out = join(dir, `${file.split('/').pop()}.${i}.${block.lang}`);
      writeFileSync(out, block.text);
      files.push(out);
    });
  }
  assert.ok(files.length >= 4, 'expected the React, Vue, Angular and language snippets');
  assert.deepEqual(diagnostics(files, false), []);
});

test('the script blocks of the HTML snippets compile against the real API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seatkit-snippets-'));
  const files: string[] = [];
  for (const file of snippetFiles.filter((f) => f.endsWith('.html'))) {
    scriptBlocks(file).forEach((block, i) => {
      const out = join(dir, `${file.split('/').pop()}.${i}.js`);
      writeFileSync(out, block.text);
      files.push(out);
    });
  }
  assert.ok(files.length >= 2);
  assert.deepEqual(diagnostics(files, true), []);
});

// ---- tokens and parts -------------------------------------------------------------------------

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => read(join(dir, name)));
}

const TOKENS = new Set(
  sourcesUnder('src').flatMap((s) => [...s.matchAll(/var\((--seatkit-[\w-]+)/g)].map((m) => m[1]!)),
);

/** The sources of an element's folder plus the modules they import from elsewhere (shared UI). */
function elementSources(tag: string): string[] {
  const dir = `src/elements/${tag}`;
  const files = readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
  const all = new Set(files);
  for (const file of files)
    for (const [, spec] of read(file).matchAll(/from '(\.{1,2}\/[^']+)\.js'/g))
      all.add(join(dirname(file), `${spec!}.ts`));
  return [...all].map((file) => read(file));
}

/** The part names an element renders (`part="a b"` in its sources and what they import). */
function partsOf(tag: string): Set<string> {
  const sources = elementSources(tag);
  return new Set(
    sources.flatMap((s) =>
      [...s.matchAll(/\bpart="([^"]+)"/g)].flatMap((m) =>
        m[1]!.split(/\s+/).filter((p) => !p.includes('$')),
      ),
    ),
  );
}

test('the theming snippet only uses tokens and parts that exist', () => {
  const css = read('docs/snippets/theming.css');
  for (const [, token] of css.matchAll(/(--seatkit-[\w-]+)\s*:/g))
    assert.ok(TOKENS.has(token!), `${token} is not a token`);
  for (const [, tag, part] of css.matchAll(/([a-z]+-[a-z-]+)::part\(([\w-]+)\)/g)) {
    assert.ok(partsOf(tag!).has(part!), `<${tag}> has no part "${part}"`);
  }
});

test('the theming guide lists every token, and only tokens that exist', () => {
  const guide = read('docs/theming-and-localisation.md');
  const listed = new Set([...guide.matchAll(/^\| `(--seatkit-[\w-]+)`/gm)].map((m) => m[1]!));
  assert.deepEqual(
    [...TOKENS].filter((t) => !listed.has(t)).sort(),
    [],
    'tokens missing from the guide',
  );
  assert.deepEqual(
    [...listed].filter((t) => !TOKENS.has(t)).sort(),
    [],
    'the guide lists tokens that do not exist',
  );
});

test('the parts the theming guide names exist on their element', () => {
  const guide = read('docs/theming-and-localisation.md');
  for (const [, tag, list] of guide.matchAll(/^- `<([a-z-]+)>`: ([^\n]+(?:\n {2}[^\n]+)*)/gm)) {
    const parts = partsOf(tag!);
    for (const [, part] of list!.matchAll(/`([\w-]+)`/g))
      assert.ok(parts.has(part!), `<${tag}> has no part "${part}"`);
  }
});
