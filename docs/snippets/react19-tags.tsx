// React 19 sets properties and adds listeners on custom elements itself. seatkit/react's JSX
// typings type the tags, their properties and their events (`import type`: nothing downloads).
import 'seatkit/define';
import type {} from 'seatkit/react';
import { createMockAdapter } from 'seatkit/mock';

const adapter = createMockAdapter();

export function TeamPage() {
  return (
    <seatkit-provider
      adapter={adapter}
      onseatkit-invited={(event) => console.log('Invited', event.invitation.email)}
    >
      <seat-billing-preview heading />
      <team-members />
    </seatkit-provider>
  );
}
