// Shipped-JavaScript figures: what a user's browser downloads for Seatkit, bundled the way an
// app's bundler would (esbuild, minified, ESM, browser + production conditions) and compressed
// with gzip -9 and brotli (max quality). Mocks (and msw) must never be part of it.
import { build } from 'esbuild';
import { cssLiteralsPlugin } from '../css-literals.mjs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** esbuild settings shared by every figure, as an app's production build would use them. */
const COMMON = {
  bundle: true,
  write: false,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'silent',
  metafile: true,
};

/** Fails the build when anything under mocks/ or msw would ship. */
const noMocks = {
  name: 'seatkit-no-mocks',
  setup(b) {
    b.onResolve({ filter: /(^msw($|\/))|(\/mocks\/)/ }, (args) => ({
      errors: [{ text: `${args.path} would ship to users (imported from ${args.importer})` }],
    }));
  },
};

function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** Serves the virtual entry `seatkit-bench-entry` with the given source text. */
const virtualEntry = (contents, cwd) => ({
  name: 'seatkit-bench-entry',
  setup(b) {
    b.onResolve({ filter: /^seatkit-bench-entry$/ }, () => ({
      path: 'entry.ts',
      namespace: 'seatkit-bench',
    }));
    b.onLoad({ filter: /.*/, namespace: 'seatkit-bench' }, () => ({
      contents,
      resolveDir: cwd,
      loader: 'ts',
    }));
  },
});

/**
 * Bundles one virtual entry with code splitting (so a dynamic import() becomes its own chunk) and
 * measures the initial chunks (the figure with the budget: the entry, what it imports statically,
 * and what dependencies import() on first use — everything a page loads to show the elements) and
 * `total`, every chunk (adding what Seatkit itself loads lazily: a flow opened later, another
 * language). Each file is compressed on its own, as it would be served.
 */
