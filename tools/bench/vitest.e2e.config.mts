import { defineE2eProject } from '../../vitest.shared.mjs';

// Each spec generates a small workspace in a temporary folder and runs every checker on it.
export default defineE2eProject(import.meta.dirname, { testTimeout: 240_000, hookTimeout: 120_000 });
