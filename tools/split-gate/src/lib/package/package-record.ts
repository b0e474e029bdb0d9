/** What `package-check` found for one project: the record the packaging criterion reads. */
export interface PackageRecord {
  readonly version: 1;
  readonly project: string;
  /** `name@version` of the package, when its manifest has both. */
  readonly package: string | undefined;
  readonly ok: boolean;
  /** Each problem, naming the file or value and the fix. */
  readonly problems: readonly string[];
  /** What was checked and passed, for the criterion's detail. */
  readonly checked: readonly string[];
}

/** Where the `package-check` target of a project writes its record (an Nx output, never committed). */
export const packageRecordPath = (project: string): string => `dist/split-gate/package-check/${project}.json`;

/** Read a record; `undefined` when it is missing or not one. */
export function parsePackageRecord(text: string | undefined): PackageRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const data = JSON.parse(text) as Partial<PackageRecord>;
    return data.version === 1 && typeof data.project === 'string' && typeof data.ok === 'boolean' && Array.isArray(data.problems)
      ? (data as PackageRecord)
      : undefined;
  } catch {
    return undefined;
  }
}
