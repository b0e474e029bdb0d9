import { defineProject } from '../../vitest.shared.mjs';

// Component specs render into happy-dom; the dev tooling's specs say `@vitest-environment node`.
const config = defineProject(import.meta.dirname, {
  environment: 'happy-dom',
  include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
});
// Preact's automatic JSX runtime, as in vite.config.mts.
config.oxc = { jsx: { runtime: 'automatic', importSource: 'preact' } };
export default config;
