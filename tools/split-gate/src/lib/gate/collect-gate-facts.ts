import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportedVersion, runApiReports } from '@alphaswarm/api-report';
import type { BoundaryViolation } from '../boundaries/boundary-violation.js';
import { runNx } from '../nx/run-nx.js';
import type { WorkspaceProject } from '../workspace-graph.js';
import type { GateFacts, ProjectFacts } from './gate-facts.js';

function readText(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function readManifest(path: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Read what the gate judges from disk: each project's README.md, AGENTS.md and package.json; build
 * the projects through Nx (cached when nothing changed) so the API reports are compared with
 * the current code; then run the API report check of each project that has the target.
 */
export function collectGateFacts(
  root: string,
  projects: readonly WorkspaceProject[],
  violations: readonly BoundaryViolation[],
  progress: (line: string) => void,
): GateFacts {
  const buildable = projects.filter((project) => 'build' in project.targets).map((project) => project.name);
  progress(`building ${buildable.length} project${buildable.length === 1 ? '' : 's'} (pnpm nx run-many -t build)`);
  const build =
    buildable.length > 0 ? runNx(root, ['run-many', '-t', 'build', '-p', buildable.join(',')]) : { ok: true, output: '', failedTasks: [] };
  const failed = new Set(build.failedTasks.map((task) => task.split(':')[0]));
  const buildError = (name: string): string | undefined => {
    if (build.ok) return undefined;
    if (failed.has(name)) return `see \`pnpm nx build ${name}\``;
    return failed.size === 0 ? `Nx exited with an error: ${build.output.trim().split('\n').slice(-3).join(' ')}` : undefined;
  };
  const facts = new Map<string, ProjectFacts>();
  for (const project of projects) {
    const dir = join(root, project.root);
    const error = buildError(project.name);
    let apiReports: ProjectFacts['apiReports'] = { ok: false, error: 'the build failed' };
    if (error === undefined && 'api-report' in project.targets) {
      progress(`checking the API reports of ${project.name}`);
      try {
        const statuses = runApiReports({ packageDir: dir, project: project.name });
        const reported = Object.fromEntries(
          statuses.map((status) => [status.report, reportedVersion(readText(join(dir, status.report)) ?? '')]),
        );
        apiReports = { ok: true, statuses, reported };
      } catch (caught) {
        apiReports = { ok: false, error: (caught as Error).message.split('\n')[0] ?? 'unknown error' };
      }
    }
    facts.set(project.name, {
      readme: readText(join(dir, 'README.md')),
      agents: readText(join(dir, 'AGENTS.md')),
      manifest: readManifest(join(dir, 'package.json')),
      build: error === undefined ? { ok: true } : { ok: false, error },
      apiReports,
    });
  }
  return { projects: facts, violations };
}
