import { defineE2eProject } from '../../vitest.shared.mjs';

// Real controller processes (SIGKILL and restart), a real PostgreSQL server, real child processes:
// each starts PGlite or PostgreSQL, which takes seconds on a loaded machine.
const config = defineE2eProject(import.meta.dirname, { testTimeout: 300_000, hookTimeout: 120_000 });
// See vitest.config.mts: without `import`, pg's require('pg-pool') gets CommonJS.
const conditions = ['@alphaswarm/source', 'node', 'default'];
config.resolve = { ...config.resolve, conditions };
config.ssr = { ...config.ssr, resolve: { ...config.ssr?.resolve, conditions } };

export default config;
