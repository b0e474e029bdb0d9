// Vite for the operator UI: `pnpm nx serve operator-ui` (dev server), `pnpm nx build operator-ui`
// (static production build in dist/static), `pnpm nx run operator-ui:preview` (serves that build).
// Dev server and preview forward /manage/* to a controller (src/dev/controller-proxy.ts).
import { defineConfig } from 'vite';
import { controllerProxy } from './src/dev/controller-proxy.js';

export default defineConfig({
  root: import.meta.dirname,
  // Preact's automatic JSX runtime through Vite's own transform: no framework plugin, no Babel.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [controllerProxy({ cwd: import.meta.dirname })],
  build: { outDir: 'dist/static', emptyOutDir: true, target: 'es2022' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
