/** One step of a deep proof. */
export interface DeepStep {
  readonly step: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** A domain's deep proof: what `deep-proof` wrote, and what `pnpm gate` reads. */
export interface DeepRecord {
  readonly version: 1;
  readonly domain: string;
  /**
   * The fingerprint of what the proof assembled (every file copied, the root configuration, the
   * lockfile, the proof's own code, Node's version): the proof is fresh while the workspace
   * fingerprints the same.
   */
  readonly fingerprint: string;
  readonly ok: boolean;
  readonly summary: string;
  /** The projects assembled in the temporary workspace. */
  readonly assembled: readonly string[];
  /** domain:monolith projects the static closure needs (left out of the assembly). */
  readonly monolithNeeded: readonly string[];
  readonly steps: readonly DeepStep[];
}

/** Where the `deep-proof` target of a project writes its domain's proof (an Nx output, never committed). */
export const deepRecordPath = (project: string): string => `dist/split-gate/deep-proof/${project}.json`;

/** Read a record; `undefined` when it is missing or not one. */
export function parseDeepRecord(text: string | undefined): DeepRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const data = JSON.parse(text) as Partial<DeepRecord>;
    return data.version === 1 && typeof data.domain === 'string' && typeof data.fingerprint === 'string' && typeof data.ok === 'boolean'
      ? (data as DeepRecord)
      : undefined;
  } catch {
    return undefined;
  }
}
