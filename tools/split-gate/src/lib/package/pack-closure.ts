import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { SplitGateError } from '../split-gate-error.js';
import type { WorkspaceProject } from '../workspace-graph.js';
import type { PackedForLockfile } from './consumer-lockfile.js';
import { pnpmCommand } from '../deep/pnpm-command.js';

/** A workspace package packed by `pnpm pack`: what a registry would serve for it. */
export interface PackedPackage extends PackedForLockfile {
  readonly project: string;
  /** The tarball's absolute path. */
  readonly path: string;
  /** Every path inside the tarball, relative to the package (`dist/index.js`). */
  readonly files: readonly string[];
}

/** A package.json as far as packing reads it. */
export interface PackageManifest {
  readonly name?: string;
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

export function readPackageManifest(root: string, project: WorkspaceProject): PackageManifest {
  try {
    return JSON.parse(readFileSync(join(root, project.root, 'package.json'), 'utf8')) as PackageManifest;
  } catch {
    throw new SplitGateError(
      'ASW-1218',
      `${project.root}/package.json is missing or not JSON: give ${project.name} a package.json with name, version and exports`,
    );
  }
}

/**
 * `project` and every workspace package it depends on in production (`dependencies` with a
 * `workspace:` specifier, transitively), in dependency order: what a consumer installs with it.
 */
export function productionClosure(root: string, projects: readonly WorkspaceProject[], project: string): WorkspaceProject[] {
  const byPackage = new Map(projects.filter((candidate) => candidate.packageName).map((candidate) => [candidate.packageName, candidate]));
  const byName = new Map(projects.map((candidate) => [candidate.name, candidate]));
  const order: WorkspaceProject[] = [];
  const visit = (name: string, chain: readonly string[]): void => {
    const current = byName.get(name);
    if (!current || order.includes(current)) return;
    if (chain.includes(name))
      throw new SplitGateError('ASW-1218', `the workspace dependencies form a cycle: ${[...chain, name].join(' → ')}`);
    for (const [dependency, specifier] of Object.entries(readPackageManifest(root, current).dependencies ?? {})) {
      const target = byPackage.get(dependency);
      if (specifier.startsWith('workspace:') && target) visit(target.name, [...chain, name]);
    }
    order.push(current);
  };
  visit(project, []);
  return order;
}

/** Pack every package of `project`'s production closure into `outDir` with `pnpm pack`. */
export function packClosure(
  root: string,
  projects: readonly WorkspaceProject[],
  project: string,
  outDir: string,
  env: NodeJS.ProcessEnv = process.env,
): PackedPackage[] {
  mkdirSync(outDir, { recursive: true });
  const pnpm = pnpmCommand(env);
  return productionClosure(root, projects, project).map((member) => {
    const manifest = readPackageManifest(root, member);
    const result = spawnSync(pnpm.command, [...pnpm.args, 'pack', '--json', '--pack-destination', outDir], {
      cwd: join(root, member.root),
      encoding: 'utf8',
      env,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    });
    const packed = result.status === 0 ? parsePackOutput(result.stdout) : undefined;
    if (!packed) {
      const why = stripVTControlCharacters(`${result.stderr ?? ''}${result.stdout ?? ''}`)
        .trim()
        .split('\n')
        .slice(-3)
        .join(' | ');
      throw new SplitGateError('ASW-1220', `\`pnpm pack\` failed in ${member.root}: ${why || `exit ${String(result.status)}`}`);
    }
    return {
      project: member.name,
      name: packed.name,
      version: packed.version,
      path: packed.filename,
      tarball: `tarballs/${basename(packed.filename)}`,
      integrity: `sha512-${createHash('sha512').update(readFileSync(packed.filename)).digest('base64')}`,
      importer: relative(root, join(root, member.root)).split('\\').join('/'),
      dependencies: Object.keys(manifest.dependencies ?? {}),
      hasBin: manifest.bin !== undefined,
      files: packed.files,
    };
  });
}

/** `pnpm pack --json` prints `{ name, version, filename, files: [{ path }] }` (after any script output). */
export function parsePackOutput(stdout: string): { name: string; version: string; filename: string; files: string[] } | undefined {
  const start = stdout.indexOf('{');
  if (start === -1) return undefined;
  try {
    const data = JSON.parse(stdout.slice(start)) as { name?: unknown; version?: unknown; filename?: unknown; files?: unknown };
    if (
      typeof data.name !== 'string' ||
      typeof data.version !== 'string' ||
      typeof data.filename !== 'string' ||
      !Array.isArray(data.files)
    )
      return undefined;
    return {
      name: data.name,
      version: data.version,
      filename: data.filename,
      files: data.files.map((file: { path: string }) => file.path),
    };
  } catch {
    return undefined;
  }
}
