import { join, posix } from 'node:path';
import { generateFiles, readJson, updateJson, type Tree } from '@nx/devkit';
import { POLICY_PATH, parsePolicy, type PolicyShim } from '@alphaswarm/policy';
import { relativeSpecifier } from '../../../lib/resolve-specifier.js';
import { templatesRoot } from '../../../lib/templates-root.js';
import { readWorkspaceProjects, type PackageManifest, type WorkspaceProject } from '../../../lib/workspace-projects.js';
import type { MoveModuleGeneratorSchema } from '../schema.js';
import type { MovePlan, TextEdit } from './plan-move.js';

/** Write a planned move into the tree (nothing is checked here: planMove did). */
export function applyMove(tree: Tree, plan: MovePlan, schema: MoveModuleGeneratorSchema): void {
  updateJson(tree, POLICY_PATH, () => plan.policy);
  parsePolicy(readJson(tree, POLICY_PATH));
  const contents = new Map([...plan.moves.keys()].map((file) => [file, tree.read(file, 'utf-8') ?? '']));
  for (const [from, to] of plan.moves) {
    tree.delete(from);
    tree.write(to, applyEdits(contents.get(from) as string, plan.edits.get(from) ?? []));
  }
  for (const [file, edits] of plan.edits) {
    if (!plan.moves.has(file)) tree.write(file, applyEdits(tree.read(file, 'utf-8') ?? '', edits));
  }
  const sourceSrc = `${plan.source.root}/src`;
  const underSrc = (file: string) => posix.relative(sourceSrc, file).replace(/\.ts$/, '');
  const moveFiles = (folder: string) => join(templatesRoot(), 'move-module', 'files', folder);

  /** What every shim template names: its file, the move, the path it keeps alive, its replacement and its names. */
  const shimValues = <V, T>(shim: PolicyShim, values: V, types: T) => ({
    tmpl: '',
    shimFile: underSrc(shim.file),
    from: schema.from,
    to: schema.to,
    legacyPath: `${plan.source.packageName}${shim.subpath.slice(1)}`,
    target: shim.target,
    code: shim.code,
    values,
    types,
  });

  for (const { shim, values, types } of plan.moduleShims) {
    generateFiles(tree, moveFiles('module-shim'), sourceSrc, {
      ...shimValues(shim, values, types),
      warnSpecifier: relativeSpecifier(shim.file, `${sourceSrc}/internal/warn-deprecated-import.ts`),
    });
  }
  if (plan.moduleShims.length > 0 && !tree.exists(`${sourceSrc}/internal/warn-deprecated-import.ts`))
    generateFiles(tree, moveFiles('module-helper'), sourceSrc, { tmpl: '' });
  for (const { shim, values, types, plain } of plan.bindingShims) {
    generateFiles(tree, moveFiles('binding-shim'), sourceSrc, {
      ...shimValues(shim, values, types),
      plain,
      helperSpecifier: relativeSpecifier(shim.file, `${sourceSrc}/internal/deprecated-binding.ts`),
    });
  }
  if (plan.bindingShims.length > 0 && !tree.exists(`${sourceSrc}/internal/deprecated-binding.ts`))
    generateFiles(tree, moveFiles('binding-helper'), sourceSrc, { tmpl: '' });

  if (plan.moduleShims.length > 0) {
    updateJson(tree, `${plan.source.root}/package.json`, (manifest: PackageManifest) => {
      let exports = manifest.exports ?? {};
      let sideEffects = manifest.sideEffects;
      for (const { shim, newExport } of plan.moduleShims) {
        if (newExport) exports = withExport(exports, shim.subpath, underSrc(shim.file));
        const sideEffect = `./dist/${underSrc(shim.file)}.js`;
        sideEffects = Array.isArray(sideEffects) ? [...new Set([...sideEffects, sideEffect])] : sideEffects === true ? true : [sideEffect];
      }
      return { ...manifest, exports, sideEffects };
    });
  }

  const destinationSrc = `${plan.destination.root}/src`;
  if (plan.destinationSubpaths.size > 0) {
    updateJson(tree, `${plan.destination.root}/package.json`, (manifest: PackageManifest) => ({
      ...manifest,
      exports: [...plan.destinationSubpaths].reduce(
        (exports, [subpath, file]) => withExport(exports, subpath, posix.relative(destinationSrc, file).replace(/\.ts$/, '')),
        manifest.exports ?? {},
      ),
    }));
  }
  if (plan.destinationEntry) {
    const { file, statements } = plan.destinationEntry;
    tree.write(file, `${(tree.read(file, 'utf-8') ?? '').trimEnd()}\n${statements.join('\n')}\n`);
  }

  const projects = readWorkspaceProjects(tree);
  for (const [name, added] of plan.dependencies) {
    const project = projects.find((candidate) => candidate.name === name) as WorkspaceProject;
    updateJson(tree, `${project.root}/package.json`, (manifest: PackageManifest) => ({
      ...manifest,
      dependencies: { ...manifest.dependencies, ...Object.fromEntries(added) },
    }));
    const tsconfig = `${project.root}/tsconfig.lib.json`;
    const references = [...added.keys()]
      .map((packageName) => projects.find((candidate) => candidate.packageName === packageName))
      .filter((candidate): candidate is WorkspaceProject => candidate !== undefined)
      .map((candidate) => `${posix.relative(project.root, candidate.root)}/tsconfig.lib.json`);
    if (references.length > 0 && tree.isFile(tsconfig)) {
      updateJson(tree, tsconfig, (config: { references?: { path: string }[] }) => {
        const existing = config.references ?? [];
        return {
          ...config,
          references: [
            ...existing,
            ...references.filter((path) => !existing.some((reference) => reference.path === path)).map((path) => ({ path })),
          ],
        };
      });
    }
  }
}

/** `text` with each edit applied (edits may come in any order and do not overlap). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((result, { start, end, text: next }) => `${result.slice(0, start)}${next}${result.slice(end)}`, text);
}

/** `exports` with an entry for `subpath` (types first, then the source condition), before `./package.json`. */
function withExport(exports: Record<string, unknown>, subpath: string, file: string): Record<string, unknown> {
  const entry = {
    types: `./dist/${file}.d.ts`,
    '@alphaswarm/source': `./src/${file}.ts`,
    import: `./dist/${file}.js`,
    default: `./dist/${file}.js`,
  };
  const { ['./package.json']: manifestEntry, ...rest } = exports;
  return { ...rest, [subpath]: entry, ...(manifestEntry === undefined ? {} : { './package.json': manifestEntry }) };
}
