import type { WorkspaceProject } from '../workspace-graph.js';
import type { ProjectFacts } from './gate-facts.js';
import type { GateCriterion } from './gate-report.js';

/** semver.org's regular expression for a valid version. */
const semver =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Conditions that point at sources for the workspace, not at what the package ships. */
const sourceConditions = new Set(['@alphaswarm/source']);

/** Every file path an `exports` value points at (condition objects walked, source conditions skipped). */
export function exportedFiles(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (typeof exports !== 'object' || exports === null) return [];
  return Object.entries(exports).flatMap(([key, value]) => (sourceConditions.has(key) ? [] : exportedFiles(value)));
}

/** The fixed part of an Nx output glob (`packages/core/dist/**\/*.js` → `packages/core/dist/`). */
function outputPrefix(output: string): string {
  const glob = output.search(/[*?{[]/);
  return glob === -1 ? output : output.slice(0, glob);
}

/**
 * packaging: each project of the domain has a package.json with a name, a semver version and
 * `exports`; a `build` target whose declared outputs contain every file the exports point at
 * (sources for the workspace condition excepted); and that build succeeds.
 */
export function checkPackaging(projects: readonly WorkspaceProject[], facts: ReadonlyMap<string, ProjectFacts>): GateCriterion {
  const problems: string[] = [];
  const built: string[] = [];
  for (const project of projects) {
    const manifestPath = `${project.root}/package.json`;
    const fact = facts.get(project.name);
    const manifest = fact?.manifest;
    if (!manifest) {
      problems.push(`${manifestPath} is missing or not JSON: add one with name, version and exports`);
      continue;
    }
    if (typeof manifest['name'] !== 'string' || manifest['name'].length === 0)
      problems.push(`${manifestPath} has no "name": add the package name`);
    const version = manifest['version'];
    if (typeof version !== 'string' || !semver.test(version)) {
      problems.push(
        `${manifestPath} has ${typeof version === 'string' ? `version "${version}", not semver` : 'no "version"'}: set a semver version such as "0.1.0"`,
      );
    }
    const files = exportedFiles(manifest['exports']).filter((file) => !file.endsWith('package.json'));
    if (files.length === 0)
      problems.push(`${manifestPath} has no "exports" pointing at files: add an exports map (types first, then import/default)`);
    const build = project.targets['build'];
    if (!build) {
      problems.push(`${project.name} has no build target: give it a tsconfig.lib.json so the @nx/js/typescript plugin infers one`);
      continue;
    }
    const prefixes = build.outputs.map(outputPrefix);
    const unproduced = files.filter((file) => {
      const path = `${project.root}/${file.replace(/^\.\//, '')}`;
      return !prefixes.some((prefix) => path.startsWith(prefix));
    });
    if (unproduced.length > 0) {
      problems.push(
        `${manifestPath} exports ${unproduced.join(', ')}, which ${project.name}:build does not produce (outputs: ${build.outputs.join(', ') || 'none'}): point exports at the build output`,
      );
    }
    if (fact.build.ok) built.push(`${project.name}:build`);
    else problems.push(`${project.name}:build failed (${fact.build.error}): run \`pnpm nx build ${project.name}\` and fix it`);
  }
  if (projects.length === 0) problems.push('no project to package');
  if (problems.length > 0) return { id: 'packaging', ok: false, detail: problems.join('; ') };
  const names = projects.map(
    (project) => `${String(facts.get(project.name)?.manifest?.['name'])}@${String(facts.get(project.name)?.manifest?.['version'])}`,
  );
  return { id: 'packaging', ok: true, detail: `${names.join(', ')} with exports; ${built.join(', ')} produces them` };
}