async function measure(name, contents, cwd, external = []) {
  const result = await build({
    ...COMMON,
    external,
    entryPoints: { [name]: 'seatkit-bench-entry' },
    outdir: '/seatkit-bench-out',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    // As the package ships them: the elements' CSS minified (scripts/css-literals.mjs).
    plugins: [noMocks, cssLiteralsPlugin(), virtualEntry(contents, cwd)],
  });
  const files = new Map(
    result.outputFiles
      .filter((f) => f.path.endsWith('.js'))
      .map((f) => [f.path.replace(/^.*\/seatkit-bench-out\//, ''), f.contents]),
  );
  const outputs = Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([path, meta]) => [
      path.replace(/^.*seatkit-bench-out\//, ''),
      meta,
    ]),
  );
  const entryFile = `${name}.js`;
  // A dependency's own import() (the virtualizer loads its layout that way) runs on first render,
  // so its chunk counts as initial when the dependency itself is in an initial chunk; only
  // Seatkit's own import()s make a chunk lazy.
  const chunkOfEntry = new Map(
    Object.entries(outputs)
      .filter(([, meta]) => meta.entryPoint)
      .map(([file, meta]) => [meta.entryPoint, file]),
  );
  /** The chunks loaded together with `roots`: static imports, and dependencies' own import()s. */
  const loadedWith = (roots) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imp of outputs[file]?.imports ?? [])
        if (imp.kind === 'import-statement' && !imp.external)
          visit(imp.path.replace(/^.*seatkit-bench-out\//, ''));
      for (const input of Object.keys(outputs[file]?.inputs ?? {})) {
        if (!input.includes('node_modules/')) continue;
        for (const imp of result.metafile.inputs[input]?.imports ?? [])
          if (imp.kind === 'dynamic-import' && chunkOfEntry.has(imp.path))
            visit(chunkOfEntry.get(imp.path));
      }
    };
    roots.forEach(visit);
    return seen;
  };
  const initialFiles = loadedWith([entryFile]);
  // A page that uses createHttpAdapter also loads its contract (routes and zod response schemas)
  // with import() as soon as the adapter is created: initial for such a page.
  const contractChunk = [...chunkOfEntry].find(([entry]) =>
    entry.endsWith('src/api/http-contract.ts'),
  )?.[1];
  const withContract = loadedWith(contractChunk ? [entryFile, contractChunk] : [entryFile]);
  const sum = (names) =>
    names.reduce(
      (acc, file) => {
        const c = compressed(files.get(file));
        return { raw: acc.raw + c.raw, gzip: acc.gzip + c.gzip, brotli: acc.brotli + c.brotli };
      },
      { raw: 0, gzip: 0, brotli: 0 },
    );
  const initial = sum([...initialFiles]);
  const total = sum([...files.keys()]);
  const withHttpAdapter = sum([...withContract]);
  const inputs = [...files.keys()].flatMap((file) =>
    Object.entries(outputs[file]?.inputs ?? {}).map(([path, v]) => [
      path,
      { ...v, lazy: !initialFiles.has(file) },
    ]),
  );
  return {
    ...initial,
    total,
    withHttpAdapter,
    chunks: files.size,
    lazyChunks: files.size - initialFiles.size,
    inputs,
  };
}

/** Sums the bundled bytes per package or src/ folder, largest first (where the weight comes from). */
function breakdown(inputs) {
  const groups = new Map();
  for (const [path, { bytesInOutput, lazy }] of inputs) {
    const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    const key =
      pkg ??
      path.replace(/^(src\/[^/]+(?:\/[^/]+)?)\/.*$/, '$1').replace(/^seatkit-bench:.*$/, 'entry');
    const label = lazy ? `${key} (lazy)` : key;
    groups.set(label, (groups.get(label) ?? 0) + bytesInOutput);
  }
  return [...groups].sort((a, b) => b[1] - a[1]).map(([module, bytes]) => ({ module, bytes }));
}

const ELEMENTS = [
  ['team-members', 'TeamMembers', './src/elements/team-members/team-members.ts'],
  ['invite-dialog', 'InviteDialog', './src/elements/invite-dialog/invite-dialog.ts'],
  ['bulk-invite', 'BulkInvite', './src/elements/bulk-invite/bulk-invite.ts'],
  [
    'seat-billing-preview',
    'SeatBillingPreview',
    './src/elements/seat-billing-preview/seat-billing-preview.ts',
  ],
];

/**
 * Returns { all, elements: { tag: sizes } }. `all` is src/define.ts + every export of
 * src/index.ts (what `import 'seatkit/define'` plus the public API costs); each element entry
 * registers that one element alone (its class module with everything it imports).
 */
export async function measureSizes(cwd = process.cwd()) {
  const all = await measure(
    'seatkit-all',
    `import './src/define.ts';\nexport * from './src/index.ts';\n`,
    cwd,
  );
  const elements = {};
  for (const [tag, className, path] of ELEMENTS) {
    const entry = `import { ${className} } from '${path}';\nif (!customElements.get('${tag}')) customElements.define('${tag}', ${className});\nexport { ${className} };\n`;
    const { inputs: _inputs, ...sizes } = await measure(tag, entry, cwd);
    elements[tag] = sizes;
  }
  // What seatkit/react adds for a React page: the same entry plus the React components, with
  // React itself external (the page has it already).
  const { inputs: _reactInputs, ...withReact } = await measure(
    'seatkit-react',
    `import './src/define.ts';\nexport * from './src/index.ts';\nexport * as react from './src/react/index.ts';\n`,
    cwd,
    ['react', 'react-dom'],
  );
  const react = Object.fromEntries(
    ['raw', 'gzip', 'brotli'].map((key) => [key, withReact[key] - all[key]]),
  );
  const { inputs, ...allSizes } = all;
  return { all: allSizes, breakdown: breakdown(inputs), elements, react };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = await measureSizes();
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `all, initial: ${kib(sizes.all.raw)} min, ${kib(sizes.all.gzip)} gz, ${kib(sizes.all.brotli)} br`,
  );
  console.log(
    `all, every chunk (${sizes.all.chunks}): ${kib(sizes.all.total.raw)} min, ${kib(sizes.all.total.gzip)} gz, ${kib(sizes.all.total.brotli)} br`,
  );
  console.log(
    `seatkit/react adds: ${kib(sizes.react.raw)} min, ${kib(sizes.react.gzip)} gz, ${kib(sizes.react.brotli)} br`,
  );
  for (const [tag, s] of Object.entries(sizes.elements))
    console.log(`${tag}: ${kib(s.raw)} min, ${kib(s.gzip)} gz, ${kib(s.brotli)} br`);
  for (const { module, bytes } of sizes.breakdown.slice(0, 15))
    console.log(`  ${module}: ${kib(bytes)}`);
}
