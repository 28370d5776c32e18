import { CUSTOM_ELEMENTS_SCHEMA, Component } from '@angular/core';
import 'seatkit/define';
import type { MemberRemovedEvent } from 'seatkit';
import { createMockAdapter } from 'seatkit/mock';

@Component({
  selector: 'app-team-settings',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<team-members
    [adapter]="adapter"
    (seatkit-member-removed)="removed($event)"
  ></team-members>`,
})
export class TeamSettingsComponent {
  readonly adapter = createMockAdapter(); // the demo team; your own adapter in production

  removed(event: Event): void {
    console.log('Removed', (event as MemberRemovedEvent).member.name);
  }
}
