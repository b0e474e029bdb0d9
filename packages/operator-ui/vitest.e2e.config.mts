import { defineE2eProject } from '../../vitest.shared.mjs';

// The browser test: a controller started through Nx (which may build it first), the production
// build served by `vite preview`, and Chromium driving the page, on a loaded two-core machine.
export default defineE2eProject(import.meta.dirname, { testTimeout: 180_000, hookTimeout: 300_000 });
