/**
 * Deployment (`alphaswarm_platform/deployments`, `build/`): image build contracts for the
 * deployable projects, and the Compose and Kubernetes manifests that may use only those images.
 * Cluster bootstrap stays with rpi_kubernetes.
 *
 * @packageDocumentation
 */
export { parseImageReference } from './image-reference.js';
export type { ImageReference } from './image-reference.js';
export { DeploymentError } from './deployment-error.js';
export type { DeploymentErrorCode } from './deployment-error.js';
export { ImageContractSchema, ImageContractsSchema } from './contracts/image-contract.js';
export type { ImageContract, ImageContracts } from './contracts/image-contract.js';
export { loadImageContracts } from './contracts/load-image-contracts.js';
export { bootstrapRule, workloadKinds } from './manifests/bootstrap-rules.js';
export { validateDeployment } from './manifests/validate-deployment.js';
export type { DeploymentInput } from './manifests/validate-deployment.js';
export type { DeploymentViolation, ManifestSource } from './manifests/deployment-violation.js';
export { deploymentDir, readDeploymentInput, readManifests } from './deployment-files.js';
