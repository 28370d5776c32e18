// Storybook's browser chunks read `process.env.NODE_ENV`, which Vite replaces when it builds
// Storybook; in web-test-runner nothing does. Imported first by stories.test.ts.
const scope = globalThis as { process?: { env: Record<string, string> } };
scope.process ??= { env: { NODE_ENV: 'development' } };
export {};
