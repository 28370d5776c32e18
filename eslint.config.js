// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const forbidUnsafeMarkup = [
  {
    selector: "ImportSpecifier[imported.name='unsafeHTML']",
    message: 'unsafeHTML is forbidden: render text with Lit bindings.',
  },
  {
    selector: "ImportSpecifier[imported.name='unsafeStatic']",
    message: 'unsafeStatic is forbidden: render text with Lit bindings.',
  },
  {
    selector: "ImportSpecifier[imported.name='unsafeSVG']",
    message: 'unsafeSVG is forbidden.',
  },
  {
    selector: "MemberExpression[property.name='innerHTML']",
    message: 'innerHTML is forbidden: build DOM with Lit templates.',
  },
  {
    selector: "MemberExpression[property.name='outerHTML']",
    message: 'outerHTML is forbidden: build DOM with Lit templates.',
  },
];

// A relative import names the file the build emits (`./x.js`), which TypeScript, Vite, esbuild and
// tsx resolve to `./x.ts`: tsc then ships the specifier as written, and nothing in dist/ can point
// at a `.ts` file that no bundler can load.
const RELATIVE_TS = String.raw`/^\.{1,2}\/.*\.tsx?$/`;
const forbidTsSpecifiers = [
  'ImportDeclaration',
  'ExportAllDeclaration',
  'ExportNamedDeclaration',
  'ImportExpression',
].map((node) => ({
  selector: `${node} > Literal.source[value=${RELATIVE_TS}]`,
  message: "Import './x.js', not './x.ts': the specifier ships as written.",
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'storybook-static/',
      'public/mockServiceWorker.js',
      'bench-results/',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    plugins: { 'lit-a11y': litA11y },
    rules: {
      ...Object.fromEntries(
        Object.keys(litA11y.rules ?? {}).map((name) => [`lit-a11y/${name}`, 'error']),
      ),
      // Written for browsers that fired `change` on every arrow key in a <select>; today's
      // browsers fire it when the choice is committed, and `blur` would lose keyboard choices.
      'lit-a11y/no-invalid-change-handler': 'off',
    },
  },
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-restricted-syntax': ['error', ...forbidUnsafeMarkup],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML is forbidden.' }] },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: "Import from 'zod/mini' to keep the bundle small." }],
          patterns: [{ group: ['**/mocks/**'], message: 'Nothing under src/ imports mocks/.' }],
        },
      ],
    },
  },
  {
    files: ['src/rules/**/*.ts', 'src/schemas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: "Import from 'zod/mini' to keep the bundle small." }],
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'],
              message: 'The rules module is pure.',
            },
            { group: ['msw', 'msw/*', '**/mocks/**'], message: 'The rules module is pure.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'fetch', 'localStorage'],
    },
  },
  {
    files: ['src/**/*.ts', 'mocks/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['scripts/msw-worker-plugin.ts'],
    rules: { 'no-restricted-syntax': ['error', ...forbidUnsafeMarkup, ...forbidTsSpecifiers] },
  },
  prettier,
);
