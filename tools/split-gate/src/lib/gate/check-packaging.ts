import type { WorkspaceProject } from '../workspace-graph.js';
import type { ProjectFacts } from './gate-facts.js';
import type { GateCriterion } from './gate-report.js';

/**
 * packaging: every project of the domain passes its `package-check` (the files its manifest names
 * exist after the build, `pnpm pack` ships them and no sources or tests, the tarball installs into
 * an empty folder outside the workspace and imports with plain Node, its types resolve with tsc).
 */
export function checkPackaging(projects: readonly WorkspaceProject[], facts: ReadonlyMap<string, ProjectFacts>): GateCriterion {
  const problems: string[] = [];
  const passed: string[] = [];
  for (const project of projects) {
    const fact = facts.get(project.name);
    if (!('package-check' in project.targets)) {
      problems.push(
        `${project.name} has no package-check target: add "package-check": {} under nx.targets in ${project.root}/package.json`,
      );
      continue;
    }
    if (!fact || !('record' in fact.packaging)) {
      problems.push(fact && 'notChecked' in fact.packaging ? fact.packaging.notChecked : `${project.name} was not checked`);
      continue;
    }
    const { record } = fact.packaging;
    if (record.ok) passed.push(`${record.package ?? project.name}: ${record.checked.join('; ')}`);
    else problems.push(...record.problems);
  }
  if (projects.length === 0) problems.push('no project to package');
  if (problems.length > 0) return { id: 'packaging', ok: false, detail: problems.join('; ') };
  return { id: 'packaging', ok: true, detail: passed.join(' — ') };
}
