// Custom-elements manifest (custom-elements.json) from the JSDoc on the element classes:
// @summary @fires @csspart @cssprop @slot, plus Lit's `static properties`. Run `npm run cem`.
import { readFileSync } from 'node:fs';

/** Tag names come from src/define.ts (the one place that registers them), not a second list. */
function tagNamesFromDefine() {
  const source = readFileSync(new URL('./src/define.ts', import.meta.url), 'utf8');
  return new Map(
    [...source.matchAll(/\[\s*'([a-z][\w-]*-[\w-]*)'\s*,\s*(\w+)\s*\]/g)].map((m) => [m[2], m[1]]),
  );
}

/**
 * Sets `tagName` and `customElement: true` on the classes src/define.ts registers, and drops
 * what is not public API (private/protected members, Lit internals, `state: true` fields).
 */
function seatkitPlugin() {
  const tags = tagNamesFromDefine();
  /** Per class: Lit `state: true` fields, and doc tags written several to a line. */
  const stateFields = new Map();
  const extraTags = new Map();
  /** Class name → the name of the class it extends (within Seatkit). */
  const parents = new Map();
  const superclassesOf = (name) => {
    const out = [];
    for (let n = name; n && !out.includes(n); n = parents.get(n)) out.push(n);
    return out;
  };
  return {
    name: 'seatkit',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const className = node.name.getText();
      const heritage = node.heritageClauses?.[0]?.types?.[0]?.expression;
      if (heritage) parents.set(className, heritage.getText());
      const states = new Set();
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        const init = member.initializer;
        if (!init || !ts.isObjectLiteralExpression(init)) continue;
        for (const prop of init.properties) {
          if (
            ts.isPropertyAssignment(prop) &&
            /\bstate\s*:\s*true\b/.test(prop.initializer.getText())
          )
            states.add(prop.name.getText());
        }
      }
      stateFields.set(className, states);
      // The analyzer reads one tag per line; `@fires a @fires b` on one line would lose `b`.
      const doc = (node.jsDoc ?? []).map((d) => d.getText()).join('\n');
      const found = [];
      for (const m of doc.matchAll(
        /@(fires|csspart|cssprop|slot)\s+([^\s@*]+)(?:\s+-\s+([^@]*?))?(?=\s*(?:@|\*\/|\n\s*\*\s*(?:@|\n|$)|$))/g,
      )) {
        found.push({
          tag: m[1],
          name: m[2],
          description: (m[3] ?? '').replace(/\s*\n\s*\*\s*/g, ' ').trim(),
        });
      }
      extraTags.set(className, found);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          const tag = tags.get(decl.name);
          // A base class (SeatkitElement, LazyDialog) or a dialog's content element is not one
          // of the elements a page uses.
          if (!tag) delete decl.customElement;
          if (tag) {
            decl.tagName = tag;
            decl.customElement = true;
            mod.exports = mod.exports ?? [];
            if (!mod.exports.some((e) => e.kind === 'custom-element-definition')) {
              mod.exports.push({
                kind: 'custom-element-definition',
                name: tag,
                declaration: { name: decl.name, module: mod.path },
              });
            }
          }
          // Lit `state: true` fields of the class and of the classes it extends.
          const states = new Set(stateFields.get(decl.name));
          for (const base of decl.superclass?.name ? superclassesOf(decl.superclass.name) : [])
            for (const field of stateFields.get(base) ?? []) states.add(field);
          decl.attributes = (decl.attributes ?? []).filter(
            (a) => !states.has(a.fieldName ?? a.name),
          );
          // Events the analyzer guessed from `dispatchEvent(new X(...))` have no real name.
          decl.events = (decl.events ?? []).filter((e) => e.name?.startsWith('seatkit-'));
          const lists = {
            fires: 'events',
            csspart: 'cssParts',
            cssprop: 'cssProperties',
            slot: 'slots',
          };
          for (const key of Object.values(lists)) {
            for (const item of decl[key] ?? []) {
              if (item.description?.startsWith('@')) delete item.description;
            }
          }
          for (const { tag, name, description } of extraTags.get(decl.name) ?? []) {
            const key = lists[tag];
            const list = (decl[key] = decl[key] ?? []);
            const slotName = tag === 'slot' && name === '-' ? '' : name;
            if (list.some((item) => item.name === slotName)) continue;
            list.push({ name: slotName, ...(description ? { description } : {}) });
          }
          decl.members = (decl.members ?? []).filter((m) => !states.has(m.name));
          decl.members = decl.members.filter(
            (m) =>
              m.privacy !== 'private' &&
              m.privacy !== 'protected' &&
              !m.name.startsWith('#') &&
              !['styles', 'properties', 'render'].includes(m.name) &&
              !(m.static && m.name === 'styles'),
          );
        }
      }
      shipPaths(customElementsManifest);
    },
  };
}

/**
 * The manifest ships in the package, so its module paths name the files a user has: `dist/….js`.
 * The analyzer reads `src/….ts`, and names a superclass by its import specifier (`/src/….js`).
 */
function shipPaths(node) {
  if (Array.isArray(node)) return node.forEach(shipPaths);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') {
      node[key] = value.replace(/^\/?src\/(.*)\.(?:ts|js)$/, 'dist/$1.js');
    } else shipPaths(value);
  }
}

export default {
  globs: ['src/elements/*/*.ts', 'src/context/store-context.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [seatkitPlugin()],
};
