import { defineProject } from '../../vitest.shared.mjs';

// api-extractor starts a TypeScript program per report: seconds, not milliseconds, on a busy machine.
export default defineProject(import.meta.dirname, { testTimeout: 60_000 });
