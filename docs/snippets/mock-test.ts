// A test of your page on the mock backend: the adapter the elements use, and the world outside
// them (the invitee accepting, time passing, a failing network) through its backend.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMockAdapter, scenarios } from 'seatkit/mock';

test('an invitation, accepted, is charged $14.50', async () => {
  const adapter = createMockAdapter(scenarios.productExample);
  const { backend } = adapter;

  const invitation = await adapter.invite({ email: 'new.person@example.com', role: 'agent' });
  const { charge } = await backend.acceptInvitation(invitation.email);
  assert.equal(charge.amount, 1450);

  await backend.clock.advanceDays(15); // past the renewal on Dec 1
  assert.equal((await backend.invoices()).length, 1);

  backend.injectFault('listTeam', { network: true, times: 1 });
  await assert.rejects(adapter.listTeam({}), { code: 'network_error' });
});
