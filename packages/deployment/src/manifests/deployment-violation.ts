import type { DeploymentErrorCode } from '../deployment-error.js';

/** One finding of the deployment validation. */
export interface DeploymentViolation {
  readonly file: string;
  readonly code: DeploymentErrorCode;
  readonly message: string;
}

/** A manifest as read from disk (or built in a test); `file` is relative to the package folder. */
export interface ManifestSource {
  readonly file: string;
  readonly text: string;
}
