import { parseAllDocuments } from 'yaml';
import { ImageContractsSchema, type ImageContract } from '../contracts/image-contract.js';
import { parseImageReference } from '../image-reference.js';
import { bootstrapRule, workloadKinds } from './bootstrap-rules.js';
import type { DeploymentViolation, ManifestSource } from './deployment-violation.js';

/** Everything the deployment validation reads: only the deployment package's own files. */
export interface DeploymentInput {
  /** The text of `images.json`. */
  readonly contractsText: string;
  /** Compose files (`compose/*.yaml`) and Kubernetes manifests (`k8s/*.yaml`). */
  readonly manifests: readonly ManifestSource[];
  /** The text of a file of the deployment package (a Dockerfile), by its path relative to the workspace root; undefined when missing. */
  read(path: string): string | undefined;
}

/** Where `pnpm nx run deployment:image` writes an image's build context: the packaged subset of its project. */
export const imageContextOf = (project: string): string => `dist/images/${project}`;

/** What a packaged build context holds: the project's tarballs and a lockfile that installs them. */
const contextEntries = ['package.json', 'pnpm-lock.yaml', 'tarballs/', 'tarballs'];

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function checkImage(file: string, where: string, image: unknown, contracts: readonly ImageContract[]): DeploymentViolation[] {
  if (typeof image !== 'string') return [{ file, code: 'ASW-602', message: `ASW-602 ${file}: ${where} has no image` }];
  let repository: string;
  let tag: string;
  try {
    ({ repository, tag } = parseImageReference(image));
  } catch {
    return [{ file, code: 'ASW-602', message: `ASW-602 ${file}: ${where} uses an invalid image reference "${image}"` }];
  }
  if (!contracts.some((contract) => contract.image === repository)) {
    return [
      {
        file,
        code: 'ASW-602',
        message: `ASW-602 ${file}: ${where} uses image "${image}", which no build contract produces (known: ${contracts.map((contract) => contract.image).join(', ')}); add a contract to images.json or use a contract image`,
      },
    ];
  }
  if (tag === 'latest' || !image.includes(':'))
    return [
      { file, code: 'ASW-602', message: `ASW-602 ${file}: ${where} uses "${image}" without a pinned tag; use ${repository}:<version>` },
    ];
  return [];
}

function podSpecOf(resource: Node): Node | undefined {
  const spec = isNode(resource.spec) ? resource.spec : undefined;
  if (resource.kind === 'CronJob') {
    const job = isNode(spec?.jobTemplate) && isNode(spec.jobTemplate.spec) ? spec.jobTemplate.spec : undefined;
    return isNode(job?.template) && isNode(job.template.spec) ? job.template.spec : undefined;
  }
  return isNode(spec?.template) && isNode(spec.template.spec) ? spec.template.spec : undefined;
}

function checkKubernetes(file: string, resource: Node, index: number, contracts: readonly ImageContract[]): DeploymentViolation[] {
  const kind = typeof resource.kind === 'string' ? resource.kind : '(no kind)';
  const metadata = isNode(resource.metadata) ? resource.metadata : {};
  const name = `${kind}/${typeof metadata.name === 'string' ? metadata.name : `#${index}`}`;
  const bootstrap = (what: string): DeploymentViolation => ({
    file,
    code: 'ASW-603',
    message: `ASW-603 ${file}: ${name} ${what}: ${bootstrapRule}`,
  });
  if (!workloadKinds.includes(kind)) return [bootstrap(`is not a namespaced workload kind (allowed: ${workloadKinds.join(', ')})`)];
  const violations: DeploymentViolation[] = [];
  if (metadata.namespace !== undefined)
    violations.push(bootstrap(`pins namespace "${String(metadata.namespace)}"; leave it to kubectl -n`));
  const pod = podSpecOf(resource);
  if (pod) {
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const)
      if (pod[field] === true) violations.push(bootstrap(`sets ${field}`));
    for (const volume of list(pod.volumes))
      if (isNode(volume) && volume.hostPath !== undefined) violations.push(bootstrap(`mounts hostPath volume "${String(volume.name)}"`));
    for (const field of ['initContainers', 'containers'] as const) {
      for (const container of list(pod[field])) {
        if (!isNode(container)) continue;
        const where = `${name} ${field === 'containers' ? 'container' : 'init container'} "${String(container.name)}"`;
        violations.push(...checkImage(file, where, container.image, contracts));
        if (isNode(container.securityContext) && container.securityContext.privileged === true)
          violations.push(bootstrap(`runs privileged container "${String(container.name)}"`));
      }
    }
  }
  return violations;
}

