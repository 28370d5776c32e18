import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import type { SeatBillingPreview } from '../../src/elements/seat-billing-preview/seat-billing-preview.js';
import type { Change } from '../../src/schemas/index.js';
import { watchedLanguageHosts } from '../../src/elements/shared/host-context.js';
import { adapter, clean } from './helpers/team.js';

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());
afterEach(() => mock.backend.clearFaults());

async function mount(scenario: unknown, change: Change | null = null, lang = 'en', actor?: string) {
  await mock.backend.reset(scenario);
  if (actor) await mock.backend.setActor(actor);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <seat-billing-preview .adapter=${adapter()} .change=${change}></seat-billing-preview>
    </div>`,
  );
  const el = wrapper.querySelector('seat-billing-preview')!;
  const text = () => clean(el.shadowRoot);
  await waitUntil(
    () => /\$|€|Only|not possible|Nicht möglich|Not possible/i.test(text()),
    'never loaded',
    { timeout: 8000 },
  );
  return { el, text };
}

describe('<seat-billing-preview> summary', () => {
  const cases = [
    {
      name: 'Team (worked example)',
      scenario: scenarios.productExample,
      expects: [
        'Team, billed monthly',
        '5 seats (no limit)',
        'Paid seats this cycle 5',
        'Pending invitations 1',
        '$145.00 on Dec 1, 2026 (5 seats)',
      ],
    },
    {
      name: 'Essentials at its limit',
      scenario: scenarios.essentialsAtLimit,
      expects: [
        'Essentials, billed monthly',
        '4 of 5 seats',
        'Pending invitations 1',
        'No seats left: Essentials allows up to 5 seats',
      ],
    },
    { name: 'Pro annual', scenario: scenarios.pro, expects: ['Pro, billed annually'] },
  ];
  for (const c of cases) {
    it(`shows plan, seats, pending and next invoice: ${c.name}`, async () => {
      const { el, text } = await mount(c.scenario);
      for (const expected of c.expects) expect(text()).to.contain(expected);
      await expect(el).to.be.accessible();
    });
  }

  it('tells an agent that billing is for the owner or an admin', async () => {
    const { el, text } = await mount(scenarios.productExample, null, 'en', 'priya@example.com');
    expect(text()).to.contain('Only the owner or an admin');
    await expect(el).to.be.accessible();
  });

  it('formats in German', async () => {
    const { text } = await mount(scenarios.productExample, null, 'de');
    expect(text()).to.contain('monatlich abgerechnet').and.contain('145,00');
  });

  it('shows an error with Retry', async () => {
    await mock.backend.reset(scenarios.productExample);
    mock.backend.injectFault('getViewer', { status: 500, times: 1 });
    const el = await fixture<SeatBillingPreview>(
      html`<seat-billing-preview .adapter=${adapter()}></seat-billing-preview>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="retry"]'), 'no retry', {
      timeout: 8000,
    });
    await expect(el).to.be.accessible();
    // The one error look, as <team-members>' (test/browser/team-members.test.ts).
    const error = getComputedStyle(el.shadowRoot!.querySelector('[part~="error"]')!);
    expect(error.color, 'error text').to.equal('rgb(180, 35, 24)');
    expect(error.borderTopColor, 'error border').to.equal('rgb(180, 35, 24)');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => clean(el.shadowRoot).includes('$145.00'), 'retry failed', {
      timeout: 8000,
    });
  });
});

