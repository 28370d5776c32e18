// Rendered in Node at build time (prerender.js): the page's HTML before any script runs.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { TeamPage } from './TeamPage';

export function render(): string {
  return renderToString(
    <StrictMode>
      <TeamPage />
    </StrictMode>,
  );
}
