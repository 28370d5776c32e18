// Hono speaks the Fetch API: hand the request over as it is.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { seatkit } from './seatkit.js';

const app = new Hono();
app.all('/api/seatkit/*', (c) => seatkit(c.req.raw));
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000) });
