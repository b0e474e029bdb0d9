import { dirname, join, relative } from 'node:path';
import { workspaceRoot } from '@nx/devkit';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { citeRule } from './lib/cite-rule.js';
import { bannedExternalsOf, isBannedPackage, isDependencyAllowed, splitCandidates } from './lib/dependency-rules.js';
import type { PlacedProject } from './lib/workspace/boundary-workspace.js';
import { loadBoundaryWorkspace } from './lib/workspace/load-boundary-workspace.js';

/*
 * The allowed-dependency table, proven through ESLint's Node API with the real root
 * eslint.config.mjs. Sources are linted with `lintText` under virtual paths inside each package, so
 * no fixture exists on disk. Expected verdicts come from the policy semantics (isDependencyAllowed,
 * pinned to the architecture table by lib/dependency-rules.spec.ts) and the type constraints, never
 * from the ESLint configuration.
 */

const workspace = loadBoundaryWorkspace(workspaceRoot);
const { policy } = workspace;
const candidates = new Set(splitCandidates(policy).map((domain) => domain.name));
const projects = workspace.projects.filter((project) => project.standing.placed && candidates.has(project.standing.domain.name));
const domainOf = (project: PlacedProject): string => project.standing.domain?.name ?? '';
const typeOf = (project: PlacedProject) => (project.standing.placed ? project.standing.type : undefined);

/** Every form the issue names, one line per specifier (`n` keeps bindings apart). */
const moduleForms: readonly { readonly form: string; readonly line: (specifier: string, n: number) => string }[] = [
  { form: 'named import', line: (s, n) => `import { probe as named${n} } from '${s}';` },
  { form: 'type-only import', line: (s, n) => `import type { Probe as Probe${n} } from '${s}';` },
  { form: 'export … from', line: (s, n) => `export { probe as reExported${n} } from '${s}';` },
  { form: 'export * from', line: (s) => `export * from '${s}';` },
  { form: 'side-effect import', line: (s) => `import '${s}';` },
  { form: 'dynamic import()', line: (s, n) => `export const dynamic${n} = import('${s}');` },
  { form: 'template-literal import()', line: (s, n) => `export const template${n} = import(\`${s}\`);` },
  { form: 'require()', line: (s, n) => `export const required${n} = require('${s}');` },
  { form: 'typeof import()', line: (s, n) => `export type ImportType${n} = typeof import('${s}');` },
  { form: 'import x = require()', line: (s, n) => `import equals${n} = require('${s}');` },
  { form: 'require.resolve()', line: (s, n) => `export const resolved${n} = require.resolve('${s}');` },
  { form: 'import.meta.resolve()', line: (s, n) => `export const metaResolved${n} = import.meta.resolve('${s}');` },
  { form: 'createRequire()()', line: (s, n) => `export const created${n} = createRequire(import.meta.url)('${s}');` },
  { form: 'vi.mock()', line: (s) => `vi.mock('${s}');` },
  { form: 'vi.importActual()', line: (s, n) => `export const actual${n} = vi.importActual('${s}');` },
  { form: 'jest.mock()', line: (s) => `jest.mock('${s}');` },
];
/** Forms that reach into another project's folder by path. */
const pathForms: readonly { readonly form: string; readonly line: (path: string, n: number) => string }[] = [
  { form: 'relative import', line: (p, n) => `import { probe as relative${n} } from '${p}';` },
  { form: 'new URL()', line: (p, n) => `export const url${n} = new URL('${p}', import.meta.url);` },
];

/** The source of one probe file: every form for every target, then the bindings in use. */
function probeSource(specifiers: readonly string[], paths: readonly string[]): string {
  const uses = specifiers.flatMap((_, n) => [`named${n}`, `equals${n}`, `{} as Probe${n}`]);
  return [
    ...specifiers.flatMap((specifier, n) => moduleForms.map((form) => form.line(specifier, n))),
    ...paths.flatMap((path, n) => pathForms.map((form) => form.line(path, n))),
    `export const used: unknown[] = [${[...uses, ...paths.map((_, n) => `relative${n}`)].join(', ')}];`,
  ].join('\n');
}

