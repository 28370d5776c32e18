// The CSS in Lit's css`…` templates, minified at build time with esbuild's CSS minifier: what the
// package ships (dist/, the script-tag bundle) and what the bench measures. Whitespace and
// comments are a quarter of Seatkit's CSS text; a page should not download them. Interpolations
// (`${light}`) stay where they were: each is held by a placeholder declaration while the CSS is
// minified, and the build fails if one goes missing, rather than ship broken styles.
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

/**
 * `css` followed by a template without nested templates (Seatkit's CSS never nests them); tsc
 * writes a space between the tag and the template.
 */
const CSS_LITERAL = /\bcss\s*`((?:[^`\\$]|\\[\s\S]|\$(?!\{)|\$\{[^}]*\})*)`/g;
const HOLE = /\$\{([^}]*)\}/g;
const PLACEHOLDER = /--seatkit-hole-(\d+):0;?/g;

/** Whether every `${…}` stands inside a rule's braces, or the template has no rules at all. */
function holesAmongDeclarations(text) {
  if (!text.replace(HOLE, '').includes('{')) return true;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      if (depth === 0) return false;
      i = text.indexOf('}', i);
    } else if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
  }
  return true;
}

async function minifyOne(text, where) {
  if (text.includes('\\')) return text; // escapes: left exactly as written
  // Only holes where declarations go are held by a placeholder; a template with a hole inside a
  // value (`color: ${x}`) or where rules go is left exactly as written.
  if (/[^\s{};]\s*\$\{/.test(text) || !holesAmongDeclarations(text)) return text;
  const holes = [];
  const css = text.replace(HOLE, (_, expression) => {
    holes.push(expression);
    return `--seatkit-hole-${holes.length - 1}:0;`;
  });
  // A template of declarations only (a palette mixed into rules) is minified inside a rule.
  const declarations = !css.includes('{');
  const { code } = await transform(declarations ? `x{${css}}` : css, {
    loader: 'css',
    minify: true,
    logLevel: 'silent',
  });
  const minified = declarations ? code.trim().replace(/^x\{([\s\S]*)\}$/, '$1') : code.trim();
  let restored = 0;
  // Each hole stood where declarations go; its own last declaration has lost its `;` now, so one
  // follows it (before a `}` it is an empty declaration, which CSS allows).
  const out = minified.replace(PLACEHOLDER, (_, n) => {
    restored++;
    return `\${${holes[Number(n)]}};`;
  });
  if (restored !== holes.length)
    throw new Error(`${where}: minifying a css\`…\` template lost an interpolation`);
  return out;
}

const lines = (text) => text.split('\n').length;

/** `code` (TypeScript or JavaScript) with every css`…` template's CSS minified. */
export async function minifyCssLiterals(code, where = 'a module') {
  const parts = [];
  let last = 0;
  for (const match of code.matchAll(CSS_LITERAL)) {
    const minified = await minifyOne(match[1], where);
    // The lines the CSS lost follow the template as JavaScript whitespace, so every line after
    // it keeps its number (source maps stay true; a JS minifier drops them).
    const lost = lines(match[1]) - lines(minified);
    parts.push(code.slice(last, match.index), 'css`', minified, '`', '\n'.repeat(lost));
    last = match.index + match[0].length;
  }
  if (last === 0) return code;
  parts.push(code.slice(last));
  return parts.join('');
}

/** An esbuild plugin that minifies css`…` templates of Seatkit's own sources as they load. */
export function cssLiteralsPlugin() {
  return {
    name: 'seatkit-css-literals',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!/\bcss\s*`/.test(source)) return undefined;
        return { contents: await minifyCssLiterals(source, args.path), loader: 'ts' };
      });
    },
  };
}
