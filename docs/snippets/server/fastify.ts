// Fastify: Seatkit answers the raw request itself, so its routes keep the body unparsed.
import Fastify from 'fastify';
import { nodeListener } from 'seatkit/server/node';
import { seatkit } from './seatkit.js';

const app = Fastify();
const listener = nodeListener(seatkit);
await app.register(async (scope) => {
  // Leave every body as a stream for Seatkit (in this scope only).
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
  scope.all('/api/seatkit/*', (request, reply) => {
    reply.hijack();
    listener(request.raw, reply.raw);
  });
});
await app.listen({ port: Number(process.env.PORT ?? 3000) });
