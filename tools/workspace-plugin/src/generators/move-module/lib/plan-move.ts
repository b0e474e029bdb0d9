import { posix } from 'node:path';
import type { Tree } from '@nx/devkit';
import { PolicyError, addShim, domainOfTags, isDependencyAllowed, type Policy, type PolicyShim } from '@alphaswarm/policy';
import { exportKinds, type ExportKind } from '../../../lib/export-kinds.js';
import { exportedBindings } from '../../../lib/exported-bindings.js';
import {
  moduleDeclarations,
  renderDeclaration,
  type DeclarationElement,
  type ModuleDeclaration,
} from '../../../lib/module-declarations.js';
import { moduleSpecifiers, type ModuleSpecifier } from '../../../lib/module-specifiers.js';
import { readPolicy } from '../../../lib/read-policy.js';
import { relativeSpecifier, resolveSpecifier, sourceOfExport, subpathsOf } from '../../../lib/resolve-specifier.js';
import { readWorkspaceProjects, type WorkspaceProject } from '../../../lib/workspace-projects.js';
import type { MoveModuleGeneratorSchema } from '../schema.js';
import { cycleProblems } from './cycle-problems.js';
import { legacyExportOf } from './legacy-export-of.js';
import { listFiles } from './list-files.js';
import { moveRefusal, type Problem } from './move-problem.js';
import { parseLocation } from './parse-location.js';
import { resolveModule } from './resolve-module.js';
import { typeProblems } from './type-problems.js';

/** A replacement of `start`..`end` of a file's text. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A shim module left at the moved module's own public subpath: warns when it is loaded. */
export interface PlannedModuleShim {
  readonly shim: PolicyShim;
  readonly values: readonly string[];
  readonly types: readonly string[];
  /** The subpath is new (`--legacy-export`), so the source's `exports` gain it. */
  readonly newExport: boolean;
}

/** One name a compatibility binding shim keeps: its name in the moved file, and as the destination publishes it. */
export interface ShimBinding {
  readonly name: string;
  readonly published: string;
}

/** The file a package entry re-exported moved bindings from, left as compatibility bindings that warn when used. */
export interface PlannedBindingShim {
  readonly shim: PolicyShim;
  /** Wrapped values; `instanceType` for a class or enum, whose type is re-declared beside the value. */
  readonly values: readonly (ShimBinding & { readonly instanceType?: { readonly parameters: string; readonly arguments: string } })[];
  readonly types: readonly ShimBinding[];
  /** Values re-exported unchanged: their declaration is not visible, so they cannot be wrapped. */
  readonly plain: readonly ShimBinding[];
}

/** Everything a move writes, decided before the first write. */
export interface MovePlan {
  readonly source: WorkspaceProject;
  readonly destination: WorkspaceProject;
  /** Old path → new path of every moved file. */
  readonly moves: ReadonlyMap<string, string>;
  /** Text edits per file (moved files under their old path). */
  readonly edits: ReadonlyMap<string, readonly TextEdit[]>;
  /** Subpaths the destination publishes for moved files: subpath → new file. */
  readonly destinationSubpaths: ReadonlyMap<string, string>;
  /** Statements appended to the destination's entry, which publishes the moved bindings an entry of the source re-exported. */
  readonly destinationEntry: { readonly file: string; readonly statements: readonly string[] } | undefined;
  /** Dependencies each project gains: project name → package name → version range. */
  readonly dependencies: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly moduleShims: readonly PlannedModuleShim[];
  readonly bindingShims: readonly PlannedBindingShim[];
  /** The policy as it will be written (with the new shims). */
  readonly policy: Policy;
  /** What the move could not do for the user, printed after it. */
  readonly notes: readonly string[];
}

/** A statement of a source entry that re-exports a moved file. */
interface Publication {
  readonly entry: string;
  readonly subpath: string;
  readonly file: string;
  readonly declaration: ModuleDeclaration;
}

