/**
 * Boundary checking at scale: the seeded synthetic workspace generator with its ground truth of
 * injected violations, and the benchmark of `pnpm boundaries` against the checkers users would
 * otherwise pick.
 *
 * @packageDocumentation
 */
export { BenchError } from './lib/bench-error.js';
export { generateWorkspace, BENCH_SCOPE } from './lib/generate-workspace.js';
export type { GenerateOptions, GeneratedWorkspace } from './lib/generate-workspace.js';
export { GROUND_TRUTH_FILE } from './lib/ground-truth.js';
export type { GroundTruth, InjectedViolation } from './lib/ground-truth.js';
export { writeWorkspace } from './lib/write-workspace.js';
