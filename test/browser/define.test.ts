// seatkit/define on a page where another library already holds one of Seatkit's tags, and where
// Seatkit is registered twice: one clear console error for the foreign tag, nothing for Seatkit's
// own classes, every other element registered all the same.
import { expect } from '@open-wc/testing';
import { TeamMembers } from '../../src/elements/team-members/team-members.js';
import { SEATKIT_TAGS } from '../../src/tags.js';

type Hook = () => Promise<void> | void;
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: Hook): void;

class ForeignDialog extends HTMLElement {}
// Another library got here first; the host subclassed Seatkit's list under Seatkit's own name.
customElements.define('invite-dialog', ForeignDialog);
class HostTeamMembers extends TeamMembers {}
customElements.define('team-members', HostTeamMembers);

async function errorsWhile(run: () => Promise<unknown>): Promise<string[]> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return errors;
}

describe('seatkit/define', () => {
  it('reports a tag another library holds, naming the tag and its class, and registers the rest', async () => {
    const errors = await errorsWhile(() => import('../../src/define.js'));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('<invite-dialog>').and.to.contain('ForeignDialog');
    expect(errors[0]).to.contain('InviteDialog');
    expect(customElements.get('invite-dialog')).to.equal(ForeignDialog);
    expect(customElements.get('team-members')).to.equal(HostTeamMembers);
    for (const tag of SEATKIT_TAGS.filter((t) => t !== 'invite-dialog' && t !== 'team-members'))
      expect(customElements.get(tag), tag).to.be.a('function');
  });

  it('is harmless when imported again (another URL of the same module: a second copy)', async () => {
    const again = '../../src/define.ts?copy=2';
    const errors = await errorsWhile(() => import(/* @vite-ignore */ again));
    // The foreign tag is reported again; Seatkit's own registrations are left alone silently.
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('<invite-dialog>');
  });

  it('lets a host register an element under another name with a subclass', async () => {
    customElements.define('acme-team-members', class AcmeTeamMembers extends TeamMembers {});
    const el = document.createElement('acme-team-members') as TeamMembers;
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.contain('adapter');
    el.remove();
  });
});
