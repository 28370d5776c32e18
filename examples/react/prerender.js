// Puts the server-rendered page into dist/index.html, so the page paints before its script runs.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { render } from './dist-server/server.js';

const page = readFileSync('dist/index.html', 'utf8');
writeFileSync('dist/index.html', page.replace('<!--app-->', render()));
rmSync('dist-server', { recursive: true });
