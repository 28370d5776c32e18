import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import annotations from './annotations.ts';

// custom-elements.json comes from the JSDoc on the element classes (`npm run cem`; main.ts
// regenerates it before every Storybook start or build): attributes, properties, events, slots,
// CSS parts and custom properties on each element's Docs page.
setCustomElementsManifest(manifest);

export default annotations;
