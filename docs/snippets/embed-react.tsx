import { createHttpAdapter, type InvitedEvent } from 'seatkit';
import { SeatBillingPreview, SeatkitProvider, TeamMembers } from 'seatkit/react';

const adapter = createHttpAdapter({ baseUrl: '/api' });

export function TeamSettings() {
  const onInvited = (event: InvitedEvent) => console.log('Invited', event.invitation.email);
  return (
    <SeatkitProvider adapter={adapter} onInvited={onInvited}>
      <SeatBillingPreview heading />
      <TeamMembers />
    </SeatkitProvider>
  );
}
