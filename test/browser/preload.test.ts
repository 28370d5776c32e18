import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import { $, mountTeam } from './helpers/team.js';
import { fetched } from './helpers/resources.js';

// A page of its own: nothing has downloaded the dialogs' content before these tests.

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());

describe('<team-members> dialog buttons', () => {
  it('start downloading their dialog when focus or the pointer reaches them', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    expect(fetched('/invite-dialog-flow.ts'), 'before').to.equal(false);
    expect(fetched('/bulk-invite-flow.ts'), 'before').to.equal(false);
    expect(fetched('/state/changes.ts'), 'the list alone changes nothing').to.equal(false);

    $(el, '[part~="invite-button"]')!.focus();
    await waitUntil(() => fetched('/invite-dialog-flow.ts'), 'focus did not start the download');
    // And what sends the invitation: the first change does not wait for it.
    await waitUntil(() => fetched('/state/changes.ts'), 'the change code was not preloaded');
    expect(fetched('/bulk-invite-flow.ts'), 'only the focused one').to.equal(false);

    const box = $(el, '[part~="bulk-invite-button"]')!.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await waitUntil(() => fetched('/bulk-invite-flow.ts'), 'hover did not start the download');

    // Already downloaded: opening shows the dialog in the same update.
    await waitUntil(() => customElements.get('seatkit-invite-dialog-flow'), 'never defined');
    $(el, '[part~="invite-button"]')!.click();
    const dialog = $<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'invite-dialog')!;
    await dialog.updateComplete;
    expect(dialog.shadowRoot!.querySelector('dialog')?.open).to.equal(true);
    dialog.shadowRoot!.querySelector('dialog')!.close();
  });
});
