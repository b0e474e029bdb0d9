import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectGraphAsync, readJsonFile, type NxJsonConfiguration, type ProjectGraph } from '@nx/devkit';
import { domainOfTags, findDomain, loadPolicy } from '@alphaswarm/policy';
import { CiError } from '../ci-error.js';
import { nxJson } from '../nx/nx-command.js';
import { readTaskGraph, type TaskGraph } from '../nx/task-graph.js';
import { runNxTasks } from '../nx/task-results.js';
import { VALIDATION_TARGETS, type AffectedReport, type RanTask } from './affected-report.js';
import { changedFiles } from './changed-files.js';
import { explainProject, type ProjectFacts } from './explain-projects.js';
import { resolveRange } from './resolve-range.js';
import { rootInputsOf } from './root-inputs.js';
import { prerequisitesOf, selectTasks, type TaskChoice } from './select-tasks.js';

/** The options of {@link runAffected}. */
export interface AffectedOptions {
  /** One domain or several (each gets its own report). */
  readonly domains: readonly string[];
  readonly base?: string | undefined;
  readonly head?: string | undefined;
  readonly targets?: readonly string[] | undefined;
  /** Decide and report, run nothing. */
  readonly dryRun: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly progress: (line: string) => void;
}

const projectOf = (task: string): string => task.slice(0, task.lastIndexOf(':'));
const targetOf = (task: string): string => task.slice(task.lastIndexOf(':') + 1);

/** The domain's workspace projects, as the policy assigns them by tags. */
export function projectsOfDomain(
  graph: ProjectGraph,
  domain: string,
  tagsToDomain: (tags: readonly string[]) => string | undefined,
): string[] {
  return Object.values(graph.nodes)
    .filter((node) => tagsToDomain(node.data.tags ?? []) === domain)
    .map((node) => node.name)
    .sort();
}

