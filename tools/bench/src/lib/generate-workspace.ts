import { posix } from 'node:path';
import { addDomain, allowedTargets, bannedExternalsOf, parsePolicy, UNVERIFIABLE_TARGET, type Policy } from '@alphaswarm/policy';
import { BenchError } from './bench-error.js';
import type { GroundTruth, InjectedViolation } from './ground-truth.js';
import { pick, seededRandom, type Random } from './random.js';

/** What to generate: `projects` tagged projects with `filesPerProject` TypeScript files each, from `seed`. */
export interface GenerateOptions {
  readonly projects: number;
  readonly filesPerProject: number;
  readonly seed: number;
}

/** A generated workspace: every file (workspace-relative path → text) and its ground truth. */
export interface GeneratedWorkspace {
  readonly files: ReadonlyMap<string, string>;
  readonly groundTruth: GroundTruth;
}

/** The npm scope of the generated packages. */
export const BENCH_SCOPE = '@bench';
/** Projects per domain above which extra domains are generated. */
const PROJECTS_PER_DOMAIN = 25;
const MIN_PROJECTS = 20;
const MIN_FILES = 4;

interface Project {
  readonly name: string;
  readonly root: string;
  readonly packageName: string;
  readonly domain: string;
  readonly type: string;
  readonly tags: readonly string[];
  /** Position in the dependency order: a project only ever depends on earlier ones (the graph stays acyclic). */
  readonly order: number;
}

/** The type each real domain's projects carry (extra domains are runtime code). */
const typeOfDomain: Readonly<Record<string, string>> = {
  core: 'contract',
  controller: 'service',
  client: 'ui',
  snippets: 'knowledge',
  'monolith-primitives': 'primitives',
  deployment: 'deploy',
};
/** Domains in dependency order: every allowed import of the real table points to an earlier domain. */
const domainOrder = ['core', 'monolith-primitives', 'monolith', 'controller', 'client', 'snippets', 'bots', 'rl', 'models', 'deployment'];
const npmPackages = ['zod', 'yaml', 'semver', 'minimatch', 'date-fns', 'lodash-es', 'rxjs', 'immer', 'uuid', 'nanoid'];
const builtins = ['node:fs/promises', 'node:path', 'node:crypto', 'node:events', 'node:url'];
const bannedPicks = ['express', 'pg', '@aws-sdk/client-s3', 'kafkajs', 'typeorm'];
const shimPaths = ['rl', 'ml', 'llm/vllm-runner', 'llm/ollama-client'];

/**
 * A valid pnpm + Nx workspace, the same bytes for the same options: the real policy's product
 * domains (and `ext-N` domains added through the policy's own `addDomain` when there are more than
 * 25 projects per domain), `projects` tagged projects spread over them in an acyclic dependency
 * shape that the policy allows, each with `filesPerProject` TypeScript files naming modules in
 * every form the engine reads (relative, npm, built-in, type-only, re-exports, dynamic imports,
 * `vi.mock` in specs), and a known set of injected violations of every kind, at most one per
 * file, listed in the ground truth. One more project carries no type tag (an unplaced project).
 *
 * @param realPolicy the workspace's policy (`tools/policy/policy.json`), whose domains, types,
 *   banned packages and legacy shims the generated workspace uses; its exceptions are replaced by
 *   one generated exception.
 * @throws BenchError ASW-1400 when the sizes are too small to hold a violation of every kind.
 */
