import { join, posix } from 'node:path';
import { formatFiles, generateFiles, readJson, updateJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import {
  POLICY_PATH,
  PolicyError,
  addShim,
  citeRule,
  domainOfTags,
  findCycle,
  isDependencyAllowed,
  parsePolicy,
  type Policy,
  type PolicyShim,
} from '@alphaswarm/policy';
import { exportedBindings } from '../../lib/exported-bindings.js';
import { insertLegacyImport } from '../../lib/insert-legacy-import.js';
import { moduleSpecifiers, replaceSpecifiers, type ModuleSpecifier } from '../../lib/module-specifiers.js';
import { readPolicy } from '../../lib/read-policy.js';
import { relativeSpecifier, resolveSpecifier, subpathsOf } from '../../lib/resolve-specifier.js';
import { updateApiReports } from '../../lib/update-api-reports.js';
import { readWorkspaceProjects, type PackageManifest, type WorkspaceProject } from '../../lib/workspace-projects.js';
import { templatesRoot } from '../domain/domain.js';
import type { MoveModuleGeneratorSchema } from './schema.js';

/** The shim left at the old public subpath. */
export interface PlannedShim {
  readonly shim: PolicyShim;
  readonly policy: Policy;
  readonly values: readonly string[];
  readonly types: readonly string[];
  readonly warnHelper: string;
  readonly newExport: boolean;
}

/** Everything a move writes, decided before the first write. */
export interface MovePlan {
  readonly source: WorkspaceProject;
  readonly destination: WorkspaceProject;
  /** Old path → new path of every moved file. */
  readonly moves: ReadonlyMap<string, string>;
  readonly entry: string;
  readonly newEntry: string;
  /** The destination package's new subpath, e.g. `./reward`. */
  readonly newSubpath: string;
  /** Specifier rewrites per file (moved files under their old path). */
  readonly rewrites: ReadonlyMap<string, readonly { readonly specifier: ModuleSpecifier; readonly text: string }[]>;
  /** Dependencies each project gains: project name → package name → version range. */
  readonly dependencies: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly shim?: PlannedShim;
}

const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out-tsc', 'coverage', '.nx']);

/**
 * `nx g @alphaswarm/workspace-plugin:move-module --from=<project>:<path> --to=<project>[:<path>]`:
 * move a module, rewrite every import of it, and leave a deprecation shim at its old public
 * subpath. Every check runs before the first write; a refused move leaves the tree unchanged.
 */
export async function moveModuleGenerator(tree: Tree, schema: MoveModuleGeneratorSchema): Promise<GeneratorCallback | undefined> {
  const plan = planMove(tree, schema);
  applyMove(tree, plan, schema);
  if (!schema.skipFormat) await formatFiles(tree);
  return schema.skipApiReport ? undefined : updateApiReports(tree, [plan.source.name, plan.destination.name]);
}

export default moveModuleGenerator;

/** Decide the move and check it against the workspace and the policy; throws a PolicyError that names the value and the fix. */
export function planMove(tree: Tree, schema: MoveModuleGeneratorSchema): MovePlan {
  const policy = readPolicy(tree);
  const projects = readWorkspaceProjects(tree);
  const from = parseLocation(schema.from, '--from', projects, true);
  const to = parseLocation(schema.to, '--to', projects, false);
  const source = from.project;
  const destination = to.project;
  const module = resolveModule(tree, source, from.path as string, schema.from);
  const targetPath = to.path ?? module.path;
  if (source.name === destination.name) {
    const onto = targetPath.replace(/\.ts$/, '') === module.path.replace(/\.ts$/, '');
    throw new PolicyError(
      'ASW-227',
      onto
        ? `--from=${schema.from} --to=${schema.to} is a move onto itself; name another project in --to.`
        : `--from and --to name the same project (${source.name}); move-module moves a module between projects: rename inside a project with your editor.`,
    );
  }
  const domainOf = (project: WorkspaceProject) => {
    const domain = domainOfTags(policy, project.tags);
    if (!domain)
      throw new PolicyError(
        'ASW-228',
        `project ${project.name} (${project.root}) has no domain tag the policy knows (tags: ${project.tags.join(', ') || 'none'}); tag it with one domain:* tag first.`,
      );
    return domain.name;
  };
  const sourceDomain = domainOf(source);
  const destinationDomain = domainOf(destination);

  const moves = new Map<string, string>();
  const base = `${destination.root}/src/${targetPath.replace(/\.ts$/, '')}`;
  if (module.kind === 'folder') {
    for (const file of listFiles(tree, module.base)) moves.set(file, `${base}${file.slice(module.base.length)}`);
  } else {
    const stem = module.entry.replace(/\.ts$/, '');
    for (const suffix of ['.ts', '.spec.ts', '.test.ts'])
      if (tree.isFile(`${stem}${suffix}`)) moves.set(`${stem}${suffix}`, `${base}${suffix}`);
  }
  const newEntry = moves.get(module.entry) as string;
  const newSubpath = `./${posix.relative(`${destination.root}/src`, module.kind === 'folder' ? base : newEntry.replace(/\.ts$/, ''))}`;
  const taken = [...moves.values()].find((file) => tree.exists(file)) ?? (module.kind === 'folder' && tree.exists(base) ? base : undefined);
  if (taken)
    throw new PolicyError(
      'ASW-226',
      `--to=${schema.to}: ${taken} already exists; choose a free path (--to=${destination.name}:<path under src/>).`,
    );
  if (destination.manifest.exports?.[newSubpath] !== undefined) {
    throw new PolicyError(
      'ASW-226',
      `--to=${schema.to}: ${destination.packageName} already exports ${newSubpath}; choose another path (--to=${destination.name}:<path under src/>).`,
    );
  }
  const newImport = `${destination.packageName}${newSubpath.slice(1)}`;

  const problems: string[] = [];
  const rewrites = new Map<string, { specifier: ModuleSpecifier; text: string }[]>();
  const dependencies = new Map<string, Map<string, string>>();
  const rewrite = (file: string, specifier: ModuleSpecifier, text: string) => {
    if (text !== specifier.text) rewrites.set(file, [...(rewrites.get(file) ?? []), { specifier, text }]);
  };
  const depend = (project: WorkspaceProject, packageName: string, version: string) => {
    const declared = { ...project.manifest.dependencies, ...project.manifest.devDependencies, ...project.manifest.peerDependencies };
    if (packageName === project.packageName || declared[packageName] !== undefined) return;
    dependencies.set(project.name, (dependencies.get(project.name) ?? new Map()).set(packageName, version));
  };
  const projectOf = (file: string) => projects.find((project) => file.startsWith(`${project.root}/`));
  const verdictText = (verdict: ReturnType<typeof isDependencyAllowed>) =>
    verdict.allowed ? '' : `rule ${citeRule(policy, verdict.rule)} Fix: ${verdict.fix}`;

  for (const file of projects.flatMap((project) => listFiles(tree, project.root)).filter((candidate) => SOURCE_FILE.test(candidate))) {
    const importer = projectOf(file) as WorkspaceProject;
    const moved = moves.get(file);
    for (const specifier of moduleSpecifiers(file, tree.read(file, 'utf-8') ?? '')) {
      const target = resolveSpecifier(tree, file, specifier.text, projects);
      const targetMoved = target.kind === 'file' ? moves.get(target.file) : undefined;
      if (moved !== undefined) {
        if (targetMoved !== undefined) {
          rewrite(
            file,
            specifier,
            specifier.text.startsWith('.') && keepsTarget(moved, specifier.text, targetMoved)
              ? specifier.text
              : relativeSpecifier(moved, targetMoved),
          );
        } else if (target.kind === 'file') {
          const owner = target.project ?? projectOf(target.file);
          if (owner?.name === destination.name) rewrite(file, specifier, relativeSpecifier(moved, target.file));
          else if (owner) {
            const subpath = owner.name === source.name ? subpathsOf(source, target.file)[0] : target.subpath;
            const verdict = isDependencyAllowed(policy, destinationDomain, domainOf(owner));
            if (subpath === undefined)
              problems.push(
                `${file} imports ${target.file}, which stays in ${source.name} and is not exported; move it along (move its folder), or move it first to a domain ${destinationDomain} may import.`,
              );
            else if (!verdict.allowed)
              problems.push(
                `${file} imports ${owner.packageName}${subpath.slice(1)}, which ${destinationDomain} may not import: ${verdictText(verdict)}`,
              );
            else {
              rewrite(file, specifier, `${owner.packageName}${subpath.slice(1)}`);
              depend(destination, owner.packageName, 'workspace:*');
            }
          }
        } else if (target.kind === 'external' && !target.packageName.startsWith('node:')) {
          const version =
            source.manifest.dependencies?.[target.packageName] ??
            source.manifest.peerDependencies?.[target.packageName] ??
            source.manifest.devDependencies?.[target.packageName];
          if (version !== undefined) depend(destination, target.packageName, version);
        }
      } else if (target.kind === 'file' && targetMoved !== undefined) {
        if (importer.name === destination.name) rewrite(file, specifier, relativeSpecifier(file, targetMoved));
        else if (target.file !== module.entry) {
          problems.push(
            `${file} imports ${target.file}, a file inside the module; only its entry (${module.entry}) gets a public subpath in ${destination.packageName}: import the entry instead.`,
          );
        } else {
          const verdict = isDependencyAllowed(policy, domainOf(importer), destinationDomain, file);
          if (!verdict.allowed) {
            problems.push(
              `${file} (${importer.name}) imports the module; after the move it would import ${newImport}, which ${domainOf(importer)} may not: ${verdictText(verdict)}`,
            );
          } else {
            rewrite(file, specifier, newImport);
            depend(importer, destination.packageName, 'workspace:*');
          }
        }
      }
    }
  }

  const shim = planShim(
    tree,
    schema,
    policy,
    { source, destination, sourceDomain, destinationDomain, entry: module.entry, newImport },
    problems,
  );
  if (shim) depend(source, destination.packageName, 'workspace:*');
  problems.push(...typeProblems(policy, projects, dependencies), ...cycleProblems(projects, dependencies));
  if (problems.length > 0) {
    throw new PolicyError(
      'ASW-230',
      `move-module --from=${schema.from} --to=${schema.to} is refused; nothing was written:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  return { source, destination, moves, entry: module.entry, newEntry, newSubpath, rewrites, dependencies, ...(shim ? { shim } : {}) };
}

function planShim(
  tree: Tree,
  schema: MoveModuleGeneratorSchema,
  policy: Policy,
  move: {
    source: WorkspaceProject;
    destination: WorkspaceProject;
    sourceDomain: string;
    destinationDomain: string;
    entry: string;
    newImport: string;
  },
  problems: string[],
): PlannedShim | undefined {
  const { source, entry } = move;
  const current = subpathsOf(source, entry)[0];
  const requested =
    schema.legacyExport === undefined || schema.legacyExport.trim() === ''
      ? undefined
      : `./${schema.legacyExport.trim().replace(/^\.\//, '')}`;
  if (
    requested !== undefined &&
    (!/^\.\/[a-z0-9][a-z0-9._/-]*$/.test(requested) ||
      requested
        .slice(2)
        .split('/')
        .some((segment) => segment === '..' || segment === '.' || segment === '') ||
      requested.endsWith('/'))
  ) {
    throw new PolicyError(
      'ASW-231',
      `--legacy-export=${schema.legacyExport} is not a package subpath; give one like ./reward (lowercase, no "..").`,
    );
  }
  if (current !== undefined && requested !== undefined && current !== requested) {
    throw new PolicyError(
      'ASW-232',
      `--legacy-export=${schema.legacyExport}: ${source.packageName} already publishes the module at ${current}; drop --legacy-export or set it to ${current}.`,
    );
  }
  if (current === undefined && requested !== undefined && source.manifest.exports?.[requested] !== undefined) {
    throw new PolicyError(
      'ASW-233',
      `--legacy-export=${schema.legacyExport}: ${source.packageName} already exports ${requested} for another file; choose a free subpath.`,
    );
  }
  const subpath = current ?? requested;
  if (subpath === undefined) return undefined;
  const { values, types } = exportedBindings(tree, entry);
  if (values.length + types.length === 0) {
    throw new PolicyError(
      'ASW-234',
      `${entry} exports nothing, so there is nothing to keep at ${source.packageName}${subpath.slice(1)}; export the module's API first, or move it without a shim (no --legacy-export).`,
    );
  }
  const table = isDependencyAllowed(policy, move.sourceDomain, move.destinationDomain);
  const shimEdge = policy.shims.some(
    (existing) => existing.project === move.sourceDomain && existing.targetDomain === move.destinationDomain,
  );
  if (!table.allowed && !shimEdge) {
    const edges = [...new Set(policy.shims.map((existing) => `${existing.project} -> ${existing.targetDomain}`))].join(', ');
    problems.push(
      `the shim at ${source.packageName}${subpath.slice(1)} would make ${move.sourceDomain} import ${move.destinationDomain}: rule ${citeRule(policy, table.rule)} The policy has shims only for ${edges}; move the module to a domain ${move.sourceDomain} may import, or drop the public subpath first.`,
    );
    return undefined;
  }
  const id = subpath
    .slice(2)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const uniqueId = policy.shims.some((existing) => existing.id === id) ? `${move.sourceDomain}-${id}` : id;
  const legacyPath = `${source.packageName}${subpath.slice(1)}`;
  const added = addShim(policy, {
    id: uniqueId,
    project: move.sourceDomain,
    file: entry,
    subpath,
    target: move.newImport,
    targetDomain: move.destinationDomain,
    legacy: legacyPath,
  });
  return { ...added, values, types, warnHelper: `${source.root}/src/internal/warn-deprecated-import.ts`, newExport: current === undefined };
}

/** Write the planned move. */
function applyMove(tree: Tree, plan: MovePlan, schema: MoveModuleGeneratorSchema): void {
  const { shim } = plan;
  if (shim) {
    updateJson(tree, POLICY_PATH, () => shim.policy);
    parsePolicy(readJson(tree, POLICY_PATH));
  }
  const contents = new Map([...plan.moves.keys()].map((file) => [file, tree.read(file, 'utf-8') ?? '']));
  for (const [from, to] of plan.moves) {
    tree.delete(from);
    tree.write(to, replaceSpecifiers(contents.get(from) as string, plan.rewrites.get(from) ?? []));
  }
  for (const [file, replacements] of plan.rewrites) {
    if (!plan.moves.has(file)) tree.write(file, replaceSpecifiers(tree.read(file, 'utf-8') ?? '', replacements));
  }
  const relativeToSrc = (project: WorkspaceProject, file: string) => posix.relative(`${project.root}/src`, file).replace(/\.ts$/, '');
  if (shim) {
    const shimFile = relativeToSrc(plan.source, shim.shim.file);
    generateFiles(tree, join(templatesRoot(), 'move-module', 'files', 'shim'), `${plan.source.root}/src`, {
      tmpl: '',
      shimFile,
      from: schema.from,
      to: schema.to,
      legacyPath: `${plan.source.packageName}${shim.shim.subpath.slice(1)}`,
      target: shim.shim.target,
      code: shim.shim.code,
      values: shim.values,
      types: shim.types,
      warnSpecifier: relativeSpecifier(shim.shim.file, shim.warnHelper),
    });
    if (!tree.exists(shim.warnHelper))
      generateFiles(tree, join(templatesRoot(), 'move-module', 'files', 'warn'), `${plan.source.root}/src`, { tmpl: '' });
    updateJson(tree, `${plan.source.root}/package.json`, (manifest: PackageManifest) => {
      const exports = shim.newExport ? withExport(manifest.exports ?? {}, shim.shim.subpath, shimFile) : manifest.exports;
      const sideEffect = `./dist/${shimFile}.js`;
      const sideEffects = Array.isArray(manifest.sideEffects)
        ? [...new Set([...manifest.sideEffects, sideEffect])]
        : manifest.sideEffects === true
          ? true
          : [sideEffect];
      return { ...manifest, exports, sideEffects };
    });
    const legacyImports = `${plan.source.root}/src/legacy-imports.ts`;
    if (tree.isFile(legacyImports)) {
      tree.write(
        legacyImports,
        insertLegacyImport(legacyImports, tree.read(legacyImports, 'utf-8') ?? '', {
          legacy: shim.shim.legacy,
          shimPath: `${plan.source.packageName}${shim.shim.subpath.slice(1)}`,
          replacement: shim.shim.target,
          code: shim.shim.code,
        }),
      );
    }
  }
  updateJson(tree, `${plan.destination.root}/package.json`, (manifest: PackageManifest) => ({
    ...manifest,
    exports: withExport(manifest.exports ?? {}, plan.newSubpath, relativeToSrc(plan.destination, plan.newEntry)),
  }));
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

function parseLocation(
  value: unknown,
  flag: '--from' | '--to',
  projects: readonly WorkspaceProject[],
  needsPath: boolean,
): { project: WorkspaceProject; path?: string } {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PolicyError(
      'ASW-220',
      `${flag} is required: ${flag}=${flag === '--from' ? '<project>:<path under src/>' : '<project>[:<path under src/>]'}.`,
    );
  }
  const [name = '', ...rest] = value.trim().split(':');
  const project = projects.find((candidate) => candidate.name === name);
  if (!project)
    throw new PolicyError(
      'ASW-220',
      `${flag}=${value} names unknown project "${name}"; projects: ${projects.map((candidate) => candidate.name).join(', ')}.`,
    );
  if (rest.length === 0 || rest.join(':').trim() === '') {
    if (needsPath)
      throw new PolicyError('ASW-221', `${flag}=${value} needs a module path: ${flag}=${name}:<path under src/>, e.g. ${name}:reward.`);
    return { project };
  }
  const raw = rest.join(':').trim();
  const path = raw
    .replace(/^\.\//, '')
    .replace(/^src\//, '')
    .replace(/\/+$/, '');
  if (
    raw.startsWith('/') ||
    /[\\:]/.test(path) ||
    path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw new PolicyError(
      'ASW-222',
      `${flag}=${value}: "${raw}" is not a path inside ${project.root}/src; give a relative path without ".." (e.g. ${name}:reward).`,
    );
  }
  return { project, path };
}

function resolveModule(
  tree: Tree,
  project: WorkspaceProject,
  path: string,
  flagValue: string,
): { kind: 'file' | 'folder'; base: string; entry: string; path: string } {
  const base = `${project.root}/src/${path}`;
  const file = [base, `${base}.ts`].find((candidate) => candidate.endsWith('.ts') && tree.isFile(candidate));
  const entry = file ?? `${base}/index.ts`;
  if (entry === `${project.root}/src/index.ts`) {
    throw new PolicyError(
      'ASW-225',
      `--from=${flagValue} is the package root of ${project.packageName}; move a module it exports instead.`,
    );
  }
  if (file) return { kind: 'file', base: file, entry: file, path };
  if (tree.exists(base) && !tree.isFile(base)) {
    if (!tree.isFile(entry))
      throw new PolicyError(
        'ASW-224',
        `--from=${flagValue}: the folder ${base} has no index.ts; add one that exports the module's API, or name a file.`,
      );
    return { kind: 'folder', base, entry, path };
  }
  throw new PolicyError(
    'ASW-223',
    `--from=${flagValue}: ${base} does not exist (neither a folder nor ${base.endsWith('.ts') ? 'a file' : `${base}.ts`}); the path is relative to ${project.root}/src.`,
  );
}

/** Every file under `folder`, skipping build output and installed packages. */
function listFiles(tree: Tree, folder: string): string[] {
  return tree.children(folder).flatMap((child) => {
    const path = `${folder}/${child}`;
    if (tree.isFile(path)) return [path];
    return SKIPPED_FOLDERS.has(child) ? [] : listFiles(tree, path);
  });
}

/** Does a relative specifier written in `file` still lead to `target` after both moved? */
function keepsTarget(file: string, specifier: string, target: string): boolean {
  const resolved = posix.join(posix.dirname(file), specifier);
  return [resolved.replace(/\.js$/, '.ts'), resolved, `${resolved}.ts`, `${resolved}/index.ts`].includes(target);
}

/** New dependencies whose project types the policy's type constraints forbid. */
function typeProblems(
  policy: Policy,
  projects: readonly WorkspaceProject[],
  dependencies: ReadonlyMap<string, ReadonlyMap<string, string>>,
): string[] {
  const typeOf = (project: WorkspaceProject | undefined) => project?.tags.find((tag) => tag.startsWith('type:'))?.slice('type:'.length);
  return [...dependencies].flatMap(([name, added]) => {
    const from = projects.find((project) => project.name === name);
    const fromType = policy.types.find((type) => type.name === typeOf(from));
    return [...added.keys()].flatMap((packageName) => {
      const to = projects.find((project) => project.packageName === packageName);
      const toType = typeOf(to);
      return fromType && to && toType && !fromType.mayImport.includes(toType)
        ? [
            `${name} (type:${fromType.name}) would depend on ${to.name} (type:${toType}), which the type constraints forbid: type:${fromType.name} may import only ${fromType.mayImport.map((type) => `type:${type}`).join(', ')}.`,
          ]
        : [];
    });
  });
}

/** A cycle the new workspace dependencies would close, if any. */
function cycleProblems(projects: readonly WorkspaceProject[], dependencies: ReadonlyMap<string, ReadonlyMap<string, string>>): string[] {
  const edges = new Map(
    projects.map((project) => {
      const declared = [
        ...Object.keys({ ...project.manifest.dependencies, ...project.manifest.devDependencies }),
        ...(dependencies.get(project.name)?.keys() ?? []),
      ];
      return [project.packageName, declared.filter((name) => projects.some((candidate) => candidate.packageName === name))];
    }),
  );
  const cycle = findCycle(edges);
  return cycle
    ? [
        `the new dependencies would close a cycle between packages: ${cycle.join(' -> ')}; Nx and TypeScript project references cannot build a cycle.`,
      ]
    : [];
}
