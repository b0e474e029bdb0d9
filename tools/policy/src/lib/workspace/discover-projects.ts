import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { minimatch } from 'minimatch';
import { globSync } from 'tinyglobby';
import { parse } from 'yaml';
import { PolicyError } from '../policy-error.js';
import type { BoundaryProject } from './boundary-project.js';

/** Read access to a workspace: the disk by default, or a generator's virtual tree. */
export interface WorkspaceFiles {
  /** The text of a workspace-relative file, or undefined when there is none. */
  read(file: string): string | undefined;
  /**
   * Workspace-relative paths of `package.json` and `project.json` files, at least every one in a
   * folder the `globs` (pnpm-workspace.yaml's, negations left out) may match; installs are skipped.
   */
  manifests(globs: readonly string[]): readonly string[];
}

interface Manifest {
  readonly name?: string;
  readonly workspaces?: readonly string[] | { readonly packages?: readonly string[] };
  readonly nx?: { readonly name?: string; readonly tags?: readonly string[] };
}

interface ProjectJson {
  readonly name?: string;
  readonly tags?: readonly string[];
}

/** The workspace on disk at `root`. */
export function diskFiles(root: string): WorkspaceFiles {
  return {
    read(file) {
      try {
        return readFileSync(join(root, file), 'utf8');
      } catch {
        return undefined;
      }
    },
    manifests(globs) {
      return globSync(
        globs.flatMap((glob) => [`${glob}/package.json`, `${glob}/project.json`]),
        { cwd: root, ignore: ['**/node_modules/**'], onlyFiles: true, expandDirectories: false },
      ).map((file) => file.replaceAll('\\', '/'));
    },
  };
}

/**
 * The workspace's projects, found as Nx finds package-based projects: every folder that the
 * `packages` globs of `pnpm-workspace.yaml` (or the root package.json's `workspaces`) match, and no
 * negated glob excludes, that holds a `package.json` or a `project.json`. The name is
 * `project.json`'s `name`, else `nx.name`, else the package name; the tags are those of both files.
 * Reads a handful of small files, so ESLint can call it when it loads its configuration.
 */
export function discoverProjects(root: string, files: WorkspaceFiles = diskFiles(root)): BoundaryProject[] {
  const patterns = workspacePatterns(root, files);
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map(trimPattern);
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => trimPattern(pattern.slice(1)));
  const matches = (folder: string, globs: readonly string[]) => globs.some((glob) => minimatch(folder, glob, { dot: true }));
  const folders = [
    ...new Set(
      files
        .manifests(include)
        .filter((file) => !file.split('/').includes('node_modules'))
        .map((file) => posix.dirname(file)),
    ),
  ]
    .filter((folder) => folder !== '.' && matches(folder, include) && !matches(folder, exclude))
    .sort();
  return folders.map((folder) => {
    const manifest = readJson<Manifest>(files, `${folder}/package.json`);
    const project = readJson<ProjectJson>(files, `${folder}/project.json`);
    const tags = [...new Set([...(manifest?.nx?.tags ?? []), ...(project?.tags ?? [])])];
    return {
      name: project?.name ?? manifest?.nx?.name ?? manifest?.name ?? posix.basename(folder),
      root: folder,
      packageName: manifest?.name,
      tags,
    };
  });
}

function workspacePatterns(root: string, files: WorkspaceFiles): string[] {
  const yaml = files.read('pnpm-workspace.yaml');
  if (yaml !== undefined) {
    let data: unknown;
    try {
      data = parse(yaml);
    } catch (error) {
      throw new PolicyError('ASW-020', `pnpm-workspace.yaml under ${root} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    const packages = (data as { packages?: unknown } | null)?.packages;
    if (Array.isArray(packages) && packages.every((pattern) => typeof pattern === 'string')) return packages;
    throw new PolicyError(
      'ASW-020',
      `pnpm-workspace.yaml under ${root} has no "packages" list of globs: list the folders that hold projects (e.g. packages/*)`,
    );
  }
  const workspaces = readJson<Manifest>(files, 'package.json')?.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: readonly string[] } | undefined)?.packages;
  if (list) return [...list];
  throw new PolicyError(
    'ASW-020',
    `no workspace projects declared under ${root}: add a pnpm-workspace.yaml with a "packages" list (or "workspaces" in package.json)`,
  );
}

function trimPattern(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}

function readJson<T>(files: WorkspaceFiles, file: string): T | undefined {
  const text = files.read(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new PolicyError(
      'ASW-021',
      `${file} is not valid JSON (${(error as Error).message}): fix it so that its project can be placed in the policy`,
    );
  }
}