const eslint = new ESLint({ cwd: workspaceRoot });
const linted = new Map<string, ESLint.LintResult>();
const lint = async (file: string, code: string): Promise<ESLint.LintResult> => {
  const [result] = await eslint.lintText(code, { filePath: join(workspaceRoot, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  return result;
};

/** Where workspace code is linted from: a source, a script outside src, and each legacy shim file. */
const probeFiles = [
  ...projects.flatMap((project) => [`${project.root}/src/boundary-probe.ts`, `${project.root}/scripts/boundary-probe.mts`]),
  ...policy.shims.map((shim) => shim.file),
];
const projectOf = (file: string): PlacedProject => {
  const project = projects.find((candidate) => file.startsWith(`${candidate.root}/`));
  if (!project) throw new Error(`no project owns ${file}`);
  return project;
};
const targetsOf = (file: string): PlacedProject[] => projects.filter((to) => to !== projectOf(file));
const pathTo = (file: string, to: PlacedProject): string => relative(dirname(file), `${to.root}/src/index.js`);

beforeAll(async () => {
  for (const file of probeFiles) {
    const targets = targetsOf(file);
    const source = probeSource(
      targets.map((to) => to.packageName ?? to.name),
      targets.map((to) => pathTo(file, to)),
    );
    linted.set(file, await lint(file, source));
  }
}, 120_000);

/** ESLint's errors on one line of a probe: rule ids and messages. */
const errorsOn = (file: string, line: number): { rules: string[]; messages: string[] } => {
  const messages = (linted.get(file)?.messages ?? []).filter((message) => message.line === line && message.severity === 2);
  return {
    rules: [...new Set(messages.map((message) => message.ruleId ?? 'fatal'))],
    messages: messages.map((message) => message.message),
  };
};

describe('the probes', () => {
  it('cover the ten domain projects of the architecture table (and any domain generated since)', () => {
    expect(projects.map((project) => `${project.name}: ${domainOf(project)}`)).toEqual(
      expect.arrayContaining([
        'bots: bots',
        'client: client',
        'controller: controller',
        'core: core',
        'deployment: deployment',
        'models: models',
        'monolith: monolith',
        'monolith-primitives: monolith-primitives',
        'rl: rl',
        'snippets: snippets',
      ]),
    );
  });

  it('parse, and draw no error but the boundary rule', () => {
    const noise = [...linted.entries()].flatMap(([file, result]) =>
      result.messages
        .filter((message) => message.ruleId !== 'alphaswarm/boundaries')
        .map((message) => `${file}:${message.line} ${message.ruleId} ${message.message}`),
    );
    expect(noise).toEqual([]);
  });
});

describe('every ordered pair of domain projects, in every form, from src and from scripts', () => {
  const pairs = probeFiles.flatMap((file) =>
    targetsOf(file).map((to, n) => ({ file, from: projectOf(file).name, to: to.name, target: to, n })),
  );

  it.each(pairs)('$file -> $to', ({ file, target, n }) => {
    const source = projectOf(file);
    const verdict = isDependencyAllowed(policy, domainOf(source), domainOf(target), file);
    const typeAllowed = typeOf(source)?.mayImport.includes(typeOf(target)?.name ?? '') ?? false;
    const rule = !verdict.allowed ? verdict.rule : typeOf(source)?.rule;
    const naming = `${source.name} → ${target.name}: `;
    const quoted = `(${citeRule(policy, rule ?? '')})`;
    const modules = moduleForms.map(({ form }, index) => ({ form, ...errorsOn(file, n * moduleForms.length + index + 1) }));
    const forbidden = !verdict.allowed || !typeAllowed;
    expect(modules).toEqual(
      moduleForms.map(({ form }) =>
        forbidden
          ? {
              form,
              rules: ['alphaswarm/boundaries'],
              messages: [expect.stringMatching(new RegExp(`^${escape(naming)}.*${escape(quoted)} Fix: `))],
            }
          : { form, rules: [], messages: [] },
      ),
    );
    const pathStart = targetsOf(file).length * moduleForms.length + n * pathForms.length + 1;
    const paths = pathForms.map(({ form }, index) => ({ form, ...errorsOn(file, pathStart + index) }));
    expect(paths).toEqual(
      pathForms.map(({ form }) => ({
        form,
        rules: ['alphaswarm/boundaries'],
        messages: [expect.stringContaining(`${naming}"${pathTo(file, target)}" reaches into ${target.root} by path, across project roots`)],
      })),
    );
  });
});

describe('banned external packages', () => {
  const externals = [
    ...(bannedExternalsOf(policy, 'core')?.packages ?? []).map((pattern) => pattern.replace('/*', '/probe')),
    'zod',
    'node:fs',
    'pgx-lite',
    '@fastifyx/probe',
  ];
  it.each(projects.map((project) => ({ project: project.name, target: project })))('in $project', async ({ target }) => {
    const file = `${target.root}/src/boundary-probe.ts`;
    const result = await lint(file, externals.map((name) => `import '${name}';`).join('\n'));
    const banned = bannedExternalsOf(policy, domainOf(target));
    const expected = externals.flatMap((name, index) =>
      banned?.packages.some((pattern) => isBannedPackage([pattern], name))
        ? [
            `${index + 1}: ${target.name} → npm:${name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]}: "${name}" is a package ${domainOf(target)} must not depend on (${citeRule(policy, banned.rule)})`,
          ]
        : [],
    );
    expect(result.messages.map((message) => `${message.line}: ${message.message.split(' Fix: ')[0]}`)).toEqual(expected);
  });
});

describe('legacy shim paths', () => {
  it.each(projects.map((project) => ({ project: project.name, target: project })))('are refused from $project', async ({ target }) => {
    const legacy = [...workspace.legacyPaths.values()];
    const result = await lint(`${target.root}/src/boundary-probe.ts`, legacy.map((shim) => `import '${shim.legacyPath}';`).join('\n'));
    expect(result.messages.map((message) => message.message.split(' (legacy-shims')[0])).toEqual(
      legacy.map(
        (shim) => `${target.name} → ${projectOf(shim.file).name}: "${shim.legacyPath}" is a legacy deprecation shim (${shim.legacy})`,
      ),
    );
  });
});

describe('every JavaScript and TypeScript extension', () => {
  const extensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
  it.each(extensions)('%s is judged in src and outside it', async (extension) => {
    const files = [
      `packages/core/src/probe${extension}`,
      `packages/core/scripts/probe${extension}`,
      `packages/core/probe.config${extension}`,
    ];
    const lines = [
      "import '@alphaswarm/controller';",
      'const lazy = import(`@alphaswarm/snippets`);',
      "vi.mock('@alphaswarm/rl');",
      'export { lazy };',
    ];
    for (const file of files) {
      const result = await lint(file, lines.join('\n'));
      expect(result.messages.map((message) => `${message.line} ${message.ruleId} ${message.message.split(':')[0]}`)).toEqual([
        '1 alphaswarm/boundaries core → controller',
        '2 alphaswarm/boundaries core → snippets',
        '3 alphaswarm/boundaries core → rl',
      ]);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
