// The package ships its elements' CSS minified (scripts/css-literals.mjs): for every css`…`
// template in src/, the minified CSS must mean exactly what the written CSS means, interpolations
// included. Both are put through esbuild's CSS minifier with the same stand-ins for `${…}` and
// must come out the same.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';
import { minifyCssLiterals } from '../../../scripts/css-literals.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const TEMPLATE = /\bcss\s*`((?:[^`\\$]|\\[\s\S]|\$(?!\{)|\$\{[^}]*\})*)`/g;

/** A template's CSS with each `${…}` replaced by a stand-in declaration, minified by esbuild. */
async function meaning(template: string): Promise<string> {
  let n = 0;
  const css = template.replace(/\$\{[^}]*\}/g, () => `--stand-in-${n++}: 1;`);
  const wrapped = css.includes('{') ? css : `x{${css}}`;
  return (await transform(wrapped, { loader: 'css', minify: true })).code;
}

const templates = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .flatMap((name) => {
    const source = readFileSync(join(ROOT, 'src', name), 'utf8');
    return [...source.matchAll(TEMPLATE)].map((m, i) => ({
      where: `src/${name} #${i + 1}`,
      text: m[1]!,
    }));
  });

describe('the shipped CSS is the written CSS, minified', () => {
  it('finds the templates', () =>
    assert.ok(templates.length >= 10, `${templates.length} templates`));

  for (const t of templates) {
    it(`${t.where} means the same minified`, async () => {
      const shipped = await minifyCssLiterals(`css\`${t.text}\``, t.where);
      const inner = /^css`([\s\S]*)`\n*$/.exec(shipped)?.[1] ?? '';
      assert.equal(shipped.split('\n').length, t.text.split('\n').length, 'as many lines');
      assert.ok(inner.length <= t.text.length, 'not longer');
      assert.equal(
        (inner.match(/\$\{[^}]*\}/g) ?? []).join(' '),
        (t.text.match(/\$\{[^}]*\}/g) ?? []).join(' '),
        'the same interpolations, in order',
      );
      assert.equal(await meaning(inner), await meaning(t.text));
    });
  }

  it('keeps a palette of declarations usable inside a rule', async () => {
    const out = await minifyCssLiterals('css`\n  --a: 1;\n  color: red;\n`');
    assert.equal(out, 'css`--a: 1;color:red`\n\n\n', 'the lines it lost follow it');
    const host = await minifyCssLiterals('css`:host {\n  ${palette}\n  --b: 2;\n}`');
    assert.equal(host, 'css`:host{${palette};--b: 2}`\n\n\n');
  });

  it('leaves a template alone where a placeholder could change its meaning', async () => {
    for (const written of ['css`a { color: ${x}; }`', 'css`${rules}\n a { color: red; }`'])
      assert.equal(await minifyCssLiterals(written), written);
  });
});
