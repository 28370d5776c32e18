import { useState } from 'react';
import { createMockAdapter } from 'seatkit/mock';
import { SeatBillingPreview, SeatkitProvider, TeamMembers } from 'seatkit/react';
import 'seatkit/reserve.css'; // keeps the page still while the elements load

const adapter = createMockAdapter(); // the demo team; your own adapter in production

export function TeamPage() {
  const [lastEvent, setLastEvent] = useState('');
  return (
    <>
      <SeatkitProvider
        adapter={adapter}
        onInvited={(event) => setLastEvent(`Invited ${event.invitation.email}`)}
      >
        <SeatBillingPreview heading />
        <TeamMembers />
      </SeatkitProvider>
      <p role="status">{lastEvent}</p>
    </>
  );
}
