/** Stable codes of the deployment domain's validation findings and errors. */
export type DeploymentErrorCode =
  /** A manifest or the contracts file is not valid YAML / JSON or not the expected shape. */
  | 'ASW-601'
  /** A manifest uses an image that no build contract produces, or does not pin its tag. */
  | 'ASW-602'
  /** A manifest holds something that belongs to cluster bootstrap (rpi_kubernetes). */
  | 'ASW-603'
  /** An image build contract is wrong: its Dockerfile is missing, or its context is not the packaged subset. */
  | 'ASW-604'
  /** A Dockerfile reads beyond the packaged subset of its project. */
  | 'ASW-605';

/** A user error of the deployment domain: the message names the file, the value and the fix. */
export class DeploymentError extends Error {
  constructor(
    readonly code: DeploymentErrorCode,
    message: string,
  ) {
    super(`${code} ${message}`);
    this.name = 'DeploymentError';
  }
}
