import type { WorkspaceGraph } from '../workspace-graph.js';
import type { GateCriterion } from './gate-report.js';
import { staticClosure } from './static-closure.js';

/** The tag of the checkout a split domain must be able to live without. */
export const monolithTag = 'domain:monolith';

/**
 * isolation: the static dependency closure of the domain's projects contains no project tagged
 * `domain:monolith`. The detail names each monolith project reached and the path to it.
 */
export function checkIsolation(domain: string, projects: readonly string[], graph: WorkspaceGraph): GateCriterion {
  const closure = staticClosure(graph, projects);
  const tags = new Map(graph.projects.map((project) => [project.name, project.tags]));
  const monolith = closure.projects.filter((project) => tags.get(project)?.includes(monolithTag));
  const implicit =
    closure.implicit.length > 0
      ? `; implicit edges, not counted: ${closure.implicit.map((edge) => `${edge.source} → ${edge.target}`).join(', ')}`
      : '';
  if (monolith.length === 0) {
    return { id: 'isolation', ok: true, detail: `static closure ${closure.projects.join(', ')} has no ${monolithTag} project${implicit}` };
  }
  const own = monolith.filter((project) => projects.includes(project));
  const reached = monolith
    .filter((project) => !projects.includes(project))
    .map((project) => `${project} (${closure.pathTo(project).join(' → ')})`);
  const parts = [
    ...(own.length > 0
      ? [
          `${own.join(', ')} ${own.length === 1 ? 'is' : 'are'} itself tagged ${monolithTag}: part of the monolith checkout, which stays; to split it, extract it into its own domain first`,
        ]
      : []),
    ...(reached.length > 0
      ? [
          `the static closure of ${domain} needs ${reached.join(', ')}: its CI cannot run without the monolith checkout until what it uses there moves to core or an extracted domain`,
        ]
      : []),
  ];
  return { id: 'isolation', ok: false, detail: `${parts.join('; ')}${implicit}` };
}
