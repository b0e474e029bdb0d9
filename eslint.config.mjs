// Flat ESLint config for the whole workspace: wiring only. Module boundaries are not written here:
// the boundary engine of tools/policy (`@alphaswarm/policy/eslint`, the same code `pnpm boundaries`
// runs) reads tools/policy/policy.json and judges every JavaScript and TypeScript file.
import nx from '@nx/eslint-plugin';
import { boundariesConfig, BOUNDARY_FILES } from '@alphaswarm/policy/eslint';

export default [
  // Base JavaScript and TypeScript rules from Nx.
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  // Module boundaries on every source of every project, and the folders the engine never reads (installs, build output, caches).
  ...boundariesConfig(import.meta.dirname),
  // Unused values are mistakes; an underscore marks a deliberate one.
  {
    files: [...BOUNDARY_FILES],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
