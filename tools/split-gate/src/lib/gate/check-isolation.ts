import type { WorkspaceGraph } from '../workspace-graph.js';
import type { GateCriterion } from './gate-report.js';
import { staticClosure } from './static-closure.js';
import { taskClosure } from './task-closure.js';
import type { ValidationCommand } from './validation-commands.js';

/** The tag of the checkout a split domain must be able to live without. */
export const monolithTag = 'domain:monolith';
/** Workspace tooling (the API report tool, the policy): it travels with every domain as a dev tool. */
export const toolingTag = 'domain:tooling';

/**
 * isolation, by what CI would run: the static dependency closure of the domain's projects holds
 * no `domain:monolith` project; the domain's validation tasks, and every task Nx would run before
 * them, stay inside that closure (workspace tooling aside). Integration tests — their own targets,
 * declared in the policy — are never validation tasks, so they may reach further. The detail names
 * each monolith project reached and the path to it, and, from `uses`, what the domain's files
 * import from the monolith projects they import directly.
 */
export function checkIsolation(
  domain: string,
  projects: readonly string[],
  graph: WorkspaceGraph,
  validation: readonly ValidationCommand[],
  uses: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = new Map(),
): GateCriterion {
  const closure = staticClosure(graph, projects);
  const tags = new Map(graph.projects.map((project) => [project.name, project.tags]));
  const problems: string[] = [];
  const monolith = closure.projects.filter((project) => tags.get(project)?.includes(monolithTag));
  const own = monolith.filter((project) => projects.includes(project));
  if (own.length > 0) {
    problems.push(
      `${own.join(', ')} ${own.length === 1 ? 'is' : 'are'} itself tagged ${monolithTag}: part of the monolith checkout, which stays; to split it, extract it into its own domain first`,
    );
  }
  const reached = monolith.filter((project) => !projects.includes(project));
  if (reached.length > 0) {
    problems.push(
      `the static closure of ${domain} needs ${reached.map((project) => `${project} (${closure.pathTo(project).join(' → ')})`).join(', ')}: its CI cannot run without the monolith checkout until what it uses there moves to core or an extracted domain`,
    );
  }
  problems.push(...usedNames(domain, projects, monolith, uses));
  const tasks = validation.flatMap((command) => command.tasks).filter((task) => projects.includes(task.project));
  const reach = taskClosure(graph, tasks);
  const outside = reach.tasks.filter((id) => {
    const project = id.slice(0, id.indexOf(':'));
    return !closure.projects.includes(project) && !tags.get(project)?.includes(toolingTag);
  });
  for (const id of outside) {
    const path = reach.pathTo(id);
    problems.push(
      `${path[0] ?? id} needs ${id} (${path.join(' → ')}), outside the static closure ${closure.projects.join(', ')}: a test that needs another project is an integration test — move it into its own target, declare it in integrationTests of tools/policy/policy.json and keep it out of the validation commands`,
    );
  }
  if (problems.length > 0) return { id: 'isolation', ok: false, detail: problems.join('; ') };
  const tooling = [
    ...new Set(reach.tasks.map((id) => id.slice(0, id.indexOf(':'))).filter((project) => tags.get(project)?.includes(toolingTag))),
  ];
  return {
    id: 'isolation',
    ok: true,
    detail: `static closure ${closure.projects.join(', ')} has no ${monolithTag} project; its validation tasks and the tasks they need (${reach.tasks.length} in all) stay inside it${tooling.length > 0 ? ` (tooling: ${tooling.join(', ')})` : ''}`,
  };
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
