import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TempClone } from './temp-clone.js';

/** The fields of a workspace package.json the specs read. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly nx?: { name?: string; tags?: string[]; implicitDependencies?: string[]; targets?: Record<string, unknown> };
}

/** Every workspace package of the clone, from its committed manifests. */
export function manifestsOf(clone: TempClone): Manifest[] {
  return clone
    .run('git', ['ls-files', 'packages/*/package.json', 'tools/*/package.json'])
    .stdout.split('\n')
    .filter(Boolean)
    .map((file) => JSON.parse(readFileSync(join(clone.root, file), 'utf8')) as Manifest);
}

/** The Nx project name of a manifest. */
export const projectName = (manifest: Manifest): string => manifest.nx?.name ?? manifest.name;

/**
 * The workspace projects that depend on `project`, read from the manifests (dependencies and
 * implicit dependencies, transitively): an oracle that does not ask Nx.
 */
export function dependantsOf(clone: TempClone, project: string): Set<string> {
  const manifests = manifestsOf(clone);
  const nameOf = new Map(manifests.map((manifest) => [manifest.name, projectName(manifest)]));
  const edges = manifests.map((manifest) => ({
    from: projectName(manifest),
    to: [
      ...Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).map((name) => nameOf.get(name)),
      ...(manifest.nx?.implicitDependencies ?? []),
    ],
  }));
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const edge of edges) {
      if (!found.has(edge.from) && edge.to.some((target) => target === project || (target !== undefined && found.has(target)))) {
        found.add(edge.from);
        grew = true;
      }
    }
  }
  return found;
}
