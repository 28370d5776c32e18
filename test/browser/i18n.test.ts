import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import { englishMessages, LANGUAGES, languagePending } from '../../src/i18n/index.js';
import { adapter, clean } from './helpers/team.js';
import { fetched } from './helpers/resources.js';

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());

const germanRequested = () => fetched('/messages/de/index.ts');

describe('languages', () => {
  // This file is the first on its page to ask for German: the order of these tests matters.
  it('loads German when an element in lang="de" first renders, and renders no English meanwhile', async () => {
    expect(germanRequested(), 'German before anything asked for it').to.equal(false);
    const el = document.createElement('seat-billing-preview');
    const seen: string[] = [];
    el.addController({ hostUpdated: () => seen.push(clean(el.shadowRoot)) });
    el.adapter = adapter();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    wrapper.append(el);
    await el.updateComplete;
    expect(germanRequested(), 'German once an element needs it').to.equal(true);
    expect(seen.length).to.be.above(0);
    for (const text of seen) {
      expect(text, 'every render in German').to.match(/geladen|Plätze/);
      expect(text, 'no render in English').to.not.match(/Loading|Seats|Next invoice/);
    }
  });

  it('says which languages still need loading', async () => {
    expect(languagePending('en'), 'English is always there').to.equal(null);
    expect(languagePending('fr'), 'an unknown language is English').to.equal(null);
    expect(languagePending('de-CH'), 'German, once loaded').to.equal(null);
  });

  it('has a German word for every English key, and no other', async () => {
    const de = await LANGUAGES.de();
    const en = await englishMessages();
    expect(Object.keys(de).sort()).to.deep.equal(Object.keys(en).sort());
    const same = Object.keys(en).filter(
      (k) => de[k as keyof typeof de] === en[k as keyof typeof en],
    );
    // Names and symbols may stay the same; whole sentences may not.
    for (const key of same) expect(en[key as keyof typeof en], key).to.not.match(/ \w+ \w+ /);
  });
});
