/**
 * The ESLint front end of the boundary engine: `boundariesConfig(workspaceRoot)` gives the flat-config
 * blocks that run `alphaswarm/boundaries` on every JavaScript and TypeScript file. The workspace's
 * `eslint.config.mjs` only wires it in.
 *
 * @packageDocumentation
 */
export { boundariesConfig, BOUNDARY_FILES } from './eslint/boundaries-config.js';
export { boundariesRule } from './eslint/boundaries-rule.js';
