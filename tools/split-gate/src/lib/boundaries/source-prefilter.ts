import { bannedExternalsOf, domainOfTags, type Policy } from '@alphaswarm/policy';
import type { WorkspaceGraph } from '../workspace-graph.js';

/** Decides from a file's text, without parsing it, whether its specifiers can matter. */
export type SourcePrefilter = (file: string, project: string, text: string) => boolean;

/**
 * A cheap substring test that lets the checker skip TypeScript's pre-processor on almost every
 * file, and never skips one that matters: a relative path into another project contains `../`
 * (unless projects are nested, whose files are always scanned); a legacy shim path contains
 * itself, and a relative import of a shim module inside its own project the module's name; a
 * banned package contains its name (or its scope), and only matters in a domain that bans packages.
 */
export function sourcePrefilter(policy: Policy, graph: WorkspaceGraph): SourcePrefilter {
  const packageOf = new Map(graph.projects.map((project) => [project.name, project.packageName ?? `@alphaswarm/${project.name}`]));
  const legacyPaths = policy.shims
    .filter((shim) => shim.bindings === undefined)
    .map((shim) => `${packageOf.get(shim.project) ?? shim.project}${shim.subpath.slice(1)}`);
  const nesting = new Set(
    graph.projects
      .filter((outer) => graph.projects.some((inner) => inner !== outer && inner.root.startsWith(`${outer.root}/`)))
      .map((project) => project.name),
  );
  const bannedStems = new Map(
    graph.projects.flatMap((project) => {
      const banned = bannedExternalsOf(policy, domainOfTags(policy, project.tags)?.name ?? '');
      return banned
        ? [[project.name, banned.packages.map((pattern) => (pattern.endsWith('/*') ? pattern.slice(0, -1) : pattern))] as const]
        : [];
    }),
  );
  // A relative import of a shim module inside its own project names the module's file or folder.
  const shimStems = new Map<string, string[]>();
  for (const shim of policy.shims) {
    const segments = shim.file.replace(/\.ts$/, '').split('/');
    const stems = segments.at(-1) === 'index' ? segments.slice(-2) : segments.slice(-1);
    shimStems.set(shim.project, [...(shimStems.get(shim.project) ?? []), ...stems]);
  }
  return (_file, project, text) =>
    nesting.has(project) ||
    (shimStems.get(project)?.some((stem) => text.includes(stem)) ?? false) ||
    text.includes('../') ||
    legacyPaths.some((path) => text.includes(path)) ||
    (bannedStems.get(project)?.some((stem) => text.includes(stem)) ?? false);
}
