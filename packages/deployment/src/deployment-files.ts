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
 * Read everything the validation needs from a deployment folder: the contracts, the manifests, and
 * its Dockerfiles (paths in images.json are relative to the workspace root, two levels up).
 */
export function readDeploymentInput(dir: string = deploymentDir, workspaceRoot: string = join(dir, '../..')): DeploymentInput {
  return {
    contractsText: readFileSync(join(dir, 'images.json'), 'utf8'),
    manifests: readManifests(dir),
    read: (path) => (existsSync(join(workspaceRoot, path)) ? readFileSync(join(workspaceRoot, path), 'utf8') : undefined),
  };
}
