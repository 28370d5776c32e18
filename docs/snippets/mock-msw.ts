// The mock backend behind MSW in your own app: the page's real fetch calls reach it, so the
// elements use the HTTP adapter (and the network panel shows every request).
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { createHttpAdapter } from 'seatkit';
import { createMockBackend, scenarios } from 'seatkit/mock';
import { NetworkFault } from 'seatkit/server';

const backend = createMockBackend(scenarios.demo); // serves /api by default
const worker = setupWorker(
  http.all('/api/*', async ({ request }) => {
    try {
      return await backend.handle(request);
    } catch (error) {
      if (error instanceof NetworkFault) return HttpResponse.error(); // an injected network fault
      throw error;
    }
  }),
);
await worker.start({ onUnhandledRequest: 'bypass' }); // needs /mockServiceWorker.js (npx msw init)

document.querySelector('seatkit-provider')!.adapter = createHttpAdapter({ baseUrl: '/api' });
