import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { reportedVersion } from '@alphaswarm/api-report';

/** The specifier Nx hands version actions: a semver keyword (`major`, `minor`, …) or an exact version. */
export interface ContractBump {
  readonly specifier: string;
  /** Why the specifier differs from Nx's, for the release log. */
  readonly note?: string;
}

/**
 * The contracts rule of the split gate applied to a release: a breaking change needs a major bump,
 * or a minor one below 1.0 (where the minor is the breaking digit); an addition a minor bump; a fix
 * a patch. Nx's conventional-commit specifiers already say `major`/`minor`/`patch` for those; this
 * turns `major` into `minor` below 1.0 (with `adjustSemverBumpsForZeroMajorVersion` off, so Nx
 * itself keeps a `feat` a minor bump there, as the gate requires).
 */
export function contractBump(
  currentVersion: string | null | undefined,
  specifier: string,
  changedReports: readonly string[] = [],
): ContractBump {
  if (specifier === 'major' && currentVersion && semver.valid(currentVersion) && semver.major(currentVersion) === 0) {
    return { specifier: 'minor', note: 'a breaking change below 1.0 is a minor bump, as the gate’s contracts criterion says' };
  }
  if (changedReports.length > 0 && (specifier === 'patch' || specifier === 'prepatch' || specifier === 'none')) {
    return {
      specifier: 'minor',
      note: `the API report${changedReports.length === 1 ? '' : 's'} ${changedReports.join(', ')} changed since the last release: the gate’s contracts criterion needs at least a minor bump (a removed or changed export from 1.0 on needs a major one: mark the commit with "!")`,
    };
  }
  return { specifier };
}

/**
 * The API reports of a project (`<projectRoot>/api/*.api.md`) whose declarations differ from the
 * same report at the last release's tag (the header line, which names the version, left out). A
 * report that did not exist at the tag counts as changed. No tag (a first release): none.
 */
export function reportsChangedSince(workspaceRoot: string, projectRoot: string, tag: string): string[] {
  const git = (args: string[]) => spawnSync('git', args, { cwd: workspaceRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (git(['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`]).status !== 0) return [];
  const dir = join(workspaceRoot, projectRoot, 'api');
  if (!existsSync(dir)) return [];
  const body = (text: string) => text.split('\n').slice(1).join('\n');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.api.md'))
    .sort()
    .filter((file) => {
      const before = git(['show', `${tag}:${projectRoot}/api/${file}`]);
      return before.status !== 0 || body(before.stdout) !== body(readFileSync(join(dir, file), 'utf8'));
    })
    .map((file) => `${projectRoot}/api/${file}`);
}

/** The part of Nx's devkit Tree this needs. */
export interface ReportTree {
  children(dirPath: string): string[];
  read(filePath: string, encoding: 'utf-8'): string | null;
  write(filePath: string, content: string): void;
}

/**
 * Every API report of a project (`<root>/api/*.api.md`) names the package version in its first
 * line, and the api-report check fails when that is not the package.json version: rewrite it with
 * the version being released. Returns log lines for Nx.
 */
export function updateReportHeaders(tree: ReportTree, projectRoot: string, newVersion: string): string[] {
  const dir = `${projectRoot}/api`;
  const logs: string[] = [];
  for (const name of tree
    .children(dir)
    .filter((file) => file.endsWith('.api.md'))
    .sort()) {
    const path = `${dir}/${name}`;
    const text = tree.read(path, 'utf-8') ?? '';
    const [header = '', ...rest] = text.split('\n');
    const version = reportedVersion(header);
    if (version === undefined || version === newVersion) continue;
    tree.write(path, [header.replace(`@${version}, entry`, `@${newVersion}, entry`), ...rest].join('\n'));
    logs.push(`✍️  New version ${newVersion} written to the header of ${path}`);
  }
  return logs;
}
