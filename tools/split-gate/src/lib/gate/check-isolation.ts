import type { WorkspaceGraph } from '../workspace-graph.js';
import type { GateCriterion } from './gate-report.js';
import { staticClosure } from './static-closure.js';

/** The tag of the checkout a split domain must be able to live without. */
export const monolithTag = 'domain:monolith';

/**
 * isolation: the static dependency closure of the domain's projects contains no project tagged
 * `domain:monolith`. The detail names each monolith project reached and the path to it, and,
 * from `uses`, what the domain's files import from the monolith projects they import directly.
 */
export function checkIsolation(
  domain: string,
  projects: readonly string[],
  graph: WorkspaceGraph,
  uses: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = new Map(),
): GateCriterion {
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
    ...usedNames(domain, projects, monolith, uses),
  ];
  return { id: 'isolation', ok: false, detail: `${parts.join('; ')}${implicit}` };
}

/** `<domain> uses from <project>: <names>; from <project>: <names>` for the monolith projects the domain imports directly. */
function usedNames(
  domain: string,
  projects: readonly string[],
  monolith: readonly string[],
  uses: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>,
): string[] {
  const byTarget = new Map<string, Set<string>>();
  for (const project of projects)
    for (const [target, names] of uses.get(project) ?? [])
      if (monolith.includes(target) && !projects.includes(target))
        byTarget.set(target, new Set([...(byTarget.get(target) ?? []), ...names]));
  const parts = [...byTarget]
    .filter(([, names]) => names.size > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([target, names]) => `from ${target}: ${[...names].sort((a, b) => a.localeCompare(b)).join(', ')}`);
  return parts.length > 0 ? [`${domain} uses ${parts.join('; ')}`] : [];
}
