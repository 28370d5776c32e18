import vue from '@vitejs/plugin-vue';
import { isSeatkitTag } from 'seatkit';
import { defineConfig } from 'vite';

export default defineConfig({
  // Only Seatkit's tags are custom elements: the app's own kebab-case components stay Vue's.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: isSeatkitTag } } })],
});
