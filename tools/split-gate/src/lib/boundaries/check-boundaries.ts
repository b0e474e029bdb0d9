import type { Policy } from '@alphaswarm/policy';
import type { WorkspaceGraph } from '../workspace-graph.js';
import type { BoundaryViolation } from './boundary-violation.js';
import { evaluateBoundaries } from './evaluate-boundaries.js';
import { filesNeedingSource } from './files-needing-source.js';
import { readSourceSpecifiers } from './read-source-specifiers.js';
import { sourcePrefilter } from './source-prefilter.js';

/** The boundary verdict of a workspace, with what it looked at. */
export interface BoundaryReport {
  readonly violations: readonly BoundaryViolation[];
  readonly summary: {
    readonly projects: number;
    readonly files: number;
    /** File-level dependency edges judged. */
    readonly edges: number;
    /** Files whose source text was read because the graph could not tell. */
    readonly scanned: number;
    /** Of those, files a substring test could not rule out, so TypeScript pre-processed them. */
    readonly parsed: number;
    readonly violations: number;
  };
}

/** Judge every file of the workspace graph against the policy, reading only the sources it must. */
export function checkBoundaries(root: string, policy: Policy, graph: WorkspaceGraph): BoundaryReport {
  const scanned = filesNeedingSource(policy, graph);
  const { specifiers, parsed } = readSourceSpecifiers(root, scanned, sourcePrefilter(policy, graph));
  const violations = evaluateBoundaries(policy, graph, specifiers);
  return {
    violations,
    summary: {
      projects: graph.projects.length,
      files: graph.files.length,
      edges: graph.files.reduce((count, file) => count + file.deps.length, 0),
      scanned: scanned.length,
      parsed,
      violations: violations.length,
    },
  };
}
