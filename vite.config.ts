import { defineConfig } from 'vite';
import { mswWorker } from './scripts/msw-worker-plugin.ts';

const port = Number(process.env.PORT ?? 5173);

// The demo: a host page embedding the elements on the mock backend (index.html).
export default defineConfig({
  plugins: [mswWorker()],
  server: { port, strictPort: Boolean(process.env.PORT), host: process.env.HOST ?? 'localhost' },
  preview: { port },
  build: { outDir: 'dist-demo', target: 'es2022' },
  optimizeDeps: {
    // Scan the demo page only: Vite otherwise reads every *.html it finds, docs/snippets/ and
    // examples/ too, whose `seatkit` imports resolve nowhere here, and the failed scan left every
    // dependency to be found on first use.
    entries: ['index.html'],
    // What the page first imports when a button is pressed (the dialogs' and row actions'
    // chunks): optimised at start, so the first click does not make Vite re-optimise and reload
    // the page, losing the click.
    include: [
      'lit/directives/live.js',
      'lit/directives/keyed.js',
      'lit/directives/repeat.js',
      '@lit-labs/virtualizer/virtualize.js',
      '@lit-labs/virtualizer/layouts/flow.js',
    ],
  },
});
