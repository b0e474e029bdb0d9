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
export function contractBump(currentVersion: string | null | undefined, specifier: string): ContractBump {
  if (specifier === 'major' && currentVersion && semver.valid(currentVersion) && semver.major(currentVersion) === 0) {
    return { specifier: 'minor', note: 'a breaking change below 1.0 is a minor bump, as the gate’s contracts criterion says' };
  }
  return { specifier };
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
