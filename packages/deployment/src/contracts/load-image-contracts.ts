import { DeploymentError } from '../deployment-error.js';
import { deploymentDir, readDeploymentInput } from '../deployment-files.js';
import { validateDeployment } from '../manifests/validate-deployment.js';
import { ImageContractsSchema, type ImageContract } from './image-contract.js';

/**
 * The image build contracts of a deployment folder, once the whole deployment validates.
 *
 * @throws DeploymentError for the first violation.
 */
export function loadImageContracts(dir: string = deploymentDir): readonly ImageContract[] {
  const input = readDeploymentInput(dir);
  const [first] = validateDeployment(input);
  if (first) throw new DeploymentError(first.code, first.message.replace(/^ASW-\d+ /, ''));
  return Object.freeze(ImageContractsSchema.parse(JSON.parse(input.contractsText)).images);
}
