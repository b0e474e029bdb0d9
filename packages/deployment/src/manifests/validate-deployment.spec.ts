import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeploymentInput } from '../deployment-files.js';
import { validateDeployment, type DeploymentInput } from './validate-deployment.js';

const real = readDeploymentInput();
const k8s = real.manifests.find((manifest) => manifest.file === 'k8s/controller.yaml');
const compose = real.manifests.find((manifest) => manifest.file === 'compose/compose.yaml');
if (!k8s || !compose) throw new Error('k8s/controller.yaml and compose/compose.yaml must exist');

const withManifest = (file: string, text: string): DeploymentInput => ({
  ...real,
  manifests: [...real.manifests.filter((manifest) => manifest.file !== file), { file, text }],
});
const messages = (input: DeploymentInput) => validateDeployment(input).map((violation) => violation.message);

describe('the deployment package (images.json, compose/, k8s/)', () => {
  it('is valid', () => {
    expect(real.manifests.map((manifest) => manifest.file)).toEqual(['compose/compose.yaml', 'k8s/controller.yaml']);
    expect(validateDeployment(real)).toEqual([]);
  });
});

describe('the cache server (tools/cache-server), packaged by data', () => {
  it('has an image contract built from its packaged subset and a Compose service on that image, and no import', () => {
    expect(JSON.parse(real.contractsText).images).toContainEqual({
      image: 'alphaswarm/cache-server',
      project: 'cache-server',
      dockerfile: 'packages/deployment/docker/cache-server.Dockerfile',
      context: 'dist/images/cache-server',
      port: 4300,
    });
    expect(compose.text).toContain('  cache-server:\n    image: alphaswarm/cache-server:0.1.0\n');
  });

  it.each([
    [
      'without its contract',
      {
        ...real,
        contractsText: JSON.stringify({
          version: 1,
          images: JSON.parse(real.contractsText).images.filter((image: { project: string }) => image.project !== 'cache-server'),
        }),
      },
      'ASW-602 compose/compose.yaml: service "cache-server" uses image "alphaswarm/cache-server:0.1.0", which no build contract produces (known: alphaswarm/controller, alphaswarm/operator-ui); add a contract to images.json or use a contract image',
    ],
  ])('fails %s', (_, input: DeploymentInput, message) => {
    expect(messages(input)).toEqual([message]);
  });
});

describe('the operator UI (packages/operator-ui), static files behind nginx', () => {
  const dockerfile = readFileSync(join(import.meta.dirname, '../../docker/operator-ui.Dockerfile'), 'utf8');

  it('has an image contract built from its packaged subset and a Compose service on that image next to the controller', () => {
    expect(JSON.parse(real.contractsText).images).toContainEqual({
      image: 'alphaswarm/operator-ui',
      project: 'operator-ui',
      dockerfile: 'packages/deployment/docker/operator-ui.Dockerfile',
      context: 'dist/images/operator-ui',
      port: 8080,
    });
    expect(compose.text).toContain(
      '  operator-ui:\n    image: alphaswarm/operator-ui:0.1.0\n    environment:\n      CONTROLLER_URL: http://controller:4100\n',
    );
  });

  it('installs the package from the context and serves its static build and nginx site on the contract’s port', () => {
    expect(dockerfile).toContain('COPY tarballs/ ./tarballs/');
    expect(dockerfile).toContain('COPY --from=unpack /app/node_modules/@alphaswarm/operator-ui/dist/static /usr/share/nginx/html');
    expect(dockerfile).toContain(
      'COPY --from=unpack /app/node_modules/@alphaswarm/operator-ui/nginx/default.conf.template /etc/nginx/templates/default.conf.template',
    );
    expect(dockerfile).toContain('EXPOSE 8080');
    expect(dockerfile).not.toMatch(/^COPY \. /m);
  });
});

