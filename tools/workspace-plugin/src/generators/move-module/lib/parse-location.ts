import { PolicyError } from '@alphaswarm/policy';
import type { WorkspaceProject } from '../../../lib/workspace-projects.js';

/** `--from` / `--to` as a project and a path under its `src/`; refuses unknown projects (ASW-1320), a missing path (ASW-1321) and paths that leave `src/` (ASW-1322). */
export function parseLocation(
  value: unknown,
  flag: '--from' | '--to',
  projects: readonly WorkspaceProject[],
  needsPath: boolean,
): { project: WorkspaceProject; path?: string } {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PolicyError(
      'ASW-1320',
      `${flag} is required: ${flag}=${flag === '--from' ? '<project>:<path under src/>' : '<project>[:<path under src/>]'}.`,
    );
  }
  const [name = '', ...rest] = value.trim().split(':');
  const project = projects.find((candidate) => candidate.name === name);
  if (!project)
    throw new PolicyError(
      'ASW-1320',
      `${flag}=${value} names unknown project "${name}"; projects: ${projects.map((candidate) => candidate.name).join(', ')}.`,
    );
  if (rest.length === 0 || rest.join(':').trim() === '') {
    if (needsPath)
      throw new PolicyError(
        'ASW-1321',
        `${flag}=${value} needs a module path: ${flag}=${name}:<path under src/>, a file (lib/progress.ts) or a folder (registry).`,
      );
    return { project };
  }
  const raw = rest.join(':').trim();
  const path = raw
    .replace(/^\.\//, '')
    .replace(/^src\//, '')
    .replace(/\/+$/, '');
  if (
    raw.startsWith('/') ||
    /[\\:]/.test(path) ||
    path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw new PolicyError(
      'ASW-1322',
      `${flag}=${value}: "${raw}" is not a path inside ${project.root}/src; give a relative path without ".." (e.g. ${name}:lib/module.ts).`,
    );
  }
  return { project, path };
}
