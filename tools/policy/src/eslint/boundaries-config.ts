import type { ESLint, Linter } from 'eslint';
import { eslintIgnores } from '../lib/check/ignored-paths.js';
import { SOURCE_EXTENSIONS } from '../lib/specifiers/extract-specifiers.js';
import { PolicyError } from '../lib/policy-error.js';
import type { BoundaryWorkspace } from '../lib/workspace/boundary-workspace.js';
import { loadBoundaryWorkspace } from '../lib/workspace/load-boundary-workspace.js';
import { boundariesRule } from './boundaries-rule.js';

/** Every JavaScript and TypeScript file ({@link SOURCE_EXTENSIONS}), wherever it lives in a project. */
export const BOUNDARY_FILES: readonly string[] = [`**/*.{${SOURCE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`];

/**
 * The flat-config blocks that enforce the boundary policy of the workspace at `root`: ignore what
 * the engine never reads, and run `alphaswarm/boundaries` on every JavaScript and TypeScript file.
 * The policy is read and checked once per ESLint process, when the rule first runs (Nx also loads
 * this configuration to infer lint targets, and must not need a valid policy for that): an
 * inconsistent policy stops ESLint with the same `ASW-0NN` message `pnpm boundaries` prints, before
 * any file is judged.
 */
export function boundariesConfig(root: string): Linter.Config[] {
  let workspace: BoundaryWorkspace | undefined;
  const load = (): BoundaryWorkspace => {
    try {
      workspace ??= loadBoundaryWorkspace(root);
    } catch (error) {
      // ESLint prints a crash's stack; a user error is its message, as pnpm boundaries prints it.
      if (error instanceof PolicyError) error.stack = error.message;
      throw error;
    }
    return workspace;
  };
  const plugin: ESLint.Plugin = {
    meta: { name: '@alphaswarm/policy/eslint' },
    rules: { boundaries: boundariesRule(root, load) },
  };
  return [
    { name: 'alphaswarm/boundaries/ignores', ignores: eslintIgnores() },
    {
      name: 'alphaswarm/boundaries',
      files: [...BOUNDARY_FILES],
      plugins: { alphaswarm: plugin },
      rules: { 'alphaswarm/boundaries': 'error' },
    },
  ];
}
