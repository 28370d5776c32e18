import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { TeamPage } from './TeamPage';

hydrateRoot(
  document.getElementById('root')!,
  <StrictMode>
    <TeamPage />
  </StrictMode>,
);