/** Group chosen tasks into Nx invocations: projects that run the same targets share one `run-many`. */
export function commandsFor(chosen: readonly string[]): { targets: string[]; projects: string[] }[] {
  const byProject = new Map<string, string[]>();
  for (const task of chosen) byProject.set(projectOf(task), [...(byProject.get(projectOf(task)) ?? []), targetOf(task)]);
  const groups = new Map<string, { targets: string[]; projects: string[] }>();
  for (const [project, targets] of [...byProject].sort(([a], [b]) => a.localeCompare(b))) {
    const key = [...targets].sort().join(',');
    const group = groups.get(key) ?? { targets: [...targets].sort(), projects: [] };
    group.projects.push(project);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const commandText = (group: { targets: string[]; projects: string[] }): string =>
  `pnpm exec nx run-many -t ${group.targets.join(',')} -p ${group.projects.join(',')}`;

/**
 * `pnpm affected <domain…>`: for each domain, its projects that Nx counts as affected between base
 * and head, and of their validation tasks those whose inputs changed — then (unless a dry run) run
 * them with Nx (its cache and task dependencies apply) and report what ran. With nothing affected
 * nothing runs. The project graph, Nx's affected set and the task graph are computed once for all
 * the domains named.
 */
export async function runAffected(root: string, options: AffectedOptions): Promise<AffectedReport[]> {
  const policy = loadPolicy(root);
  for (const domain of options.domains) {
    if (findDomain(policy, domain) === undefined) {
      throw new CiError(
        'ASW-961',
        `unknown domain "${domain}"; the policy's domains are: ${policy.domains.map((candidate) => candidate.name).join(', ')}`,
      );
    }
  }
  const targets = options.targets && options.targets.length > 0 ? [...options.targets] : [...VALIDATION_TARGETS];
  const range = resolveRange(root, { base: options.base, head: options.head, env: options.env });
  const changed = changedFiles(root, range);
  options.progress(
    `comparing ${range.mergeBase.slice(0, 12)} (${range.baseSource}: ${range.base}) with ${range.head ?? 'the working tree'}: ${changed.length} changed file${changed.length === 1 ? '' : 's'}`,
  );
  const graph = await createProjectGraphAsync({ exitOnError: false });
  const projectsOf = new Map(
    options.domains.map((domain) => [domain, projectsOfDomain(graph, domain, (tags) => domainOfTags(policy, tags)?.name)]),
  );
  const candidates = [...new Set([...projectsOf.values()].flat())].sort();
  const rangeArgs = [`--base=${range.base}`, ...(range.head === undefined ? [] : [`--head=${range.head}`])];
  const affectedAll =
    candidates.length === 0 || changed.length === 0
      ? []
      : (nxJson(root, ['show', 'projects', '--affected', ...rangeArgs, '-p', candidates.join(','), '--json']) as string[]);
  const taskGraph: TaskGraph | undefined = affectedAll.length > 0 ? readTaskGraph(root, targets, affectedAll.sort()) : undefined;
  const namedInputs = readJsonFile<NxJsonConfiguration>(join(root, 'nx.json')).namedInputs;
  const facts: ProjectFacts = {
    roots: new Map(Object.values(graph.nodes).map((node) => [node.name, node.data.root])),
    dependencies: new Map(
      Object.entries(graph.dependencies).map(([name, edges]) => [
        name,
        edges.map((edge) => edge.target).filter((target) => graph.nodes[target] !== undefined),
      ]),
    ),
    rootInputs: new Map(
      Object.values(graph.nodes).map((node) => [
        node.name,
        rootInputsOf(node.data.targets ?? {}, { ...(namedInputs ?? {}), ...(node.data.namedInputs ?? {}) }),
      ]),
    ),
  };
  return options.domains.map((domain) => {
    const domainProjects = projectsOf.get(domain) ?? [];
    const affected = affectedAll.filter((name) => domainProjects.includes(name)).sort();
    const base = {
      domain,
      domainProjects,
      base: range.base,
      baseSource: range.baseSource,
      head: range.head ?? null,
      mergeBase: range.mergeBase,
      targets,
      changedFiles: changed,
      dryRun: options.dryRun,
    };
    if (affected.length === 0 || taskGraph === undefined) return { ...base, projects: [], tasks: [], commands: [], ran: [], ok: true };
    return planAndRun(root, base, affected, taskGraph, facts, changed, targets, options);
  });
}

function planAndRun(
  root: string,
  base: Omit<AffectedReport, 'projects' | 'tasks' | 'commands' | 'ran' | 'ok'>,
  affected: readonly string[],
  taskGraph: TaskGraph,
  facts: ProjectFacts,
  changed: AffectedReport['changedFiles'],
  targets: readonly string[],
  options: AffectedOptions,
): AffectedReport {
  const projects = affected.map((name) => ({ name, reasons: explainProject(name, changed, facts, taskGraph) }));
  const requested = taskGraph.tasks.filter((task) => affected.includes(projectOf(task)) && targets.includes(targetOf(task)));
  const tasks: TaskChoice[] = selectTasks(requested, taskGraph, changed, facts.roots);
  const chosen = tasks.filter((task) => task.chosen).map((task) => task.id);
  const groups = commandsFor(chosen);
  const commands = groups.map(commandText);
  const prerequisites = new Set(prerequisitesOf(chosen, taskGraph));
  const changedInputs = new Set(
    selectTasks([...prerequisites], taskGraph, changed, facts.roots)
      .filter((task) => task.chosen)
      .map((task) => task.id),
  );
  const inputsChanged = (id: string): boolean => chosen.includes(id) || changedInputs.has(id);
  if (options.dryRun || chosen.length === 0) {
    const ran: RanTask[] = options.dryRun
      ? [...chosen, ...prerequisites]
          .sort()
          .map((id) => ({ id, status: 'planned', prerequisite: prerequisites.has(id), inputsChanged: inputsChanged(id) }))
      : [];
    return { ...base, projects, tasks, commands, ran, ok: true };
  }
  const ran = new Map<string, RanTask>();
  let ok = true;
  for (const group of groups) {
    options.progress(`running ${commandText(group)}`);
    const run = runNxTasks(root, ['run-many', '-t', group.targets.join(','), '-p', group.projects.join(','), '--output-style=static']);
    if (run.exitCode !== 0) ok = false;
    for (const [id, result] of run.results)
      ran.set(id, { id, status: result.status, prerequisite: !chosen.includes(id), inputsChanged: inputsChanged(id) });
    for (const id of chosen.filter((task) => group.projects.includes(projectOf(task)) && !run.results.has(task))) {
      ran.set(id, { id, status: run.exitCode === 0 ? 'not-reported' : 'not-run', prerequisite: false, inputsChanged: true });
      ok = false;
    }
  }
  return { ...base, projects, tasks, commands, ran: [...ran.values()].sort((a, b) => a.id.localeCompare(b.id)), ok };
}

/** In GitHub Actions, tell later steps whether the domain was affected (`steps.<id>.outputs.affected`). */
export function writeGithubOutput(reports: readonly AffectedReport[], env: Readonly<Record<string, string | undefined>>): void {
  const file = env['GITHUB_OUTPUT'];
  if (file) appendFileSync(file, `affected=${reports.some((report) => report.projects.length > 0)}\n`);
}