const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SPEC_FILE = /\.(spec|test)\.[cm]?tsx?$/;

/**
 * Decide the move and check it against the workspace and the policy; throws a PolicyError that
 * names the value and the fix. Nothing is written here.
 */
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
      'ASW-1327',
      onto
        ? `--from=${schema.from} --to=${schema.to} is a move onto itself; name another project in --to.`
        : `--from and --to name the same project (${source.name}); move-module moves a module between projects: rename inside a project with your editor.`,
    );
  }
  const domainOf = (project: WorkspaceProject) => {
    const domain = domainOfTags(policy, project.tags);
    if (!domain)
      throw new PolicyError(
        'ASW-1328',
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
  const shimFile = policy.shims.find((shim) => moves.has(shim.file));
  if (shimFile) {
    throw new PolicyError(
      'ASW-1335',
      `--from=${schema.from} contains ${shimFile.file}, the legacy shim "${shimFile.id}" (${shimFile.legacy} -> ${shimFile.target}); a shim stays where its legacy path is until it is retired: move the code it re-exports (in ${shimFile.target}) instead, or name a module without shims.`,
    );
  }
  const sourceEntry = sourceOfExport(source, '.');
  if (sourceEntry !== undefined && moves.has(sourceEntry)) {
    throw new PolicyError(
      'ASW-1325',
      `--from=${schema.from} contains ${sourceEntry}, the package entry of ${source.packageName}; move a module it exports instead.`,
    );
  }
  const taken = [...moves.values()].find((file) => tree.exists(file)) ?? (module.kind === 'folder' && tree.exists(base) ? base : undefined);
  if (taken)
    throw new PolicyError(
      'ASW-1326',
      `--to=${schema.to}: ${taken} already exists; choose a free path (--to=${destination.name}:<path under src/>).`,
    );
  const subpathOf = (newFile: string) =>
    `./${posix.relative(`${destination.root}/src`, newFile.replace(/\.ts$/, '')).replace(/(^|\/)index$/, '')}`;
  const newPathOf = (file: string) => moves.get(file) as string;

  const problems: Problem[] = [];
  const notes: string[] = [];
  const edits = new Map<string, TextEdit[]>();
  const dependencies = new Map<string, Map<string, string>>();
  const destinationSubpaths = new Map<string, string>();
  const edit = (file: string, start: number, end: number, text: string) =>
    edits.set(file, [...(edits.get(file) ?? []), { start, end, text }]);
  const rewrite = (file: string, specifier: ModuleSpecifier, text: string) => {
    if (text !== specifier.text) edit(file, specifier.start, specifier.end, text);
  };
  const depend = (project: WorkspaceProject, packageName: string, version: string) => {
    const declared = { ...project.manifest.dependencies, ...project.manifest.devDependencies, ...project.manifest.peerDependencies };
    if (packageName === project.packageName || declared[packageName] !== undefined) return;
    dependencies.set(project.name, (dependencies.get(project.name) ?? new Map()).set(packageName, version));
  };
  const projectOf = (file: string) => projects.find((project) => file.startsWith(`${project.root}/`));
  const publish = (newFile: string) => {
    const subpath = subpathOf(newFile);
    destinationSubpaths.set(subpath, newFile);
    return `${destination.packageName}${subpath.slice(1)}`;
  };
  const mayUseDestination = (file: string, importer: WorkspaceProject, what: string) => {
    const verdict = isDependencyAllowed(policy, domainOf(importer), destinationDomain, file);
    if (verdict.allowed) return true;
    problems.push({
      file,
      text: `${file} (${importer.name}) ${what}, which ${domainOf(importer)} may not import (${verdict.rule})`,
      verdict,
    });
    return false;
  };

  // The moved files the source publishes: at a subpath of their own, or re-exported by an entry.
  const ownSubpaths = new Map(
    Object.keys(source.manifest.exports ?? {}).flatMap((subpath) => {
      const file = sourceOfExport(source, subpath);
      return file !== undefined && moves.has(file) ? [[file, subpath] as const] : [];
    }),
  );
  const entries = Object.keys(source.manifest.exports ?? {}).flatMap((subpath) => {
    const file = sourceOfExport(source, subpath);
    return file !== undefined && !moves.has(file) && tree.isFile(file) ? [{ subpath, file }] : [];
  });
  const publications: Publication[] = [];
  for (const entry of entries) {
    const text = tree.read(entry.file, 'utf-8') ?? '';
    const declarations = moduleDeclarations(entry.file, text);
    for (const specifier of moduleSpecifiers(entry.file, text)) {
      const target = resolveSpecifier(tree, entry.file, specifier.text, projects);
      if (target.kind !== 'file' || !moves.has(target.file)) continue;
      const declaration = declarations.find((candidate) => candidate.start <= specifier.start && specifier.end <= candidate.end);
      // Other uses by an entry (an import, `export * as ns`) are imports like any other, rewritten below.
      if (declaration?.kind === 'export' && declaration.namespace === undefined)
        publications.push({ entry: entry.file, subpath: entry.subpath, file: target.file, declaration });
    }
  }
  const publishedFiles = new Map<string, Publication[]>();
  for (const publication of publications)
    publishedFiles.set(publication.file, [...(publishedFiles.get(publication.file) ?? []), publication]);
  for (const [file, found] of publishedFiles) {
    const subpaths = [...new Set(found.map((publication) => publication.subpath))];
    if (ownSubpaths.has(file) || subpaths.length > 1) {
      problems.push({
        text: `${file} is published at ${[...(ownSubpaths.has(file) ? [ownSubpaths.get(file) as string] : []), ...subpaths].map((subpath) => `${source.packageName}${subpath.slice(1)}`).join(' and ')}; one compatibility path per module: drop all but one of them first`,
      });
    }
  }

  // Where the destination publishes what an entry of the source re-exported: its own entry.
  const destinationEntryFile = sourceOfExport(destination, '.');
  const destinationStatements: string[] = [];
  const publishedNames = new Map<string, Map<string, string>>();
  if (publications.length > 0) {
    if (destinationEntryFile === undefined || !tree.isFile(destinationEntryFile)) {
      problems.push({
        text: `${destination.packageName} has no entry ("." in its package.json exports, with an @alphaswarm/source file) to publish what ${source.packageName} re-exports from the module; give it one first`,
      });
    } else {
      const existing = exportKinds(tree, destinationEntryFile);
      for (const publication of publications) {
        const { declaration } = publication;
        const specifier = relativeSpecifier(destinationEntryFile, newPathOf(publication.file));
        const names = new Map(publishedNames.get(publication.file));
        if (declaration.exportAll) {
          // Throws ASW-1338 when the file itself re-exports a whole package: its names cannot be listed.
          exportedBindings(tree, publication.file);
          for (const name of exportKinds(tree, publication.file).keys()) if (name !== 'default') names.set(name, name);
          destinationStatements.push(`export${declaration.typeOnly ? ' type' : ''} * from '${specifier}';`);
        } else {
          for (const element of declaration.named) names.set(element.propertyName ?? element.name, element.name);
          destinationStatements.push(renderDeclaration(declaration, declaration.named, specifier, false));
        }
        publishedNames.set(publication.file, names);
      }
      const clashes = [...publishedNames.values()].flatMap((names) => [...names.values()]).filter((name) => existing.has(name));
      if (clashes.length > 0) {
        problems.push({
          text: `${destination.packageName} already exports ${[...new Set(clashes)].join(', ')} from ${destinationEntryFile}; the moved bindings would clash there: rename them on one side first`,
        });
      }
    }
  }
  const rootPublished = (file: string, names: readonly string[]) => {
    const published = publishedNames.get(file);
    return published !== undefined && names.every((name) => published.get(name) === name);
  };

  // Every import in the workspace of a moved file, or of a moved binding through a source entry.
  const entryFiles = new Set(entries.map((entry) => entry.file));
  const movedThrough = (entry: string) =>
    new Set(
      publications
        .filter((publication) => publication.entry === entry)
        .flatMap((publication) => [...(publishedNames.get(publication.file)?.values() ?? [])]),
    );
  for (const file of projects.flatMap((project) => listFiles(tree, project.root)).filter((candidate) => SOURCE_FILE.test(candidate))) {
    const importer = projectOf(file) as WorkspaceProject;
    const moved = moves.get(file);
    const text = tree.read(file, 'utf-8') ?? '';
    const declarations = moduleDeclarations(file, text);
    const declarationAt = (specifier: ModuleSpecifier) =>
      declarations.find(
        (candidate) => candidate.start <= specifier.start && specifier.end <= candidate.end && candidate.specifier === specifier.text,
      );
    for (const specifier of moduleSpecifiers(file, text)) {
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
            const subpath =
              owner.name === source.name
                ? (subpathsOf(source, target.file)[0] ?? entryReExporting(tree, entries, target.file, declarationAt(specifier)))
                : target.subpath;
            const verdict = isDependencyAllowed(policy, destinationDomain, domainOf(owner));
            if (subpath === undefined)
              problems.push({
                file,
                text: `${file} imports ${target.file}, which stays in ${source.name} and ${source.packageName} does not publish what it takes from there; move it along (move its folder), or move it first to a domain ${destinationDomain} may import`,
              });
            else if (!verdict.allowed)
              problems.push({
                file,
                text: `${file} imports ${owner.packageName}${subpath.slice(1)}, which ${destinationDomain} may not import (${verdict.rule})`,
                verdict,
              });
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
        continue;
      }
      if (target.kind !== 'file') continue;
      const declaration = declarationAt(specifier);
      if (targetMoved !== undefined) {
        if (publications.some((publication) => publication.entry === file && publication.declaration.start === declaration?.start))
          continue;
        if (importer.name === destination.name) {
          rewrite(file, specifier, relativeSpecifier(file, targetMoved));
          continue;
        }
        const names = declaration?.named.map((element) => element.propertyName ?? element.name) ?? [];
        const byName =
          declaration !== undefined &&
          declaration.namespace === undefined &&
          !declaration.exportAll &&
          declaration.defaultName === undefined;
        const newImport = byName && names.length > 0 && rootPublished(target.file, names) ? destination.packageName : publish(targetMoved);
        if (mayUseDestination(file, importer, `imports ${target.file}; after the move it would import ${newImport}`)) {
          rewrite(file, specifier, newImport);
          depend(importer, destination.packageName, 'workspace:*');
        }
        continue;
      }
      if (!entryFiles.has(target.file) || target.file === file) continue;
      const names = movedThrough(target.file);
      if (names.size === 0) continue;
      const entryPath = `${source.packageName}${(entries.find((entry) => entry.file === target.file)?.subpath ?? '.').slice(1)}`;
      if (
        declaration === undefined ||
        declaration.namespace !== undefined ||
        declaration.exportAll ||
        (declaration.defaultName !== undefined && names.has('default'))
      ) {
        if (importer.name === source.name && SPEC_FILE.test(file)) continue;
        problems.push({
          file,
          text: `${file} (${importer.name}) imports all of ${entryPath}, which keeps ${[...names].join(', ')} only as deprecated compatibility bindings; import the names it uses with \`import { … }\` first, so the move can rewrite them`,
        });
        continue;
      }
      const movedElements = declaration.named.filter((element) => names.has(element.propertyName ?? element.name));
      if (movedElements.length === 0) continue;
      if (
        !mayUseDestination(
          file,
          importer,
          `imports ${movedElements.map((element) => element.propertyName ?? element.name).join(', ')} from ${entryPath}; after the move it would import them from ${destination.packageName}`,
        )
      )
        continue;
      const kept = declaration.named.filter((element) => !movedElements.includes(element));
      const keepDefault = declaration.defaultName !== undefined;
      const statements = [
        ...(kept.length > 0 || keepDefault ? [renderDeclaration(declaration, kept, declaration.specifier, keepDefault)] : []),
        ...(importer.name === destination.name
          ? homesInDestination(file, movedElements, publications, publishedNames, newPathOf).map(([home, elements]) =>
              renderDeclaration(declaration, elements, home, false),
            )
          : [renderDeclaration(declaration, movedElements, destination.packageName, false)]),
      ];
      edit(file, declaration.start, declaration.end, statements.join('\n'));
      if (importer.name !== destination.name) depend(importer, destination.packageName, 'workspace:*');
    }
  }

  // Files of a module without publications: the destination publishes the module's entry, as the source could.
  if (module.kind === 'file' || tree.isFile(`${module.base}/index.ts`)) {
    const entry = module.kind === 'file' ? module.entry : `${module.base}/index.ts`;
    if (!publishedFiles.has(entry) || ownSubpaths.has(entry)) publish(newPathOf(entry));
  }

  // What stays behind: a shim module at a subpath of its own, compatibility bindings behind an entry.
  let next = policy;
  const register = (shim: Omit<PolicyShim, 'code'>): PolicyShim | undefined => {
    const table = isDependencyAllowed(next, sourceDomain, destinationDomain);
    const precedent = next.shims.some((existing) => existing.domain === sourceDomain && existing.targetDomain === destinationDomain);
    if (!table.allowed && !precedent) {
      const edges = [...new Set(next.shims.map((existing) => `${existing.domain} -> ${existing.targetDomain}`))].join(', ');
      problems.push({
        text: `the compatibility path ${shim.legacy} would make ${sourceDomain} import ${destinationDomain} (${table.rule}); the policy has shims only for ${edges}: move the module to a domain ${sourceDomain} may import, or drop its public path first`,
        verdict: table,
      });
      return undefined;
    }
    const taken = (id: string) => next.shims.some((existing) => existing.id === id);
    const id = [shim.id, `${sourceDomain}-${shim.id}`, `${source.name}-${shim.id}-${next.shims.length + 1}`].find(
      (candidate) => !taken(candidate),
    ) as string;
    const added = addShim(next, { ...shim, id });
    next = added.policy;
    return added.shim;
  };
  const slug = (text: string) =>
    text
      .replace(/\.ts$/, '')
      .replace(/(^|\/)index$/, '')
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'module';

  const moduleShims: PlannedModuleShim[] = [];
  const requested = legacyExportOf(schema);
  const moduleEntry =
    module.kind === 'file' ? module.entry : tree.isFile(`${module.base}/index.ts`) ? `${module.base}/index.ts` : undefined;
  const current = moduleEntry === undefined ? undefined : ownSubpaths.get(moduleEntry);
  if (requested !== undefined) {
    if (moduleEntry === undefined)
      throw new PolicyError(
        'ASW-1336',
        `--legacy-export=${schema.legacyExport}: the folder ${module.base} has no index.ts to keep at that subpath; add one that exports the module's API, or drop --legacy-export.`,
      );
    if (current !== undefined && current !== requested)
      throw new PolicyError(
        'ASW-1332',
        `--legacy-export=${schema.legacyExport}: ${source.packageName} already publishes the module at ${current}; drop --legacy-export or set it to ${current}.`,
      );
    if (current === undefined && source.manifest.exports?.[requested] !== undefined)
      throw new PolicyError(
        'ASW-1333',
        `--legacy-export=${schema.legacyExport}: ${source.packageName} already exports ${requested} for another file; choose a free subpath.`,
      );
    if (publishedFiles.has(moduleEntry))
      problems.push({
        text: `--legacy-export=${schema.legacyExport}: ${moduleEntry} is already re-exported by ${publishedFiles.get(moduleEntry)?.[0]?.entry}, which keeps it as compatibility bindings; drop --legacy-export`,
      });
  }
  const shimmed = [...ownSubpaths].map(([file, subpath]) => ({ file, subpath, newExport: false }));
  if (requested !== undefined && current === undefined && moduleEntry !== undefined)
    shimmed.push({ file: moduleEntry, subpath: requested, newExport: true });
  for (const { file, subpath, newExport } of shimmed) {
    const { values, types } = exportedBindings(tree, file);
    if (values.length + types.length === 0) {
      throw new PolicyError(
        'ASW-1334',
        `${file} exports nothing, so there is nothing to keep at ${source.packageName}${subpath.slice(1)}; export the module's API first, or move it without a shim (no --legacy-export).`,
      );
    }
    const target = `${destination.packageName}${subpathOf(newPathOf(file)).slice(1)}`;
    destinationSubpaths.set(subpathOf(newPathOf(file)), newPathOf(file));
    const legacy = `${source.packageName}${subpath.slice(1)}`;
    const shim = register({
      id: slug(subpath.slice(2)),
      domain: sourceDomain,
      file,
      subpath,
      target,
      targetDomain: destinationDomain,
      legacy,
    });
    if (shim) moduleShims.push({ shim, values, types, newExport });
  }

  const bindingShims: PlannedBindingShim[] = [];
  for (const [file, found] of publishedFiles) {
    const first = found[0] as Publication;
    const names = publishedNames.get(file) ?? new Map<string, string>();
    const kinds = exportKinds(tree, file);
    const typeOnly = new Set(
      found.flatMap(({ declaration }) =>
        declaration.exportAll
          ? declaration.typeOnly
            ? [...names.keys()]
            : []
          : declaration.named
              .filter((element) => declaration.typeOnly || element.typeOnly)
              .map((element) => element.propertyName ?? element.name),
      ),
    );
    const values: PlannedBindingShim['values'][number][] = [];
    const types: ShimBinding[] = [];
    const plain: ShimBinding[] = [];
    const unobservable: string[] = [];
    for (const [name, published] of names) {
      const kind: ExportKind = typeOnly.has(name) ? { kind: 'type' } : (kinds.get(name) ?? { kind: 'opaque-value' });
      if (kind.kind === 'type') types.push({ name, published });
      else if (kind.kind === 'value') {
        values.push({ name, published });
        if (!kind.observable) unobservable.push(name);
      } else if (kind.kind === 'value-and-type')
        values.push({ name, published, instanceType: { parameters: kind.parameters, arguments: kind.arguments } });
      else plain.push({ name, published });
    }
    if (plain.length > 0)
      notes.push(
        `${plain.map((binding) => binding.name).join(', ')} of ${file}: re-exported unchanged by the compatibility bindings, because move-module cannot see ${plain.length === 1 ? 'its' : 'their'} declaration; ${plain.length === 1 ? 'it does' : 'they do'} not warn when used`,
      );
    if (unobservable.length > 0)
      notes.push(
        `${unobservable.join(', ')} of ${file}: not a function, class or plain object, so ${unobservable.length === 1 ? 'its compatibility binding' : 'their compatibility bindings'} cannot warn when used; only the @deprecated tag tells`,
      );
    const legacyPath = `${source.packageName}${first.subpath.slice(1)}`;
    const bindings = [...names.values()];
    const shim = register({
      id: slug(posix.relative(`${source.root}/src`, file).split('/').at(-1) ?? file),
      domain: sourceDomain,
      file,
      subpath: first.subpath,
      target: destination.packageName,
      targetDomain: destinationDomain,
      legacy: `import { ${bindings.join(', ')} } from '${legacyPath}'`,
      bindings,
      entry: first.entry,
    });
    if (shim) bindingShims.push({ shim, values, types, plain });
  }
  if (moduleShims.length + bindingShims.length > 0) depend(source, destination.packageName, 'workspace:*');
  for (const subpath of destinationSubpaths.keys()) {
    if (destination.manifest.exports?.[subpath] !== undefined)
      throw new PolicyError(
        'ASW-1326',
        `--to=${schema.to}: ${destination.packageName} already exports ${subpath}; choose another path (--to=${destination.name}:<path under src/>).`,
      );
  }

  problems.push(...typeProblems(policy, projects, dependencies), ...cycleProblems(projects, dependencies));
  if (problems.length > 0) throw moveRefusal(schema, problems);
  return {
    source,
    destination,
    moves,
    edits,
    destinationSubpaths,
    destinationEntry:
      destinationStatements.length > 0 && destinationEntryFile !== undefined
        ? { file: destinationEntryFile, statements: destinationStatements }
        : undefined,
    dependencies,
    moduleShims,
    bindingShims,
    policy: next,
    notes,
  };
}

