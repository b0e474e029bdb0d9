/** A third-party action, pinned to the full commit SHA of a release (the tag in a comment for people). */
export interface PinnedAction {
  readonly repository: string;
  readonly sha: string;
  readonly version: string;
}

/**
 * The actions the workflow uses. Each SHA is the commit of the named release tag, read from the
 * action's repository. To upgrade: look up the new tag's commit, change both fields here, run
 * `pnpm nx sync` and commit the workflow.
 */
export const PINNED_ACTIONS = {
  checkout: { repository: 'actions/checkout', sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  setupPnpm: { repository: 'pnpm/action-setup', sha: 'fe02b34f77f8bc703788d5817da081398fad5dd2', version: 'v4.0.0' },
  setupNode: { repository: 'actions/setup-node', sha: '820762786026740c76f36085b0efc47a31fe5020', version: 'v7.0.0' },
  nxSetShas: { repository: 'nrwl/nx-set-shas', sha: 'afb73a62d26e41464e9254689e1fd6122ee683c1', version: 'v5.0.1' },
  uploadArtifact: { repository: 'actions/upload-artifact', sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f', version: 'v7.0.0' },
} as const satisfies Record<string, PinnedAction>;
