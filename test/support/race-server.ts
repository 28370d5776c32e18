// One server process of the cross-process race test: the engine on the store named by argv[2]
// (`sqlite:<file>` or `postgres:<url>`), on a free local port, identified by test headers.
// `split` as argv[3] runs the broken split check-then-write store instead. Prints `listening <port>`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSeatkitHandler } from '../../src/server/index.js';
import { nodeListener } from '../../src/server/node.js';
import { splitStore } from './split-store.js';
import { openStore } from './store-specs.js';

const [spec, variant] = process.argv.slice(2);
const { store } = await openStore(spec ?? '');
const handler = createSeatkitHandler({
  store: variant === 'split' ? splitStore(store) : store,
  basePath: '/api',
  identify: (request) => {
    const accountId = request.headers.get('x-seatkit-test-account');
    const memberId = request.headers.get('x-seatkit-test-member');
    return accountId && memberId ? { accountId, memberId } : null;
  },
  onError: (error) => console.error(error),
});
const server = createServer(nodeListener(handler));
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
