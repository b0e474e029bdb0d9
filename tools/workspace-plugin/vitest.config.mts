import { defineProject } from '../../vitest.shared.mjs';

const shared = defineProject(import.meta.dirname, { testTimeout: 15_000 });
const conditions = (shared.ssr?.resolve?.conditions ?? []).filter((condition) => condition !== 'import');

// Vitest passes ssr.resolve.conditions to its Node workers as --conditions; with "import" among them,
// @nx/devkit's require('ejs') gets ejs's ESM build, which has no render(). Node's own conditions suffice.
export default { ...shared, ssr: { ...shared.ssr, resolve: { ...shared.ssr?.resolve, conditions } } };
