import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { globSync } from 'tinyglobby';
import { parse } from 'yaml';
import { PolicyError } from '../policy-error.js';
import type { BoundaryProject } from './boundary-project.js';

interface Manifest {
  readonly name?: string;
  readonly workspaces?: readonly string[] | { readonly packages?: readonly string[] };
  readonly nx?: { readonly name?: string; readonly tags?: readonly string[] };
}

interface ProjectJson {
  readonly name?: string;
  readonly tags?: readonly string[];
}

/**
 * The workspace's projects, found as Nx finds package-based projects: every folder that the
 * `packages` globs of `pnpm-workspace.yaml` (or the root package.json's `workspaces`) match and that
 * holds a `package.json` or a `project.json`. The name is `project.json`'s `name`, else
 * `nx.name`, else the package name; the tags are those of both files. Reads a handful of small
 * files, so ESLint can call it when it loads its configuration.
 */
export function discoverProjects(root: string): BoundaryProject[] {
  const patterns = workspacePatterns(root);
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map(trimPattern);
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => trimPattern(pattern.slice(1)));
  const files = globSync(
    include.flatMap((pattern) => [`${pattern}/package.json`, `${pattern}/project.json`]),
    {
      cwd: root,
      ignore: ['**/node_modules/**', ...exclude.map((pattern) => `${pattern}/*.json`)],
      onlyFiles: true,
      expandDirectories: false,
    },
  );
  const folders = [...new Set(files.map((file) => posix.dirname(file.replaceAll('\\', '/'))))].filter((folder) => folder !== '.').sort();
  return folders.map((folder) => {
    const manifest = readJson<Manifest>(root, `${folder}/package.json`);
    const project = readJson<ProjectJson>(root, `${folder}/project.json`);
    const tags = [...new Set([...(manifest?.nx?.tags ?? []), ...(project?.tags ?? [])])];
    return {
      name: project?.name ?? manifest?.nx?.name ?? manifest?.name ?? posix.basename(folder),
      root: folder,
      packageName: manifest?.name,
      tags,
    };
  });
}

function workspacePatterns(root: string): string[] {
  const yamlFile = join(root, 'pnpm-workspace.yaml');
  if (existsSync(yamlFile)) {
    let data: unknown;
    try {
      data = parse(readFileSync(yamlFile, 'utf8'));
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
  const workspaces = readJson<Manifest>(root, 'package.json')?.workspaces;
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

function readJson<T>(root: string, file: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new PolicyError(
      'ASW-021',
      `${file} is not valid JSON (${(error as Error).message}): fix it so that its project can be placed in the policy`,
    );
  }
}