export function generateWorkspace(realPolicy: Policy, options: GenerateOptions): GeneratedWorkspace {
  const { projects: projectCount, filesPerProject, seed } = options;
  if (!Number.isInteger(projectCount) || projectCount < MIN_PROJECTS)
    throw new BenchError('ASW-1400', `--projects ${projectCount}: give a whole number of at least ${MIN_PROJECTS}`);
  if (!Number.isInteger(filesPerProject) || filesPerProject < MIN_FILES)
    throw new BenchError('ASW-1400', `--files-per-project ${filesPerProject}: give a whole number of at least ${MIN_FILES}`);
  if (!Number.isInteger(seed)) throw new BenchError('ASW-1400', `--seed ${seed}: give a whole number`);
  const random = seededRandom(seed);
  const extraDomains = Math.max(0, Math.ceil(projectCount / PROJECTS_PER_DOMAIN) - domainOrder.length);
  let policy: Policy = { ...realPolicy, exceptions: [] };
  const domains = [...domainOrder];
  for (let index = 0; index < extraDomains; index += 1) {
    const name = `ext-${index}`;
    policy = addDomain(policy, {
      name,
      title: `Generated domain ${index}`,
      seedPath: `generated/${name}/`,
      owns: 'Generated runtime code for the boundary benchmark',
      doesNotOwn: 'Anything of another domain',
      mayImport: index === 0 ? ['core', 'monolith-primitives'] : ['core', 'monolith-primitives', `ext-${index - 1}`],
      importableBy: [],
      rule: 'typed-contracts',
    });
    domains.push(name);
  }
  const tagsOf = (domain: string): string[] => policy.domains.find((candidate) => candidate.name === domain)?.tags ?? [];
  const projects: Project[] = Array.from({ length: projectCount }, (_, index) => {
    const domain = domains[index % domains.length] as string;
    const ordinal = Math.floor(index / domains.length);
    const name = ordinal === 0 ? domain : `${domain}-${ordinal}`;
    const type = typeOfDomain[domain] ?? 'runtime';
    const tags = [...new Set([...tagsOf(domain), `type:${type}`])];
    return { name, root: `packages/${name}`, packageName: `${BENCH_SCOPE}/${name}`, domain, type, tags, order: 0 };
  })
    .sort((a, b) => domains.indexOf(a.domain) - domains.indexOf(b.domain) || ordinalOf(a) - ordinalOf(b))
    .map((project, order) => ({ ...project, order }));
  const typeMayImport = (from: string, to: string): boolean =>
    policy.types.find((type) => type.name === from)?.mayImport.includes(to) ?? false;
  const domainMayImport = (from: string, to: string): boolean => from === to || allowedTargets(policy, from).includes(to);
  const allowedPair = (source: Project, target: Project): boolean =>
    domainMayImport(source.domain, target.domain) && typeMayImport(source.type, target.type);

  // The project graph: each project depends on 1–5 earlier projects it may import; a pair is either always dynamic or never.
  const dependencies = new Map<string, { readonly target: Project; readonly dynamic: boolean }[]>();
  const edges = new Map<string, Set<string>>();
  for (const project of projects) {
    const candidates = projects.filter((target) => target.order < project.order && allowedPair(project, target));
    const chosen: { target: Project; dynamic: boolean }[] = [];
    const want = 1 + Math.floor(random() * 5);
    for (let attempt = 0; attempt < want * 3 && chosen.length < want && candidates.length > 0; attempt += 1) {
      const target = pick(random, candidates);
      if (!chosen.some((dependency) => dependency.target === target)) chosen.push({ target, dynamic: random() < 0.15 });
    }
    dependencies.set(project.name, chosen);
    edges.set(project.name, new Set(chosen.map((dependency) => dependency.target.name)));
  }
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const current = stack.pop() as string;
      if (current === to) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      stack.push(...(edges.get(current) ?? []));
    }
    return false;
  };
  const addEdge = (from: Project, to: Project): void => {
    edges.get(from.name)?.add(to.name);
  };

  // Sources: per project an index that re-exports its modules, modules, and about one spec in five.
  const files = new Map<string, string>();
  const sources = new Map<string, string[]>();
  for (const project of projects) {
    const deps = dependencies.get(project.name) ?? [];
    const modules = filesPerProject - 1;
    // Module 1 is never a spec, so every module has an earlier non-spec module to import.
    const specs = Array.from({ length: modules + 1 }, (_, module) => module > 1 && random() < 0.2);
    const plain = specs.flatMap((spec, module) => (module > 0 && !spec ? [module] : []));
    const index = [
      `/** ${project.packageName}: the public entry of a generated ${project.type} project of the ${project.domain} domain. */`,
      ...plain.slice(0, 5).map((module) => `export * from './module-${module}.js';`),
      `export const name = '${project.name}';`,
      '',
    ];
    files.set(`${project.root}/src/index.ts`, index.join('\n'));
    for (let module = 1; module <= modules; module += 1) {
      const spec = specs[module] === true;
      const earlier = plain.filter((other) => other < module);
      const lines = moduleImports(random, project, module, earlier, deps, spec);
      const file = `${project.root}/src/module-${module}${spec ? '.spec' : ''}.ts`;
      sources.set(file, lines);
    }
  }

  // Injected violations: about one of each kind per 2,000 files, each in a file of its own.
  const perKind = Math.max(1, Math.round((projectCount * filesPerProject) / 2000));
  const violations: InjectedViolation[] = [];
  const taken = new Set<string>();
  const moduleFiles = [...sources.keys()];
  const fileIn = (project: Project, spec: boolean): string | undefined => {
    const candidates = moduleFiles.filter(
      (file) => file.startsWith(`${project.root}/`) && file.endsWith('.spec.ts') === spec && !taken.has(file),
    );
    return candidates.length > 0 ? pick(random, candidates) : undefined;
  };
  const inject = (file: string, line: string, quoted: string, violation: Omit<InjectedViolation, 'file' | 'line' | 'column'>): void => {
    const lines = sources.get(file) as string[];
    const at = Math.floor(random() * (lines.length + 1));
    lines.splice(at, 0, line);
    taken.add(file);
    violations.push({ file, line: at + 1, column: line.indexOf(quoted) + 1, ...violation });
  };
  const placed = projects;
  const forms = ['import', 'import-type', 'export', 'dynamic-import', 'typeof-import', 'mock'] as const;
  for (let count = 0; count < perKind * forms.length; count += 1) {
    const form = forms[count % forms.length] as (typeof forms)[number];
    const source = pick(random, placed);
    const targets = placed.filter(
      (target) => target.domain !== source.domain && !domainMayImport(source.domain, target.domain) && !reaches(target.name, source.name),
    );
    const file = fileIn(source, form === 'mock');
    if (targets.length === 0 || !file) continue;
    const target = pick(random, targets);
    const specifier = `'${target.packageName}'`;
    const line = {
      import: `import { forbidden${count} } from ${specifier};`,
      'import-type': `import type { Forbidden${count} } from ${specifier};`,
      export: `export { forbidden as forbidden${count} } from ${specifier};`,
      'dynamic-import': `export const forbidden${count} = () => import(${specifier});`,
      'typeof-import': `export type Forbidden${count} = typeof import(${specifier});`,
      mock: `vi.mock(${specifier});`,
    }[form];
    const evidence = form === 'import-type' ? 'import' : form === 'typeof-import' ? 'dynamic-import' : form;
    inject(file, line, specifier, { kind: 'forbidden-import', target: target.name, evidence, specifier: target.packageName });
    addEdge(source, target);
  }
  for (let count = 0; count < perKind; count += 1) {
    const eligible = placed.filter((source) =>
      placed.some((target) => target.domain === source.domain && target.order < source.order && !typeMayImport(source.type, target.type)),
    );
    if (eligible.length === 0) break;
    const source = pick(random, eligible);
    const target = pick(
      random,
      placed.filter(
        (candidate) => candidate.domain === source.domain && candidate.order < source.order && !typeMayImport(source.type, candidate.type),
      ),
    );
    const file = fileIn(source, false);
    if (!file) continue;
    inject(file, `import { wrongType${count} } from '${target.packageName}';`, `'${target.packageName}'`, {
      kind: 'forbidden-type',
      target: target.name,
      evidence: 'import',
      specifier: target.packageName,
    });
    addEdge(source, target);
  }
  const banned = bannedExternalsOf(policy, 'core');
  for (let count = 0; count < perKind && banned; count += 1) {
    const file = fileIn(
      pick(
        random,
        placed.filter((project) => project.domain === 'core'),
      ),
      false,
    );
    const name = bannedPicks[count % bannedPicks.length] as string;
    if (!file) continue;
    inject(file, `import banned${count} from '${name}';`, `'${name}'`, {
      kind: 'banned-external',
      target: `npm:${name}`,
      evidence: 'import',
      specifier: name,
    });
  }
  const shimOwner = projects.find((project) => project.root === 'packages/monolith');
  for (let count = 0; count < perKind && shimOwner && policy.shims.length > 0; count += 1) {
    const file = fileIn(
      pick(
        random,
        placed.filter((project) => project.domain === 'bots'),
      ),
      false,
    );
    if (!file) continue;
    const specifier = `${shimOwner.packageName}/${shimPaths[count % shimPaths.length] as string}`;
    inject(file, `import { legacy${count} } from '${specifier}';`, `'${specifier}'`, {
      kind: 'legacy-shim-path',
      target: shimOwner.name,
      evidence: 'import',
      specifier,
    });
  }
  for (let count = 0; count < perKind; count += 1) {
    const source = pick(random, placed);
    const targets = placed.filter((target) => target.order < source.order && allowedPair(source, target));
    const file = fileIn(source, false);
    if (targets.length === 0 || !file) continue;
    const target = pick(random, targets);
    const specifier = `${posix.relative(posix.dirname(file), `${target.root}/src/index.js`)}`;
    inject(file, `import { byPath${count} } from '${specifier}';`, `'${specifier}'`, {
      kind: 'relative-import',
      target: target.name,
      evidence: 'import',
      specifier,
    });
    addEdge(source, target);
  }
  for (let count = 0; count < perKind; count += 1) {
    const file = fileIn(pick(random, placed), false);
    if (!file) continue;
    inject(file, `export const loadPlugin${count} = (plugin: string) => import(plugin);`, 'plugin);', {
      kind: 'unverifiable-import',
      target: UNVERIFIABLE_TARGET,
      evidence: 'dynamic-import',
      specifier: 'plugin',
    });
  }

  // A manifest that lists a project its domain may not import.
  const manifestDependencies = new Map<string, Project>();
  for (let count = 0; count < perKind; count += 1) {
    const source = pick(random, placed);
    const targets = placed.filter(
      (target) => target.domain !== source.domain && !domainMayImport(source.domain, target.domain) && !reaches(target.name, source.name),
    );
    if (targets.length === 0 || manifestDependencies.has(source.name)) continue;
    const target = pick(random, targets);
    manifestDependencies.set(source.name, target);
    addEdge(source, target);
  }

  // The one exception of the generated policy: a contract document one file no longer reads.
  const exceptionSource = pick(
    random,
    placed.filter((project) => project.domain === 'client'),
  );
  const exceptionTarget = projects.find((project) => project.root === 'packages/controller') as Project;
  const exceptionFile = fileIn(exceptionSource, false) as string;
  taken.add(exceptionFile);
  policy = {
    ...policy,
    exceptions: [
      {
        id: 'bench-contract-document',
        kind: 'contract-document',
        files: [exceptionFile],
        reaches: [`${exceptionTarget.root}/openapi.json`],
        reason: 'Generated: the client once read the controller contract document and no longer does, so the exception is unused.',
      },
    ],
  };
  violations.push({
    file: exceptionFile,
    line: 1,
    column: 1,
    kind: 'unused-exception',
    target: exceptionTarget.name,
    evidence: 'project',
    specifier: `${exceptionTarget.root}/openapi.json`,
  });
  files.set(
    `${exceptionTarget.root}/openapi.json`,
    `${JSON.stringify({ openapi: '3.1.0', info: { title: 'generated', version: '1' } }, null, 2)}\n`,
  );

  for (const [file, lines] of sources) files.set(file, `${lines.join('\n')}\n${moduleBody(file)}`);

  // Manifests, and the one project the policy cannot place (no type tag), which nothing imports.
  for (const project of projects) {
    const dependency = manifestDependencies.get(project.name);
    const workspaceDependencies = (dependencies.get(project.name) ?? []).map((entry) => entry.target.packageName);
    const text = manifest(project.packageName, project.name, project.tags, [
      ...workspaceDependencies,
      ...(dependency ? [dependency.packageName] : []),
    ]);
    files.set(`${project.root}/package.json`, text);
    if (dependency) {
      const offset = text.indexOf(`"${dependency.packageName}":`);
      violations.push({
        file: `${project.root}/package.json`,
        ...position(text, offset),
        kind: 'forbidden-import',
        target: dependency.name,
        evidence: 'manifest',
        specifier: dependency.packageName,
      });
    }
  }
  const unplaced = { name: 'unplaced', root: 'packages/unplaced', packageName: `${BENCH_SCOPE}/unplaced`, tags: ['domain:bots'] };
  const unplacedManifest = manifest(unplaced.packageName, unplaced.name, unplaced.tags, []);
  files.set(`${unplaced.root}/package.json`, unplacedManifest);
  files.set(
    `${unplaced.root}/src/index.ts`,
    `import { z } from 'zod';\nimport { helper } from './helper.js';\n\nexport const unplaced = z.string().parse(helper);\n`,
  );
  files.set(`${unplaced.root}/src/helper.ts`, `export const helper = 'unplaced';\n`);
  violations.push({
    file: `${unplaced.root}/package.json`,
    ...position(unplacedManifest, unplacedManifest.indexOf('"tags"')),
    kind: 'untagged-project',
    target: unplaced.name,
    evidence: 'project',
    specifier: unplaced.tags.join(', '),
  });

  // The shim modules the policy names, in the monolith project.
  for (const shim of policy.shims) {
    if (shimOwner && shim.file.startsWith(`${shimOwner.root}/`))
      files.set(
        shim.file,
        `/** Deprecated (${shim.code}): ${shim.legacy} moved to ${shim.target}. */\nexport const ${camel(shim.id)}Moved = '${shim.target}';\n`,
      );
  }

  const allProjects = [...projects, unplaced];
  writeRootFiles(files, parsePolicy(policy, 'generated policy'), allProjects);
  const sourceCount = [...files.keys()].filter((file) => file.startsWith('packages/') && file.endsWith('.ts')).length;
  violations.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return {
    files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    groundTruth: { generator: { ...options }, files: sourceCount, projects: allProjects.length, violations },
  };
}

