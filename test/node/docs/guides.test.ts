// What the guides say about the rest of the repository holds: the conformance suite's counts in
// the integrator guide, links between the docs (files and headings), and no reference to a
// specification outside the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runConformanceSuite } from '../../../src/testing/index.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** How many tests the suite registers, and how many of them need `control`. */
function suiteCounts(): { total: number; control: number } {
  let total = 0;
  let control = 0;
  runConformanceSuite({
    describe: (_name, fn) => fn(),
    it: () => void total++,
    skip: () => {
      total++;
      control++;
    },
    control: false,
    makeHarness: () => Promise.reject(new Error('not run')),
  });
  return { total, control };
}

test("the integrator guide's conformance counts are the suite's", () => {
  const { total, control } = suiteCounts();
  const guide = read('docs/integrator-guide.md');
  assert.ok(guide.includes(`registers ${total} tests`), `registers ${total} tests`);
  assert.ok(
    guide.includes(`**Without control.** ${control} of the tests`),
    `${control} need control`,
  );
  assert.ok(guide.includes(`with control, **${total} passed**`), `${total} passed`);
  assert.ok(
    guide.includes(`**${total - control} passed and\n${control} skipped**`) ||
      guide.includes(`**${total - control} passed and ${control} skipped**`),
    `${total - control} passed and ${control} skipped`,
  );
});

/** The repository's own text files under `dir` (sources, tests, stories, scripts). */
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx|js|mjs|md)$/.test(name))
    .map((name) => `${dir}/${name}`);
}

test('nothing points at a specification outside the repository', () => {
  const files = [
    ...DOCS,
    ...['src', 'test', 'stories', 'mocks', 'scripts'].flatMap(sourcesUnder),
  ].filter((file) => file !== 'test/node/docs/guides.test.ts');
  for (const file of files) assert.doesNotMatch(read(file), /PRODUCT\.md|shared\/spec/, file);
});

/** GitHub's anchor of a heading: lower-cased, punctuation dropped, spaces as dashes. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const base = anchor(heading!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

test('the links between the docs lead to files and headings that exist', () => {
  for (const doc of DOCS) {
    const text = read(doc).replace(/```[\s\S]*?```/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue; // https:, mailto:
      const [file, hash] = target!.split('#') as [string, string | undefined];
      const path = file ? join(dirname(doc), file) : doc;
      assert.ok(existsSync(join(ROOT, path)), `${doc} links to ${target}: no ${path}`);
      if (hash && path.endsWith('.md'))
        assert.ok(anchorsOf(read(path)).has(hash), `${doc} links to ${target}: no such heading`);
    }
  }
});
