import 'seatkit/define';
import 'seatkit/reserve.css'; // keeps the page still while the elements load
import type { InvitedEvent } from 'seatkit';
import { createMockAdapter } from 'seatkit/mock';

const provider = document.querySelector('seatkit-provider')!;
provider.adapter = createMockAdapter(); // a property, not an attribute
provider.addEventListener('seatkit-invited', (event: InvitedEvent) => {
  document.querySelector('#last-event')!.textContent = `Invited ${event.invitation.email}`;
});