/**
 * The subpath of an entry that re-exports, under the same names, everything `declaration` takes
 * from `file` (a file that stays behind): the moved module can import that through the package.
 */
function entryReExporting(
  tree: Tree,
  entries: readonly { readonly subpath: string; readonly file: string }[],
  file: string,
  declaration: ModuleDeclaration | undefined,
): string | undefined {
  if (declaration === undefined || declaration.namespace !== undefined || declaration.exportAll || declaration.defaultName !== undefined)
    return undefined;
  const names = declaration.named.map((element) => element.propertyName ?? element.name);
  if (names.length === 0) return undefined;
  return entries.find((entry) => {
    const text = tree.read(entry.file, 'utf-8') ?? '';
    const reExported = moduleDeclarations(entry.file, text)
      .filter((candidate) => {
        const target = resolveSpecifier(tree, entry.file, candidate.specifier, []);
        return candidate.kind === 'export' && target.kind === 'file' && target.file === file;
      })
      .flatMap((candidate) =>
        candidate.named.filter((element) => (element.propertyName ?? element.name) === element.name).map((element) => element.name),
      );
    return names.every((name) => reExported.includes(name));
  })?.subpath;
}

/**
 * Inside the destination, moved bindings are imported from the moved files themselves (its own
 * entry would be a self-import): each element under the name its file declares it by.
 */
