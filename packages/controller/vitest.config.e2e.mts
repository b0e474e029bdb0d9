import { defineProject } from '../../vitest.shared.mjs';

// The controller's e2e specs: real controller processes (SIGKILL and restart), a real PostgreSQL
// server, real child processes. Each starts PGlite or PostgreSQL, which takes seconds under load.
const config = defineProject(import.meta.dirname, {
  include: ['src/**/*.e2e.spec.ts'],
  testTimeout: 300_000,
  hookTimeout: 120_000,
  fileParallelism: false,
});
// See vitest.config.mts: without `import`, pg's require('pg-pool') gets CommonJS.
const conditions = ['@alphaswarm/source', 'node', 'default'];
config.resolve = { ...config.resolve, conditions };
config.ssr = { ...config.ssr, resolve: { ...config.ssr?.resolve, conditions } };

export default config;
