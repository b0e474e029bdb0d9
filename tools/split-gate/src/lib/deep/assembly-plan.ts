import type { Policy } from '@alphaswarm/policy';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainValidationCommands, requiredTargets } from '../gate/check-docs.js';
import { monolithTag } from '../gate/check-isolation.js';
import { taskClosure } from '../gate/task-closure.js';
import type { NxTask } from '../gate/validation-commands.js';
import { projectsOfDomain } from '../gate/evaluate-gate.js';
import { staticClosure, type StaticClosure } from '../gate/static-closure.js';
import { SplitGateError } from '../split-gate-error.js';
import type { WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';

/** Root files a workspace needs to install, build, lint and test its projects (copied when present). */
export const rootFiles = [
  'pnpm-workspace.yaml',
  'nx.json',
  'tsconfig.base.json',
  'eslint.config.mjs',
  'vitest.shared.mjs',
  '.npmrc',
  '.gitignore',
  'tools/policy/policy.json',
  'tools/split-gate/task-results-plugin.mjs',
];

/** What a deep proof of a domain assembles. */
export interface AssemblyPlan {
  readonly domain: string;
  /** The domain's own projects. */
  readonly own: readonly WorkspaceProject[];
  readonly closure: StaticClosure;
  /** domain:monolith projects the static closure needs; they are left out. */
  readonly monolithNeeded: readonly string[];
  /** Every project copied: the closure without the monolith, and the tooling the validation tasks need. */
  readonly assembled: readonly WorkspaceProject[];
  /** The validation tasks the proof runs: the documented ones, or lint, typecheck, build and test when none are. */
  readonly tasks: readonly NxTask[];
  /** Whether `tasks` come from the domain's README.md / AGENTS.md. */
  readonly documented: boolean;
  /** The files of the assembled projects as Nx sees them (ignored files left out), sorted. */
  readonly projectFiles: readonly string[];
}

/** The validation tasks of a domain: from its README.md and AGENTS.md, or lint, typecheck, build and test when none are documented. */
export function validationTasks(root: string, policy: Policy, own: readonly WorkspaceProject[]): { tasks: NxTask[]; documented: boolean } {
  const read = (project: WorkspaceProject, file: string): string | undefined =>
    existsSync(join(root, project.root, file)) ? readFileSync(join(root, project.root, file), 'utf8') : undefined;
  const names = own.map((project) => project.name);
  const docs = new Map(own.map((project) => [project.name, { readme: read(project, 'README.md'), agents: read(project, 'AGENTS.md') }]));
  const documented = domainValidationCommands(docs, names, policy.integrationTests ?? []).flatMap((command) =>
    command.tasks.filter((task) => names.includes(task.project)),
  );
  if (documented.length > 0) return { tasks: documented, documented: true };
  return {
    tasks: own.flatMap((project) =>
      requiredTargets.filter((target) => target in project.targets).map((target) => ({ project: project.name, target })),
    ),
    documented: false,
  };
}

/**
 * The domain's projects, their static dependency closure without any domain:monolith project,
 * and the tooling projects the validation tasks need (`api-report`, whose build the `api-report`
 * target needs), with the files of each as the Nx project graph lists them.
 */
export function assemblyPlan(root: string, policy: Policy, graph: WorkspaceGraph, domain: string): AssemblyPlan {
  const own = projectsOfDomain(policy, graph, domain);
  if (own.length === 0) throw new SplitGateError('ASW-1208', `no project carries the tags of ${domain}: nothing to assemble`);
  const byName = new Map(graph.projects.map((project) => [project.name, project]));
  const closure = staticClosure(
    graph,
    own.map((project) => project.name),
  );
  const isMonolith = (name: string): boolean => byName.get(name)?.tags.includes(monolithTag) === true;
  const code = closure.projects.filter((name) => !isMonolith(name));
  const { tasks, documented } = validationTasks(root, policy, own);
  const needed = taskClosure(graph, tasks).tasks.map((id) => id.slice(0, id.indexOf(':')));
  const tooling = staticClosure(
    graph,
    [...new Set(needed)].filter((name) => !code.includes(name)),
  ).projects.filter((name) => !isMonolith(name) && !code.includes(name));
  const assembled = [...code, ...tooling]
    .map((name) => byName.get(name))
    .filter((project): project is WorkspaceProject => project !== undefined);
  const names = new Set(assembled.map((project) => project.name));
  return {
    domain,
    own,
    closure,
    monolithNeeded: closure.projects.filter(isMonolith),
    assembled,
    tasks,
    documented,
    projectFiles: graph.files
      .filter((file) => names.has(file.project))
      .map((file) => file.file)
      .sort(),
  };
}
