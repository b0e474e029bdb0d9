// The one place that reaches into Nx internals: per-file dependencies exist only in the file map
// cache, which `readFileMapCache` (nx/src/project-graph/nx-deps-cache, not public API) reads.
// read-file-dependencies.spec.ts fails loudly when a new Nx changes this shape.
import { readFileMapCache } from 'nx/src/project-graph/nx-deps-cache.js';
import { SplitGateError } from '../split-gate-error.js';

/** How a file reaches its target, as Nx records it (`static` when Nx stores a bare target). */
export type FileDependencyType = 'static' | 'dynamic' | 'implicit';

/** One file → project (or `npm:<node>`) edge of the Nx file map. */
export interface FileDependency {
  readonly target: string;
  readonly type: FileDependencyType;
}

/** A workspace file owned by a project, with the dependencies Nx found in it. */
export interface ProjectFile {
  readonly file: string;
  readonly project: string;
  readonly deps: readonly FileDependency[];
}

const dependencyTypes: readonly string[] = ['static', 'dynamic', 'implicit'];

/**
 * Normalise one `FileData.deps` element: a bare string (a static edge), `[target, type]`, or
 * `[source, target, type]`. Anything else means Nx changed its cache format.
 */
export function parseFileDependency(raw: unknown, file: string): FileDependency {
  if (typeof raw === 'string') return { target: raw, type: 'static' };
  if (Array.isArray(raw) && (raw.length === 2 || raw.length === 3) && raw.every((part) => typeof part === 'string')) {
    const target = raw[raw.length - 2] as string;
    const type = raw[raw.length - 1] as string;
    if (dependencyTypes.includes(type)) return { target, type: type as FileDependencyType };
  }
  throw new SplitGateError(
    'ASW-201',
    `the Nx file map cache has a dependency of ${file} in an unknown shape (${JSON.stringify(raw)}); this Nx version changed its internal file map format: update tools/split-gate/src/lib/nx/read-file-dependencies.ts`,
  );
}

/**
 * Every project file with its per-file dependencies, from the cache Nx writes when it computes
 * the project graph without errors. Call it after `createProjectGraphAsync`.
 *
 * @param expectedProjects the project names of the graph just computed: a cache that does not
 *   list exactly these is stale (Nx skips writing it when the graph had errors).
 */
export function readFileDependencies(expectedProjects: readonly string[]): ProjectFile[] {
  const cache: unknown = readFileMapCache();
  if (cache === null || cache === undefined) {
    throw new SplitGateError(
      'ASW-202',
      'the Nx file map cache (.nx/workspace-data/file-map.json) is missing: Nx writes it only when the project graph computes without errors; run `pnpm nx show projects` to see the error, fix it, and run again',
    );
  }
  const projectFileMap = projectFileMapOf(cache);
  const cached = Object.keys(projectFileMap).sort();
  const expected = [...expectedProjects].sort();
  if (cached.join('\n') !== expected.join('\n')) {
    throw new SplitGateError(
      'ASW-203',
      `the Nx file map cache is stale: it lists projects [${cached.join(', ')}] but the graph has [${expected.join(', ')}]; run \`pnpm nx reset\` and run again`,
    );
  }
  return cached.flatMap((project) => filesOf(projectFileMap[project], project));
}

function projectFileMapOf(cache: unknown): Record<string, unknown> {
  const fileMap = (cache as { fileMap?: { projectFileMap?: unknown } }).fileMap;
  const projectFileMap = fileMap?.projectFileMap;
  if (typeof projectFileMap !== 'object' || projectFileMap === null || Array.isArray(projectFileMap)) {
    throw new SplitGateError(
      'ASW-201',
      'the Nx file map cache has no `fileMap.projectFileMap` object; this Nx version changed its internal file map format: update tools/split-gate/src/lib/nx/read-file-dependencies.ts',
    );
  }
  return projectFileMap as Record<string, unknown>;
}

function filesOf(entries: unknown, project: string): ProjectFile[] {
  if (!Array.isArray(entries)) {
    throw new SplitGateError(
      'ASW-201',
      `the Nx file map cache lists the files of ${project} in an unknown shape; update tools/split-gate/src/lib/nx/read-file-dependencies.ts`,
    );
  }
  return entries.map((entry: unknown) => {
    const data = entry as { file?: unknown; deps?: unknown };
    if (typeof data.file !== 'string' || (data.deps !== undefined && !Array.isArray(data.deps))) {
      throw new SplitGateError(
        'ASW-201',
        `the Nx file map cache has a file entry of ${project} in an unknown shape (${JSON.stringify(entry).slice(0, 200)}); update tools/split-gate/src/lib/nx/read-file-dependencies.ts`,
      );
    }
    const file = data.file;
    const deps = ((data.deps as unknown[] | undefined) ?? []).map((raw) => parseFileDependency(raw, file));
    return { file, project, deps };
  });
}
