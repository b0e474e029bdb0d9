import { defineProject } from '../../vitest.shared.mjs';

// Real HTTP and fsync on a shared two-core machine: allow more than vitest's 5 s per test.
export default defineProject(import.meta.dirname, { testTimeout: 30_000 });