function checkCompose(file: string, compose: Node, contracts: readonly ImageContract[]): DeploymentViolation[] {
  if (!isNode(compose.services)) return [{ file, code: 'ASW-601', message: `ASW-601 ${file}: a Compose file needs a services map` }];
  return Object.entries(compose.services).flatMap(([service, definition]) => {
    if (!isNode(definition)) return [{ file, code: 'ASW-601' as const, message: `ASW-601 ${file}: service "${service}" is not a map` }];
    const where = `service "${service}"`;
    const violations = checkImage(file, where, definition.image, contracts);
    const host = (what: string): DeploymentViolation => ({
      file,
      code: 'ASW-603',
      message: `ASW-603 ${file}: ${where} ${what}: ${bootstrapRule}`,
    });
    if (definition.privileged === true) violations.push(host('runs privileged'));
    for (const field of ['network_mode', 'pid', 'ipc'] as const)
      if (definition[field] === 'host') violations.push(host(`sets ${field}: host`));
    if (definition.build !== undefined)
      violations.push({
        file,
        code: 'ASW-602',
        message: `ASW-602 ${file}: ${where} builds its own image; images are built from the contracts in images.json`,
      });
    return violations;
  });
}

function checkContracts(input: DeploymentInput): { contracts: ImageContract[]; violations: DeploymentViolation[] } {
  const file = 'images.json';
  let json: unknown;
  try {
    json = JSON.parse(input.contractsText);
  } catch (error) {
    return {
      contracts: [],
      violations: [{ file, code: 'ASW-601', message: `ASW-601 ${file}: not valid JSON: ${(error as Error).message}` }],
    };
  }
  const parsed = ImageContractsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      contracts: [],
      violations: [{ file, code: 'ASW-601', message: `ASW-601 ${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}` }],
    };
  }
  const violations: DeploymentViolation[] = [];
  const contract = (message: string): DeploymentViolation => ({ file, code: 'ASW-604', message: `ASW-604 ${file}: ${message}` });
  const seen = new Set<string>();
  for (const entry of parsed.data.images) {
    if (seen.has(entry.image)) violations.push(contract(`image "${entry.image}" has two contracts`));
    seen.add(entry.image);
    if (entry.context !== imageContextOf(entry.project)) {
      violations.push(
        contract(
          `image "${entry.image}": the build context must be ${imageContextOf(entry.project)}, the packaged subset of "${entry.project}" that \`pnpm nx run deployment:image\` writes, not "${entry.context}"`,
        ),
      );
    }
    const dockerfile = input.read(entry.dockerfile);
    if (dockerfile === undefined) violations.push(contract(`image "${entry.image}": Dockerfile ${entry.dockerfile} does not exist`));
    else violations.push(...checkDockerfile(entry.dockerfile, dockerfile));
  }
  return { contracts: parsed.data.images, violations };
}

/**
 * A Dockerfile builds from the packaged subset only: every `COPY`/`ADD` that reads the build
 * context names what a packaged context holds (`package.json`, `pnpm-lock.yaml`, `tarballs/`),
 * never `.` — so an image can never be built from a checkout of the monorepo.
 */
function checkDockerfile(path: string, text: string): DeploymentViolation[] {
  const violations: DeploymentViolation[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const match = /^\s*(COPY|ADD)\s+(.*)$/i.exec(line);
    if (!match) return;
    const args = (match[2] ?? '').split(/\s+/).filter((arg) => arg.length > 0);
    if (args.some((arg) => arg.startsWith('--from='))) return;
    const sources = args.filter((arg) => !arg.startsWith('--')).slice(0, -1);
    const outside = sources.filter((source) => !contextEntries.includes(source.replace(/^\.\//, '')));
    if (outside.length > 0) {
      violations.push({
        file: path,
        code: 'ASW-605',
        message: `ASW-605 ${path}:${index + 1}: ${match[1]?.toUpperCase()} ${outside.join(' ')} reads beyond the packaged subset; copy only ${contextEntries.slice(0, 3).join(', ')} from the build context`,
      });
    }
  });
  return violations;
}

/**
 * Validate the image build contracts and every Compose and Kubernetes manifest: each manifest
 * parses, uses only contract images with pinned tags, and holds nothing that belongs to cluster
 * bootstrap; each contract's Dockerfile exists and builds from the packaged subset of its project
 * (the context \`pnpm nx run deployment:image\` writes), never from the monorepo. Reads only the
 * deployment package's own files. Returns `[]` when all is well.
 */
export function validateDeployment(input: DeploymentInput): DeploymentViolation[] {
  const { contracts, violations } = checkContracts(input);
  for (const { file, text } of input.manifests) {
    const documents = parseAllDocuments(text);
    const documentList = Array.isArray(documents) ? documents : [documents];
    const broken = documentList.find((document) => document.errors.length > 0);
    if (broken) {
      violations.push({ file, code: 'ASW-601', message: `ASW-601 ${file}: not valid YAML: ${broken.errors[0]?.message}` });
      continue;
    }
    const values = documentList.map((document) => document.toJS() as unknown).filter((value) => value !== null);
    if (file.startsWith('compose/')) {
      const [compose] = values;
      violations.push(
        ...(isNode(compose)
          ? checkCompose(file, compose, contracts)
          : [{ file, code: 'ASW-601' as const, message: `ASW-601 ${file}: not a Compose file` }]),
      );
    } else {
      values.forEach((value, index) => {
        violations.push(
          ...(isNode(value)
            ? checkKubernetes(file, value, index, contracts)
            : [{ file, code: 'ASW-601' as const, message: `ASW-601 ${file}: document ${index} is not a Kubernetes object` }]),
        );
      });
    }
  }
  return violations;
}