function ordinalOf(project: { readonly name: string; readonly domain: string }): number {
  return project.name === project.domain ? 0 : Number(project.name.slice(project.domain.length + 1));
}

function camel(id: string): string {
  return id.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * A project's package.json, as a pnpm workspace package declares itself: its workspace
 * dependencies (`workspace:*`, sorted), the npm packages its sources use, vitest for its specs, and
 * its Nx name and tags.
 */
function manifest(packageName: string, name: string, tags: readonly string[], workspaceDependencies: readonly string[]): string {
  const dependencies = Object.fromEntries([
    ...[...workspaceDependencies].sort().map((dependency) => [dependency, 'workspace:*'] as const),
    ...npmPackages.map((dependency) => [dependency, '*'] as const),
  ]);
  return `${JSON.stringify(
    {
      name: packageName,
      version: '0.0.0',
      private: true,
      type: 'module',
      exports: { '.': './src/index.ts', './*': './src/*.ts' },
      dependencies,
      devDependencies: { vitest: '*' },
      nx: { name, tags },
    },
    null,
    2,
  )}\n`;
}

/** The import block of one module: 5–13 imports in the forms a real module uses. */
function moduleImports(
  random: Random,
  project: Project,
  module: number,
  earlier: readonly number[],
  deps: readonly { readonly target: Project; readonly dynamic: boolean }[],
  spec: boolean,
): string[] {
  const lines = [`/** Module ${module} of ${project.packageName}. */`];
  if (spec) lines.push(`import { describe, expect, it, vi } from 'vitest';`);
  const count = 5 + Math.floor(random() * 9);
  for (let line = 0; line < count; line += 1) {
    const roll = random();
    const dep = deps.length > 0 ? pick(random, deps) : undefined;
    if (roll < 0.3 && earlier.length > 0) {
      const other = pick(random, earlier);
      lines.push(
        random() < 0.3
          ? `import type { Shape${line} } from './module-${other}.js';`
          : `import { step${line % 24} as local${line} } from './module-${other}.js';`,
      );
    } else if (roll < 0.45) lines.push(`import * as npm${line} from '${pick(random, npmPackages)}';`);
    else if (roll < 0.5) lines.push(`import * as builtin${line} from '${pick(random, builtins)}';`);
    else if (dep?.dynamic) lines.push(`export const lazy${line} = () => import('${dep.target.packageName}');`);
    else if (dep && spec && roll < 0.6) lines.push(`vi.mock('${dep.target.packageName}');`);
    else if (dep && roll < 0.65) lines.push(`import type { Model${line} } from '${dep.target.packageName}';`);
    else if (dep && roll < 0.75) lines.push(`export { name as name${line} } from '${dep.target.packageName}';`);
    else if (dep) lines.push(`import { name as value${line} } from '${dep.target.packageName}';`);
    else lines.push(`import { readFile as read${line} } from 'node:fs/promises';`);
  }
  return lines;
}

/** ~3 kB of ordinary TypeScript after the imports: strings, templates, comments and regular expressions a lexer must walk. */
function moduleBody(file: string): string {
  const body = [
    `/** ${posix.basename(file)}: a typical module body, which names no module. */`,
    'export interface Shape { readonly id: string; readonly weight: number }',
    ...Array.from(
      { length: 20 },
      (_, index) =>
        `export function step${index}(value: number, label = 'from ${index}'): string { return \`\${label}: \${value * ${index}}\`.replace(/[/'"]+/g, ''); } // require('not-an-import')`,
    ),
    `export const pattern = /import\\('x'\\)/; /* export * from 'not-a-module'; */`,
  ];
  return `${body.join('\n')}\n`;
}

/** The root of the workspace: pnpm and Nx configuration, TypeScript paths, the policy, the checkers' configurations. */
function writeRootFiles(
  files: Map<string, string>,
  policy: Policy,
  projects: readonly { readonly name: string; readonly root: string; readonly packageName: string }[],
): void {
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  files.set(
    'package.json',
    json({ name: 'bench-workspace', version: '0.0.0', private: true, type: 'module', packageManager: 'pnpm@10.34.9' }),
  );
  files.set('pnpm-workspace.yaml', 'packages:\n  - packages/*\n');
  files.set('nx.json', json({ $schema: './node_modules/nx/schemas/nx-schema.json', neverConnectToCloud: true }));
  files.set('.gitignore', 'node_modules\n.nx\n');
  files.set(
    'tsconfig.base.json',
    json({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        baseUrl: '.',
        paths: Object.fromEntries(
          projects.flatMap((project) => [
            [project.packageName, [`${project.root}/src/index.ts`]],
            [`${project.packageName}/*`, [`${project.root}/src/*`]],
          ]),
        ),
      },
    }),
  );
  files.set('tools/policy/policy.json', json(policy));
}
