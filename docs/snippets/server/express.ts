// Express: the handler as a Node request listener, under its mount path.
import express from 'express';
import { nodeListener } from 'seatkit/server/node';
import { seatkit } from './seatkit.js';

const app = express();
app.use('/api/seatkit', nodeListener(seatkit)); // before any body parser: Seatkit reads the body
app.listen(Number(process.env.PORT ?? 3000));
