import { defineConfig } from 'vite';
import { mswWorker } from './scripts/msw-worker-plugin.ts';

const port = Number(process.env.PORT ?? 5173);

// The demo: a host page embedding the elements on the mock backend (index.html).
export default defineConfig({
  plugins: [mswWorker()],
  server: { port, strictPort: Boolean(process.env.PORT), host: process.env.HOST ?? 'localhost' },
  preview: { port },
  build: { outDir: 'dist-demo', target: 'es2022' },
});
