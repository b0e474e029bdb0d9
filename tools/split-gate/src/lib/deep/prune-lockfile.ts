import { parse, stringify } from 'yaml';

type Dependencies = Record<string, unknown>;

/** The parts of a pnpm v9 lockfile that pruning reads; everything else is kept as it is. */
interface Lockfile {
  importers?: Record<string, Record<string, Dependencies | undefined>>;
  [key: string]: unknown;
}

/** The dependency fields of an importer that pnpm compares with its manifest. */
const dependencyFields = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/** What a pruned lockfile keeps of one importer's manifest. */
export interface ImporterManifest {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/**
 * The lockfile text of a workspace that holds only some of the original importers: importers
 * that are not in `importers` are removed, and each kept importer loses the dependencies its
 * (possibly trimmed) manifest no longer declares. Resolved versions are never changed, so the
 * result installs with `--frozen-lockfile --offline` from the store the full install filled,
 * without the registry and without pnpm's metadata cache.
 */
export function pruneLockfile(text: string, importers: ReadonlyMap<string, ImporterManifest>): string {
  const lockfile = parse(text) as Lockfile;
  const kept = Object.entries(lockfile.importers ?? {}).flatMap(([path, importer]) => {
    const manifest = importers.get(path);
    if (manifest === undefined) return [];
    const pruned = Object.fromEntries(
      Object.entries(importer).flatMap(([field, value]) => {
        if (!(dependencyFields as readonly string[]).includes(field) || value === undefined) return [[field, value]];
        const declared = manifest[field as (typeof dependencyFields)[number]] ?? {};
        const remaining = Object.fromEntries(Object.entries(value).filter(([name]) => name in declared));
        return Object.keys(remaining).length > 0 ? [[field, remaining]] : [];
      }),
    );
    return [[path, pruned] as const];
  });
  return stringify({ ...lockfile, importers: Object.fromEntries(kept) }, { lineWidth: 0 });
}
