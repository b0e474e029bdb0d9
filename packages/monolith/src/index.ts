/**
 * The monolith runtime (`alphaswarm.*`). Legacy subpaths `./rl`, `./ml`, `./llm/vllm-runner` and
 * `./llm/ollama-client` are deprecation shims; new code imports the extracted packages directly.
 *
 * @packageDocumentation
 */
export { legacyImports, replacementFor } from './legacy-imports.js';
export type { LegacyImport } from './legacy-imports.js';
