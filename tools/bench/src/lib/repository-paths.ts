import { join } from 'node:path';

/** The repository this package lives in (tools/bench/{src,dist}/lib → the root). */
export const repositoryRoot = join(import.meta.dirname, '../../../..');

/** The install the generated workspaces borrow: this package's own node_modules (nx, eslint, the plugins, the policy). */
export const benchNodeModules = join(import.meta.dirname, '../../node_modules');

/** The built CLIs of this package (the checkers run them as processes, also from the tests). */
export const benchCliFolder = join(import.meta.dirname, '../../dist/cli');
