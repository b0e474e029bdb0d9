import { defineE2eProject } from '../../vitest.shared.mjs';

// Each spec runs the real Nx client several times in throwaway workspaces.
export default defineE2eProject(import.meta.dirname, { testTimeout: 180_000, hookTimeout: 60_000 });
