// A backend in the page, with nothing else to set up: the demo team, or a scenario of your own.
import 'seatkit/define';
import { createMockAdapter, scenarios } from 'seatkit/mock';

const provider = document.querySelector('seatkit-provider')!;
provider.adapter = createMockAdapter(); // the demo team
// A full Essentials plan, with 400 ms on every answer to see the loading states:
provider.adapter = createMockAdapter(scenarios.essentialsAtLimit, { latencyMs: 400 });
