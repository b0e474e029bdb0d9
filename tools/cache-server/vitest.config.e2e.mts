import { defineProject } from '../../vitest.shared.mjs';

// The `e2e` target: the real Nx client against the server, in throwaway workspaces.
export default defineProject(import.meta.dirname, {
  include: ['src/e2e/**/*.e2e.spec.ts', 'src/**/*.e2e.spec.ts'],
  testTimeout: 180_000,
  hookTimeout: 60_000,
});
