import { defineProject } from '../../vitest.shared.mjs';

// Two specs run programs (openapi-typescript over the whole API document, the built controller):
// seconds each on a loaded two-core machine, more than vitest's default 5 s.
export default defineProject(import.meta.dirname, { testTimeout: 60_000 });
