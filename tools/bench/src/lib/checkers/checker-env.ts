import { join } from 'node:path';
import { benchNodeModules } from '../repository-paths.js';

/**
 * The environment every checker runs with: no Nx daemon or cloud, no colours, no terminal UI, and
 * no NODE_PATH (pnpm's bin shims set it; it would let tools resolve into the repository).
 */
export function checkerEnv(): NodeJS.ProcessEnv {
  const { NODE_PATH: _nodePath, ...inherited } = process.env;
  return { ...inherited, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', NO_COLOR: '1', CI: 'true' };
}

/** The absolute path of a file inside an installed package of this tool (`eslint`, `bin/eslint.js`). */
export function packageFile(name: string, file: string): string {
  return join(benchNodeModules, name, file);
}
