import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { entryPoints, runApiReports, type PackageManifest } from '@alphaswarm/api-report';
import type { Policy } from '@alphaswarm/policy';
import type { BoundaryViolation } from '../boundaries/boundary-violation.js';
import { assemblyPlan } from '../deep/assembly-plan.js';
import { deepFingerprint } from '../deep/deep-fingerprint.js';
import { deepRecordPath, parseDeepRecord } from '../deep/deep-record.js';
import { fileAt, resolveBase } from '../git/base-ref.js';
import { fromCache, runNxTasks, succeeded, type NxTaskRun } from '../nx/run-nx-tasks.js';
import { packageRecordPath, parsePackageRecord } from '../package/package-record.js';
import type { WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';
import { projectsOfDomain } from './evaluate-gate.js';
import type { DeepFacts, GateFacts, ProjectFacts, ReportAtBase } from './gate-facts.js';

function readText(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** What the gate collects, and how. */
export interface CollectOptions {
  /** Run the deep proofs of the domains (cached by Nx) instead of only reading them. */
  readonly deep: boolean;
  /** The ref the contracts criterion compares with; the merge base with the default branch when undefined. */
  readonly base: string | undefined;
  readonly progress: (line: string) => void;
}

/** The targets the gate runs for each project, in this order, when the project has them. */
const checkTargets = ['build', 'api-report', 'package-check'] as const;

/** Why a task Nx was asked to run has no result to read: its own failure, or the failure of a task it needs. */
function whyNot(run: NxTaskRun, id: string, retry: string): string {
  const result = run.results.get(id);
  const failed = [...run.results].filter(([, candidate]) => candidate.status === 'failure').map(([task]) => task);
  if (result?.status === 'failure') return `${id} failed: run \`${retry}\` to see why`;
  if (failed.length > 0) return `${id} did not run because ${failed.join(', ')} failed: run \`pnpm nx run ${failed[0]}\` and fix it`;
  const said = run.output.trim().split('\n').slice(-2).join(' ');
  return `${id} did not run (${run.ok ? 'Nx skipped it' : `Nx failed${said ? `: ${said}` : ', its output is above'}`}): run \`${retry}\``;
}

function manifestOf(root: string, project: WorkspaceProject): (PackageManifest & { version?: string }) | undefined {
  try {
    return JSON.parse(readFileSync(join(root, project.root, 'package.json'), 'utf8')) as PackageManifest;
  } catch {
    return undefined;
  }
}

/**
 * Read and run what the gate judges: build, check the API reports of and package-check the
 * domains' projects through Nx (cached when nothing changed; task results from Nx's
 * postTasksExecution hook, records from the tasks' outputs), read README.md and AGENTS.md, read
 * each API report and version at the base ref from git, and read each domain's deep proof — running
 * it first with `deep` — and whether it is fresh for the files the workspace has now.
 */
export function collectGateFacts(
  root: string,
  policy: Policy,
  graph: WorkspaceGraph,
  domains: readonly string[],
  violations: readonly BoundaryViolation[],
  options: CollectOptions,
): GateFacts {
  const projects = domains.flatMap((domain) => projectsOfDomain(policy, graph, domain));
  const names = projects.map((project) => project.name);
  for (const name of names) rmSync(join(root, packageRecordPath(name)), { force: true });
  const targets = [...checkTargets, ...(options.deep ? ['deep-proof'] : [])].filter((target) =>
    projects.some((project) => target in project.targets),
  );
  options.progress(
    `running ${targets.join(', ')} for ${names.join(', ')} through Nx (cached when nothing changed)${options.deep ? '; a deep proof that is not cached assembles and validates its domain alone, which takes minutes' : ''}`,
  );
  const run: NxTaskRun =
    targets.length > 0 && names.length > 0
      ? runNxTasks(root, ['run-many', '-t', ...targets, '-p', names.join(',')], process.env, { visible: true })
      : { ok: true, output: '', results: new Map() };
  const base = resolveBase(root, options.base);
  const facts = new Map<string, ProjectFacts>();
  for (const project of projects) {
    const dir = join(root, project.root);
    const manifest = manifestOf(root, project);
    const record = parsePackageRecord(readText(join(root, packageRecordPath(project.name))));
    const packaging: ProjectFacts['packaging'] = record
      ? { record }
      : { notChecked: whyNot(run, `${project.name}:package-check`, `pnpm nx run ${project.name}:package-check`) };
    let apiReports: ProjectFacts['apiReports'] = { ok: true };
    if ('api-report' in project.targets && !succeeded(run.results.get(`${project.name}:api-report`))) {
      if (run.results.get(`${project.name}:api-report`)?.status === 'failure') {
        options.progress(`reading why the API reports of ${project.name} differ`);
        try {
          apiReports = { ok: false, statuses: runApiReports({ packageDir: dir, project: project.name }) };
        } catch (caught) {
          apiReports = { ok: false, error: (caught as Error).message.split('\n')[0] ?? 'unknown error' };
        }
      } else apiReports = { ok: false, error: whyNot(run, `${project.name}:api-report`, `pnpm nx run ${project.name}:api-report`) };
    }
    let reports: ReportAtBase[] = [];
    let baseVersion: string | undefined;
    if ('commit' in base && manifest) {
      const before = fileAt(root, base.commit, `${project.root}/package.json`);
      baseVersion = before === undefined ? undefined : (JSON.parse(before) as { version?: string }).version;
      try {
        reports = entryPoints(manifest).map((entry) => ({
          report: entry.report,
          current: readText(join(dir, entry.report)),
          base: fileAt(root, base.commit, `${project.root}/${entry.report}`),
        }));
      } catch {
        reports = [];
      }
    }
    facts.set(project.name, {
      readme: readText(join(dir, 'README.md')),
      agents: readText(join(dir, 'AGENTS.md')),
      packaging,
      apiReports,
      version: typeof manifest?.version === 'string' ? manifest.version : undefined,
      baseVersion,
      reports,
    });
  }
  const deep = new Map<string, DeepFacts>();
  for (const domain of domains) {
    const prover = projectsOfDomain(policy, graph, domain).find((project) => 'deep-proof' in project.targets);
    if (!prover) {
      deep.set(domain, {
        record: undefined,
        fresh: false,
        notComputed: `no project of ${domain} has a deep-proof target: add "deep-proof": {} under nx.targets in its package.json`,
      });
      continue;
    }
    const record = parseDeepRecord(readText(join(root, deepRecordPath(prover.name))));
    const fresh = record !== undefined && record.fingerprint === deepFingerprint(root, assemblyPlan(root, policy, graph, domain));
    const id = `${prover.name}:deep-proof`;
    const result = run.results.get(id);
    const notComputed = !options.deep
      ? undefined
      : !succeeded(result)
        ? whyNot(run, id, `pnpm nx run ${id}`)
        : fromCache(result) && !fresh
          ? `Nx restored a proof from its cache that was computed for other files, so the deep-proof inputs in nx.json miss a file the proof assembles: fix them, then run \`pnpm nx run ${id} --skip-nx-cache\``
          : undefined;
    deep.set(domain, { record, fresh, ...(notComputed ? { notComputed } : {}) });
  }
  return { projects: facts, violations, base, deep };
}
