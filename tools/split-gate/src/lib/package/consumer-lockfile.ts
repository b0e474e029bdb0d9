import { parse, stringify } from 'yaml';
import { SplitGateError } from '../split-gate-error.js';

/** One packed workspace package, as the consumer's lockfile needs it. */
export interface PackedForLockfile {
  /** Package name, e.g. `@alphaswarm/core`. */
  readonly name: string;
  readonly version: string;
  /** The tarball, relative to the consumer folder, e.g. `tarballs/alphaswarm-core-0.1.0.tgz`. */
  readonly tarball: string;
  /** `sha512-…` of the tarball. */
  readonly integrity: string;
  /** The project's importer in the monorepo lockfile, e.g. `packages/core`. */
  readonly importer: string;
  /** The dependency names its (packed) manifest declares in `dependencies`. */
  readonly dependencies: readonly string[];
  readonly hasBin: boolean;
}

/** What the consumer folder installs. */
export interface ConsumerSpec {
  /** The packages to install, by name (each must be in `packed`). */
  readonly install: readonly string[];
  /** Development tools to install beside them, by name, at the monorepo root's versions (e.g. typescript). */
  readonly tools: readonly string[];
}

interface Lockfile {
  readonly settings?: unknown;
  readonly importers?: Record<string, Record<string, Record<string, { specifier: string; version: string }> | undefined>>;
  readonly packages?: Record<string, unknown>;
  readonly snapshots?: Record<string, unknown>;
}

const fileSpecifier = (packed: PackedForLockfile): string => `file:${packed.tarball}`;

/**
 * The `package.json` and `pnpm-lock.yaml` of an empty folder that installs packed workspace
 * packages the way a consumer outside the monorepo would: each tarball by `file:`, workspace
 * dependencies between them overridden to their tarballs, and every third-party package at the
 * version the monorepo's lockfile resolved. So `pnpm install --frozen-lockfile --offline` installs
 * it from the store the monorepo's install filled — no registry, no metadata cache — and a
 * dependency a tarball uses but does not declare is missing there, as it would be for a consumer.
 */
export function consumerFiles(
  monorepoLockfile: string,
  packed: readonly PackedForLockfile[],
  spec: ConsumerSpec,
): { manifest: string; lockfile: string } {
  const lock = parse(monorepoLockfile) as Lockfile;
  const byName = new Map(packed.map((entry) => [entry.name, entry]));
  const resolved = (importer: string, name: string): string | undefined => {
    const entry = lock.importers?.[importer];
    return (entry?.['dependencies']?.[name] ?? entry?.['devDependencies']?.[name] ?? entry?.['optionalDependencies']?.[name])?.version;
  };
  const overrides = Object.fromEntries(
    packed.filter((entry) => !spec.install.includes(entry.name)).map((entry) => [entry.name, fileSpecifier(entry)]),
  );
  const packages: Record<string, unknown> = { ...lock.packages };
  const snapshots: Record<string, unknown> = { ...lock.snapshots };
  for (const entry of packed) {
    const key = `${entry.name}@${fileSpecifier(entry)}`;
    packages[key] = {
      resolution: { integrity: entry.integrity, tarball: fileSpecifier(entry) },
      version: entry.version,
      ...(entry.hasBin ? { hasBin: true } : {}),
    };
    const dependencies = Object.fromEntries(
      entry.dependencies.map((name) => {
        const workspace = byName.get(name);
        const version = workspace ? fileSpecifier(workspace) : resolved(entry.importer, name);
        if (version === undefined)
          throw new SplitGateError(
            'ASW-1217',
            `${entry.importer}/package.json declares ${name}, but pnpm-lock.yaml resolves no version of it: run \`pnpm install\` and commit pnpm-lock.yaml`,
          );
        return [name, version];
      }),
    );
    snapshots[key] = Object.keys(dependencies).length > 0 ? { dependencies } : {};
  }
  const dependencies = Object.fromEntries(
    spec.install.map((name) => {
      const entry = byName.get(name);
      if (!entry) throw new SplitGateError('ASW-1217', `${name} was not packed: it is not a workspace package of the closure`);
      return [name, { specifier: fileSpecifier(entry), version: fileSpecifier(entry) }];
    }),
  );
  const devDependencies = Object.fromEntries(
    spec.tools.map((name) => {
      const version = resolved('.', name);
      if (version === undefined)
        throw new SplitGateError(
          'ASW-1217',
          `the root package.json does not declare ${name}: add it to devDependencies (catalog:) and run \`pnpm install\``,
        );
      return [name, { specifier: version.replace(/\(.*$/, ''), version }];
    }),
  );
  const importer = { dependencies, ...(spec.tools.length > 0 ? { devDependencies } : {}) };
  const lockfile = {
    lockfileVersion: '9.0',
    settings: lock.settings,
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
    importers: { '.': importer },
    packages,
    snapshots,
  };
  const manifest = {
    name: 'split-gate-consumer',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(Object.entries(dependencies).map(([name, value]) => [name, value.specifier])),
    ...(spec.tools.length > 0
      ? { devDependencies: Object.fromEntries(Object.entries(devDependencies).map(([name, value]) => [name, value.specifier])) }
      : {}),
    ...(Object.keys(overrides).length > 0 ? { pnpm: { overrides } } : {}),
  };
  return { manifest: `${JSON.stringify(manifest, null, 2)}\n`, lockfile: stringify(lockfile, { lineWidth: 0 }) };
}