function homesInDestination(
  file: string,
  elements: readonly DeclarationElement[],
  publications: readonly Publication[],
  publishedNames: ReadonlyMap<string, ReadonlyMap<string, string>>,
  newPathOf: (file: string) => string,
): [string, DeclarationElement[]][] {
  const byFile = new Map<string, DeclarationElement[]>();
  for (const element of elements) {
    const published = element.propertyName ?? element.name;
    const origin = publications.find((publication) => [...(publishedNames.get(publication.file)?.values() ?? [])].includes(published))
      ?.file as string;
    const own = [...(publishedNames.get(origin) ?? new Map<string, string>())].find(([, name]) => name === published)?.[0] ?? published;
    const text = `${element.typeOnly ? 'type ' : ''}${own === element.name ? own : `${own} as ${element.name}`}`;
    byFile.set(origin, [...(byFile.get(origin) ?? []), { ...element, propertyName: own === element.name ? undefined : own, text }]);
  }
  return [...byFile].map(([origin, found]) => [relativeSpecifier(file, newPathOf(origin)), found]);
}

/** Does a relative specifier written in `file` still lead to `target` after both moved? */
function keepsTarget(file: string, specifier: string, target: string): boolean {
  const resolved = posix.join(posix.dirname(file), specifier);
  return [resolved.replace(/\.js$/, '.ts'), resolved, `${resolved}.ts`, `${resolved}/index.ts`].includes(target);
}