describe('validateDeployment: manifests', () => {
  it.each([
    [
      'the cache server on an unpinned image',
      'compose/compose.yaml',
      compose.text.replace('image: alphaswarm/cache-server:0.1.0', 'image: alphaswarm/cache-server'),
      'ASW-602 compose/compose.yaml: service "cache-server" uses "alphaswarm/cache-server" without a pinned tag; use alphaswarm/cache-server:<version>',
    ],
    [
      'the cache server building its own image',
      'compose/compose.yaml',
      compose.text.replace('    profiles:', '    build: ../../tools/cache-server\n    profiles:'),
      'ASW-602 compose/compose.yaml: service "cache-server" builds its own image; images are built from the contracts in images.json',
    ],
    [
      'an image no contract produces',
      'k8s/controller.yaml',
      k8s.text.replace('image: alphaswarm/controller:0.1.0', 'image: redis:7'),
      'ASW-602 k8s/controller.yaml: Deployment/alphaswarm-controller container "controller" uses image "redis:7", which no build contract produces (known: alphaswarm/controller, alphaswarm/cache-server, alphaswarm/operator-ui); add a contract to images.json or use a contract image',
    ],
    [
      'an unpinned image',
      'k8s/controller.yaml',
      k8s.text.replace('alphaswarm/controller:0.1.0', 'alphaswarm/controller'),
      'ASW-602 k8s/controller.yaml: Deployment/alphaswarm-controller container "controller" uses "alphaswarm/controller" without a pinned tag',
    ],
    [
      'an unknown image in Compose',
      'compose/compose.yaml',
      compose.text.replace('alphaswarm/controller:0.1.0', 'postgres:16'),
      'ASW-602 compose/compose.yaml: service "controller" uses image "postgres:16", which no build contract produces',
    ],
    [
      'a Compose build section',
      'compose/compose.yaml',
      compose.text.replace('    restart:', '    build: .\n    restart:'),
      'ASW-602 compose/compose.yaml: service "controller" builds its own image',
    ],
    [
      'host networking in Compose',
      'compose/compose.yaml',
      compose.text.replace('    restart:', '    network_mode: host\n    restart:'),
      'ASW-603 compose/compose.yaml: service "controller" sets network_mode: host',
    ],
    [
      'a Namespace',
      'k8s/namespace.yaml',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: alphaswarm\n',
      'ASW-603 k8s/namespace.yaml: Namespace/alphaswarm is not a namespaced workload kind',
    ],
    [
      'a CRD',
      'k8s/crd.yaml',
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: bots.alphaswarm.io\n',
      'CustomResourceDefinition/bots.alphaswarm.io is not a namespaced workload kind',
    ],
    [
      'a ClusterRole',
      'k8s/rbac.yaml',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: everything\n',
      'ClusterRole/everything is not a namespaced workload kind',
    ],
    [
      'a pinned namespace',
      'k8s/controller.yaml',
      k8s.text.replace('kind: Service\nmetadata:\n', 'kind: Service\nmetadata:\n  namespace: kube-system\n'),
      'Service/alphaswarm-controller pins namespace "kube-system"',
    ],
    [
      'host networking',
      'k8s/controller.yaml',
      k8s.text.replace('      serviceAccountName:', '      hostNetwork: true\n      serviceAccountName:'),
      'Deployment/alphaswarm-controller sets hostNetwork',
    ],
    [
      'a privileged container',
      'k8s/controller.yaml',
      k8s.text.replace('allowPrivilegeEscalation: false', 'privileged: true'),
      'Deployment/alphaswarm-controller runs privileged container "controller"',
    ],
    ['invalid YAML', 'k8s/controller.yaml', 'kind: [Deployment\n', 'ASW-601 k8s/controller.yaml: not valid YAML'],
  ])('fails %s', (_, file, text, message) => {
    const found = messages(withManifest(file, text));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it('checks the images of init containers and CronJobs too', () => {
    const cron = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: wait
              image: busybox:1.36
          containers:
            - name: run
              image: alphaswarm/controller:0.1.0
          restartPolicy: Never
`;
    expect(messages(withManifest('k8s/nightly.yaml', cron))).toEqual([
      'ASW-602 k8s/nightly.yaml: CronJob/nightly init container "wait" uses image "busybox:1.36", which no build contract produces (known: alphaswarm/controller, alphaswarm/cache-server, alphaswarm/operator-ui); add a contract to images.json or use a contract image',
    ]);
  });
});

describe('validateDeployment: image build contracts', () => {
  const contracts = JSON.parse(real.contractsText) as { images: Record<string, unknown>[] };
  const withContract = (edit: Record<string, unknown>, extra: Partial<DeploymentInput> = {}): DeploymentInput => ({
    ...real,
    contractsText: JSON.stringify({ ...contracts, images: [{ ...contracts.images[0], ...edit }] }),
    ...extra,
  });

  it.each([
    [
      'a missing Dockerfile',
      withContract({ dockerfile: 'packages/deployment/docker/nope.Dockerfile' }),
      'ASW-604 images.json: image "alphaswarm/controller": Dockerfile packages/deployment/docker/nope.Dockerfile does not exist',
    ],
    [
      'a build context other than the packaged subset',
      withContract({ context: '.' }),
      'ASW-604 images.json: image "alphaswarm/controller": the build context must be dist/images/controller, the packaged subset of "controller" that `pnpm nx run deployment:image` writes, not "."',
    ],
    [
      'a Dockerfile that copies the whole context',
      withContract({}, { read: (path) => (path.endsWith('.Dockerfile') ? 'FROM node:20\nWORKDIR /app\nCOPY . .\n' : real.read(path)) }),
      'ASW-605 packages/deployment/docker/controller.Dockerfile:3: COPY . reads beyond the packaged subset; copy only package.json, pnpm-lock.yaml, tarballs/ from the build context',
    ],
    [
      'a malformed contract',
      withContract({ image: 'AlphaSwarm/Controller' }),
      'ASW-601 images.json: images.0.image: an image name is lower case',
    ],
  ])('fails %s', (_, input, message) => {
    const found = messages(input);
    expect(
      found.some((text) => text.includes(message)),
      found.join('\n'),
    ).toBe(true);
  });

  it('builds the controller image from its packaged subset only', () => {
    const dockerfile = real.read('packages/deployment/docker/controller.Dockerfile') ?? '';
    expect(dockerfile.split('\n').filter((line) => /^(COPY|ADD)\s/.test(line))).toEqual([
      'COPY package.json pnpm-lock.yaml ./',
      'COPY tarballs/ ./tarballs/',
    ]);
  });
});