describe('<seat-billing-preview> stacked with <team-members>', () => {
  const gapBetween = (wrapper: HTMLElement) =>
    wrapper.querySelector('team-members')!.getBoundingClientRect().top -
    wrapper.querySelector('seat-billing-preview')!.getBoundingClientRect().bottom;

  it('leaves --seatkit-stack-gap between them (twice the spacing unit unless set)', async () => {
    mock.backend.reset(scenarios.productExample);
    const wrapper = await fixture<HTMLElement>(
      html`<seatkit-provider .adapter=${adapter()}>
        <seat-billing-preview></seat-billing-preview>
        <team-members></team-members>
      </seatkit-provider>`,
    );
    await wrapper.querySelector('team-members')!.updateComplete;
    expect(gapBetween(wrapper), 'default').to.equal(16);
    wrapper.style.setProperty('--seatkit-spacing', '10px');
    expect(gapBetween(wrapper), 'from the spacing unit').to.equal(20);
    wrapper.style.setProperty('--seatkit-stack-gap', '3rem');
    expect(gapBetween(wrapper), 'the token').to.equal(48);
  });

  it('adds nothing above an element that follows something else', async () => {
    mock.backend.reset(scenarios.productExample);
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <p style="margin:0">Billing</p>
        <seat-billing-preview .adapter=${adapter()}></seat-billing-preview>
      </div>`,
    );
    const billing = wrapper.querySelector('seat-billing-preview')!;
    expect(billing.getBoundingClientRect().top).to.equal(
      wrapper.querySelector('p')!.getBoundingClientRect().bottom,
    );
  });
});

describe('<seat-billing-preview> quote mode', () => {
  it('prices the worked example: $14.50 for the 15 days left, next invoice $174.00', async () => {
    const { el, text } = await mount(scenarios.productExample, { kind: 'invite' });
    await waitUntil(() => text().includes('days left'), text(), { timeout: 5000 });
    expect(text()).to.contain('Due when accepted $14.50');
    expect(text()).to.contain('$14.50 for the 15 days left in this cycle');
    expect(text()).to.contain('$174.00 on Dec 1, 2026 (6 seats)');
    await expect(el).to.be.accessible();
  });

  it('refuses with the reason at the Essentials limit', async () => {
    const { el, text } = await mount(scenarios.essentialsAtLimit, { kind: 'invite' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="refusal"]'), 'no refusal', {
      timeout: 5000,
    });
    expect(text()).to.contain('Essentials allows up to 5 seats');
    await expect(el).to.be.accessible();
  });

  it('costs $0.00 when the 2-seat minimum already pays for the seat', async () => {
    const { text } = await mount(scenarios.emptyTeam, { kind: 'invite' });
    await waitUntil(() => text().includes('already paid'), text(), { timeout: 5000 });
    expect(text()).to.contain('$0.00');
  });

  it('re-prices when the change changes', async () => {
    const { el, text } = await mount(scenarios.productExample, { kind: 'invite' });
    await waitUntil(() => text().includes('$14.50'), text(), { timeout: 5000 });
    el.change = { kind: 'bulkInvite', count: 2 };
    await waitUntil(() => text().includes('$29.00'), text(), { timeout: 5000 });
    expect(text()).to.contain('Due if all accept today');
    el.change = null;
    await waitUntil(() => text().includes('Paid seats this cycle'), text(), { timeout: 5000 });
  });
});

describe('<seat-billing-preview> language and theme from the page', () => {
  it('re-renders when <html lang> changes, and lets go of the observer when removed', async () => {
    const html0 = document.documentElement.getAttribute('lang');
    document.documentElement.setAttribute('lang', 'en');
    const before = watchedLanguageHosts();
    await mock.backend.reset(scenarios.productExample);
    const el = await fixture<SeatBillingPreview>(
      html`<seat-billing-preview .adapter=${adapter()}></seat-billing-preview>`,
    );
    try {
      const text = () => clean(el.shadowRoot);
      await waitUntil(() => text().includes('billed monthly'), 'never loaded', { timeout: 8000 });
      expect(watchedLanguageHosts()).to.equal(before + 1);
      document.documentElement.setAttribute('lang', 'de');
      await waitUntil(() => text().includes('monatlich abgerechnet'), 'still English');
      expect(text()).to.contain('145,00');
      el.remove();
      expect(watchedLanguageHosts()).to.equal(before);
    } finally {
      if (html0 === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', html0);
    }
  });

  it('tells an agent in German that billing is for the owner or an admin', async () => {
    await mock.backend.reset(scenarios.productExample);
    await mock.backend.setActor('priya@example.com');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <seat-billing-preview .adapter=${adapter()}></seat-billing-preview>
      </div>`,
    );
    const el = wrapper.querySelector('seat-billing-preview')!;
    const said = 'Nur der Inhaber oder ein Administrator kann die Abrechnung sehen.';
    await waitUntil(() => clean(el.shadowRoot).includes(said), 'not said', { timeout: 8000 });
    expect(clean(el.shadowRoot)).not.to.contain('Only');
  });

  it('is dark under an ancestor’s theme="dark" and light when it pins theme="light"', async () => {
    await mock.backend.reset(scenarios.productExample);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div theme="dark">
        <seat-billing-preview .adapter=${adapter()}></seat-billing-preview>
        <seat-billing-preview theme="light" .adapter=${adapter()}></seat-billing-preview>
      </div>`,
    );
    const [dark, light] = [...wrapper.querySelectorAll('seat-billing-preview')];
    const bg = (el: Element) =>
      getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
    expect(bg(dark!)).to.equal('rgb(34, 37, 44)');
    expect(bg(light!)).to.equal('rgb(244, 245, 247)');
  });
});
