/**
 * The AlphaSwarm workspace's Nx generators, for programmatic use (the CLI reads generators.json):
 * add a domain library, move a module behind a deprecation shim.
 *
 * @packageDocumentation
 */
export { domainGenerator } from './generators/domain/domain.js';
export { moveModuleGenerator } from './generators/move-module/move-module.js';
