/// <reference types="node" preserve="true" />
// seatkit/server/node: the engine's handler as a Node `http` request listener, for
// http.createServer, Express and other connect-style servers. Fetch-API servers (Hono, Next.js,
// Deno, Bun) take the handler as it is.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { NetworkFault } from './handler.js';

export interface NodeListenerOptions {
  /** Origin for building the Request's URL when the Host header is missing (default http://localhost). */
  origin?: string;
}

/** The Request a Node request stands for (its body is streamed, not buffered here). */
export function toRequest(req: IncomingMessage, origin = 'http://localhost'): Request {
  // Express strips its mount path from req.url and keeps the whole path in originalUrl.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const host = req.headers.host ? `http://${req.headers.host}` : origin;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(path, host), {
    method,
    headers,
    ...(hasBody
      ? { body: Readable.toWeb(req) as unknown as ReadableStream, duplex: 'half' as const }
      : {}),
  } as RequestInit);
}

/** Writes a Response to a Node response. */
export async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * `(req, res) => void` for Node's http module: `http.createServer(nodeListener(handler))`, or
 * `app.use('/api', nodeListener(handler))` in Express (with the handler's `basePath: '/api'`).
 */
export function nodeListener(
  handler: (request: Request) => Promise<Response>,
  options: NodeListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handler(toRequest(req, options.origin))
      .then((response) => sendResponse(response, res))
      .catch((error: unknown) => {
        // An injected network fault (test controls): the connection is dropped, no answer.
        if (error instanceof NetworkFault) res.destroy();
        else {
          res.statusCode = 500;
          res.end();
        }
      });
  };
}
