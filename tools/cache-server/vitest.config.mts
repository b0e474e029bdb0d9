import { defineProject } from '../../vitest.shared.mjs';

// Unit tests only; the end-to-end specs (src/e2e/**, *.e2e.spec.ts) run in the `e2e` target.
// Real HTTP and fsync on a shared two-core machine: allow more than vitest's 5 s per test.
export default defineProject(import.meta.dirname, { exclude: ['src/e2e/**', 'src/**/*.e2e.spec.ts'], testTimeout: 30_000 });
