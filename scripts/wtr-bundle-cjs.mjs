// A web-test-runner plugin that serves a few CommonJS-laden packages as one esbuild-bundled ES
// module each. storybook/test imports @testing-library/dom, whose ESM build imports CommonJS
// packages (aria-query, lz-string, pretty-format) that a browser cannot load unbundled; Vite
// pre-bundles them for Storybook, this does the same for the play-function runner
// (test/browser/stories.test.ts).
import { build } from 'esbuild';

const PREFIX = '/__seatkit_bundled__/';

/** @param {string[]} packages bare specifiers to serve bundled */
export function bundleCjsPackages(packages = ['@testing-library/dom']) {
  /** @type {Map<string, Promise<string>>} */
  const cache = new Map();
  const bundle = (name) => {
    let hit = cache.get(name);
    if (!hit) {
      hit = build({
        stdin: { contents: `export * from '${name}';`, resolveDir: process.cwd(), loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"development"' },
      }).then((result) => result.outputFiles[0].text);
      cache.set(name, hit);
    }
    return hit;
  };
  return {
    name: 'seatkit-bundle-cjs',
    resolveImport({ source }) {
      if (packages.includes(source)) return `${PREFIX}${encodeURIComponent(source)}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = decodeURIComponent(context.path.slice(PREFIX.length, -'.js'.length));
      if (!packages.includes(name)) return undefined;
      return { body: await bundle(name), type: 'js' };
    },
  };
}
