import { compareApiSurface } from '@alphaswarm/api-report';
import type { WorkspaceProject } from '../workspace-graph.js';
import type { BaseRef, ProjectFacts } from './gate-facts.js';
import type { GateCriterion } from './gate-report.js';
import { changeKind, requiredVersion, satisfiesBump } from './required-bump.js';

/** `removed a, b; changed c; added d` */
function summary(change: ReturnType<typeof compareApiSurface>): string {
  return [
    change.removed.length > 0 ? `removed ${change.removed.join(', ')}` : '',
    change.changed.length > 0 ? `changed ${change.changed.join(', ')}` : '',
    change.added.length > 0 ? `added ${change.added.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * contracts: every project of the domain has an `api-report` target whose checked-in reports
 * match the built code, and every report that differs in API from the one at the base ref comes
 * with the version bump the change needs (removed or changed declarations: major, or minor below
 * 1.0; additions: at least minor). Comments, documentation and warnings are not API.
 */
export function checkContracts(
  projects: readonly WorkspaceProject[],
  facts: ReadonlyMap<string, ProjectFacts>,
  base: BaseRef,
): GateCriterion {
  const problems: string[] = [];
  const notes: string[] = [];
  if ('error' in base) problems.push(base.error);
  const since = 'ref' in base ? base.ref : 'the base';
  for (const project of projects) {
    const update = `pnpm nx run ${project.name}:api-report --update`;
    if (!('api-report' in project.targets)) {
      problems.push(
        `${project.name} has no api-report target: add "api-report": {} under nx.targets in ${project.root}/package.json, run \`${update}\` and commit ${project.root}/api/`,
      );
      continue;
    }
    const fact = facts.get(project.name);
    if (!fact) continue;
    if (!fact.apiReports.ok) {
      if ('error' in fact.apiReports)
        problems.push(
          `the API reports of ${project.name} could not be checked (${fact.apiReports.error}): run \`pnpm nx run ${project.name}:api-report\``,
        );
      else {
        for (const status of fact.apiReports.statuses.filter((candidate) => candidate.status !== 'ok')) {
          const line = /^@@ line (\d+)/.exec(status.diff ?? '')?.[1];
          problems.push(
            status.status === 'missing'
              ? `${project.root}/${status.report} is missing: run \`${update}\` and commit it`
              : `${project.root}/${status.report} does not match the code${line ? ` from line ${line}` : ''}: if the API change is intended run \`${update}\` and commit the report, otherwise restore the public API`,
          );
        }
      }
      continue;
    }
    if ('error' in base) continue;
    if (fact.baseVersion === undefined) {
      notes.push(`${project.name} is new since ${since}`);
      continue;
    }
    for (const report of fact.reports) {
      const path = `${project.root}/${report.report}`;
      const change = compareApiSurface(report.base ?? '', report.current ?? '');
      const kind = changeKind(change);
      if (kind === 'none') continue;
      const required = requiredVersion(fact.baseVersion, kind);
      const what = summary(change);
      if (required === undefined || fact.version === undefined || !satisfiesBump(fact.version, required)) {
        const why =
          kind === 'breaking'
            ? 'a removed or changed declaration needs a major bump (a minor one below 1.0)'
            : 'an addition needs at least a minor bump';
        problems.push(
          `${path} differs in API from ${since} (${what}): ${why}, so ${project.name} needs version ${required ?? 'a semver version'} or later, but ${project.root}/package.json says ${fact.version ?? 'none'}: bump the version, then run \`${update}\``,
        );
      } else notes.push(`${path} ${what} since ${since}, versioned ${fact.baseVersion} → ${fact.version}`);
    }
  }
  if (problems.length > 0) return { id: 'contracts', ok: false, detail: problems.join('; ') };
  const reports = projects.flatMap((project) =>
    (facts.get(project.name)?.reports ?? []).map((report) => `${project.root}/${report.report}@${facts.get(project.name)?.version ?? '?'}`),
  );
  return {
    id: 'contracts',
    ok: true,
    detail: `API reports match the code: ${reports.join(', ')}; ${notes.length > 0 ? notes.join('; ') : `no API change since ${since}`}`,
  };
}
