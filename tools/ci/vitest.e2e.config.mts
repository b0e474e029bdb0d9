import { defineE2eProject } from '../../vitest.shared.mjs';

// Each spec clones the repository into a temporary folder, installs it and runs Nx there.
export default defineE2eProject(import.meta.dirname, { testTimeout: 600_000, hookTimeout: 300_000 });
