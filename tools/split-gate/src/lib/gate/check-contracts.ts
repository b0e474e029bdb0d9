import type { WorkspaceProject } from '../workspace-graph.js';
import type { ProjectFacts } from './gate-facts.js';
import type { GateCriterion } from './gate-report.js';

/**
 * contracts: every project of the domain has an `api-report` target and a checked-in API report
 * per exported entry point that matches the built code and names the package's current version.
 */
export function checkContracts(projects: readonly WorkspaceProject[], facts: ReadonlyMap<string, ProjectFacts>): GateCriterion {
  const problems: string[] = [];
  const reports: string[] = [];
  for (const project of projects) {
    const update = `pnpm nx run ${project.name}:api-report --update`;
    if (!('api-report' in project.targets)) {
      problems.push(
        `${project.name} has no api-report target: add "api-report": {} under nx.targets in ${project.root}/package.json, run \`${update}\` and commit ${project.root}/api/`,
      );
      continue;
    }
    const fact = facts.get(project.name);
    if (!fact || !fact.apiReports.ok) {
      problems.push(
        `the API reports of ${project.name} could not be checked (${fact && !fact.apiReports.ok ? fact.apiReports.error : 'no facts'}): run \`pnpm nx run ${project.name}:api-report\``,
      );
      continue;
    }
    const version = fact.manifest?.['version'];
    for (const status of fact.apiReports.statuses) {
      const path = `${project.root}/${status.report}`;
      const reported = fact.apiReports.reported[status.report];
      if (status.status === 'missing') problems.push(`${path} is missing: run \`${update}\` and commit it`);
      else if (status.status === 'changed' && reported !== undefined && reported !== version) {
        problems.push(`${path} describes version ${reported} but the package is ${String(version)}: run \`${update}\` and commit it`);
      } else if (status.status === 'changed') {
        const line = /^@@ line (\d+)/.exec(status.diff ?? '')?.[1];
        problems.push(
          `${path} does not match the code${line ? ` from line ${line}` : ''}: if the API change is intended run \`${update}\` and commit the report, otherwise restore the public API`,
        );
      } else reports.push(`${path}@${String(version)}`);
    }
  }
  if (problems.length > 0) return { id: 'contracts', ok: false, detail: problems.join('; ') };
  return { id: 'contracts', ok: true, detail: `API reports match the code: ${reports.join(', ')}` };
}
