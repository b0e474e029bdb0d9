import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestSource } from './manifests/deployment-violation.js';
import type { DeploymentInput } from './manifests/validate-deployment.js';

/** The package folder: `images.json`, `docker/`, `compose/` and `k8s/` live here. */
export const deploymentDir: string = fileURLToPath(new URL('..', import.meta.url));

/** The Compose and Kubernetes manifests of a deployment folder, relative to it, sorted. */
export function readManifests(dir: string = deploymentDir): ManifestSource[] {
  return ['compose', 'k8s'].flatMap((folder) =>
    existsSync(join(dir, folder))
      ? readdirSync(join(dir, folder))
          .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
          .sort()
          .map((name) => ({ file: `${folder}/${name}`, text: readFileSync(join(dir, folder, name), 'utf8') }))
      : [],
  );
}

/**
 * Read everything the validation needs from a deployment folder inside a workspace: the
 * contracts, the manifests, the workspace's Nx projects (`packages/*` and `tools/*`) and the
 * deployment project's implicit dependencies.
 */
export function readDeploymentInput(dir: string = deploymentDir, workspaceRoot: string = join(dir, '../..')): DeploymentInput {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { nx?: { implicitDependencies?: string[] } };
  const projects = ['packages', 'tools'].flatMap((folder) =>
    existsSync(join(workspaceRoot, folder))
      ? readdirSync(join(workspaceRoot, folder))
          .filter((name) => existsSync(join(workspaceRoot, folder, name, 'package.json')))
          .map(
            (name) =>
              JSON.parse(readFileSync(join(workspaceRoot, folder, name, 'package.json'), 'utf8')) as {
                name: string;
                nx?: { name?: string };
              },
          )
          .map((pkg) => pkg.nx?.name ?? pkg.name)
      : [],
  );
  return {
    contractsText: readFileSync(join(dir, 'images.json'), 'utf8'),
    manifests: readManifests(dir),
    projects,
    implicitDependencies: manifest.nx?.implicitDependencies ?? [],
    exists: (path) => existsSync(join(workspaceRoot, path)),
  };
}
