import { parseAllDocuments } from 'yaml';
import { ImageContractsSchema, type ImageContract } from '../contracts/image-contract.js';
import { parseImageReference } from '../image-reference.js';
import { bootstrapRule, workloadKinds } from './bootstrap-rules.js';
import type { DeploymentViolation, ManifestSource } from './deployment-violation.js';

/** Everything the deployment validation reads. */
export interface DeploymentInput {
  /** The text of `images.json`. */
  readonly contractsText: string;
  /** Compose files (`compose/*.yaml`) and Kubernetes manifests (`k8s/*.yaml`). */
  readonly manifests: readonly ManifestSource[];
  /** The Nx projects of the workspace. */
  readonly projects: readonly string[];
  /** `nx.implicitDependencies` of the deployment project. */
  readonly implicitDependencies: readonly string[];
  /** True when a path relative to the workspace root exists. */
  exists(path: string): boolean;
}

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
    if (!input.projects.includes(entry.project))
      violations.push(contract(`image "${entry.image}" packages "${entry.project}", which is not a workspace project`));
    if (!input.exists(entry.dockerfile)) violations.push(contract(`image "${entry.image}": Dockerfile ${entry.dockerfile} does not exist`));
    if (!input.exists(entry.context)) violations.push(contract(`image "${entry.image}": build context ${entry.context} does not exist`));
    if (!input.implicitDependencies.includes(entry.project)) {
      violations.push(
        contract(
          `image "${entry.image}" packages "${entry.project}" but it is not in nx.implicitDependencies of packages/deployment/package.json, so nx affected would miss it`,
        ),
      );
    }
  }
  const packaged = new Set(parsed.data.images.map((entry) => entry.project));
  for (const project of input.implicitDependencies) {
    if (!packaged.has(project))
      violations.push(
        contract(`nx.implicitDependencies lists "${project}" but no image packages it; add its contract or drop the dependency`),
      );
  }
  return { contracts: parsed.data.images, violations };
}

/**
 * Validate the image build contracts and every Compose and Kubernetes manifest: each manifest
 * parses, uses only contract images with pinned tags, and holds nothing that belongs to cluster
 * bootstrap; each contract's Dockerfile and context exist, its project is a workspace project
 * and an implicit dependency of the deployment project. Returns `[]` when all is well.
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
