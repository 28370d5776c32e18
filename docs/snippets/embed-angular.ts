import { CUSTOM_ELEMENTS_SCHEMA, Component } from '@angular/core';
import 'seatkit/define';
import { createHttpAdapter, type MemberRemovedEvent } from 'seatkit';

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
  readonly adapter = createHttpAdapter({ baseUrl: '/api' });

  removed(event: Event): void {
    console.log('Removed', (event as MemberRemovedEvent).member.name);
  }
}
