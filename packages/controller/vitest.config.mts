import { defineProject } from '../../vitest.shared.mjs';

// Starting PGlite (WASM) takes seconds on a loaded machine: hooks and tests get room for it.
const config = defineProject(import.meta.dirname, { testTimeout: 30_000, hookTimeout: 60_000 });
// vitest hands these conditions to Node's own loader too; with `import` among them, pg's CommonJS
// `require('pg-pool')` gets pg-pool's ES module and fails ("Class extends value [object Module]").
const conditions = ['@alphaswarm/source', 'node', 'default'];
config.resolve = { ...config.resolve, conditions };
config.ssr = { ...config.ssr, resolve: { ...config.ssr?.resolve, conditions } };

export default config;
