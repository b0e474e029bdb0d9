import { staticClosure } from '../gate/static-closure.js';
import type { WorkspaceGraph } from '../workspace-graph.js';

/**
 * The target that runs the split gate on a domain. Its tooling (split-gate itself) judges the
 * domain from the monorepo; it is not something the domain needs to build and validate alone.
 */
export const gateTarget = 'gate';

/**
 * The tooling projects `--deep` assembles next to a domain's code: the projects the code's targets
 * name in `dependsOn` (e.g. api-report for the `api-report` target), with their static closure,
 * minus the code itself and the monolith. The `gate` target's own tooling is left out.
 */
export function deepTooling(graph: WorkspaceGraph, code: readonly string[], isMonolith: (name: string) => boolean): readonly string[] {
  const byName = new Map(graph.projects.map((project) => [project.name, project]));
  const named = code
    .flatMap((name) =>
      Object.entries(byName.get(name)?.targets ?? {})
        .filter(([target]) => target !== gateTarget)
        .flatMap(([, target]) => target.dependsOnProjects),
    )
    .filter((name) => !code.includes(name));
  return staticClosure(graph, named).projects.filter((name) => !isMonolith(name) && !code.includes(name));
}
