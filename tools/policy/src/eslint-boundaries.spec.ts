import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createProjectGraphAsync, workspaceRoot } from '@nx/devkit';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { bannedExternalsOf, domainOfTags, isBannedPackage, isDependencyAllowed, splitCandidates } from './lib/dependency-rules.js';
import { citeRule } from './lib/cite-rule.js';
import { loadPolicy } from './lib/parse-policy.js';

/*
 * The allowed-dependency table, proven through ESLint's Node API with the real root
 * eslint.config.mjs. Sources are linted with `lintText` under virtual paths inside each package's
 * src, so no fixture exists on disk and none can leak into sources or builds. Expected verdicts come
 * from the policy semantics (isDependencyAllowed, pinned to the architecture table by
 * lib/dependency-rules.spec.ts), never from the ESLint config.
 */

const policy = loadPolicy(workspaceRoot);
// @nx/enforce-module-boundaries only reads the cached project graph; compute it so a fresh clone (no .nx/) works.
const graph = await createProjectGraphAsync({ exitOnError: true });

interface Project {
  readonly name: string;
  readonly root: string;
  readonly packageName: string;
  readonly domain: string;
}

const projects: Project[] = Object.values(graph.nodes)
  .map((node) => {
    const manifest = JSON.parse(readFileSync(join(workspaceRoot, node.data.root, 'package.json'), 'utf8')) as { name: string };
    return {
      name: node.name,
      root: node.data.root,
      packageName: manifest.name,
      domain: domainOfTags(policy, node.data.tags ?? [])?.name ?? '',
    };
  })
  .filter((project) => splitCandidates(policy).some((domain) => domain.name === project.domain))
  .sort((a, b) => a.name.localeCompare(b.name));

const projectNamed = (name: string): Project => {
  const project = projects.find((candidate) => candidate.name === name);
  if (!project) throw new Error(`no project "${name}" in the project graph`);
  return project;
};

/** Every syntactic form a TypeScript developer writes to reach a module. */
interface ImportForm {
  readonly form: string;
  readonly line: (specifier: string, n: number) => string;
  /** Whether @nx/enforce-module-boundaries sees this form (shared/design/toolchain-notes.md). */
  readonly nx: boolean;
}

const importForms: readonly ImportForm[] = [
  { form: 'named import', line: (s, n) => `import { probe as named${n} } from '${s}';`, nx: true },
  { form: 'type-only import', line: (s, n) => `import type { Probe as Probe${n} } from '${s}';`, nx: true },
  { form: 'export … from', line: (s, n) => `export { probe as reExported${n} } from '${s}';`, nx: true },
  { form: 'export * from', line: (s) => `export * from '${s}';`, nx: true },
  { form: 'side-effect import', line: (s) => `import '${s}';`, nx: true },
  { form: 'dynamic import()', line: (s, n) => `export const dynamic${n} = import('${s}');`, nx: true },
  { form: 'require()', line: (s, n) => `export const required${n} = require('${s}');`, nx: true },
  { form: 'typeof import()', line: (s, n) => `export type ImportType${n} = typeof import('${s}');`, nx: false },
  { form: 'import x = require()', line: (s, n) => `import equals${n} = require('${s}');`, nx: false },
];
const RELATIVE = 'relative path across package roots';

/**
 * One probe source: every import form for every specifier, one import per line, then the relative
 * specifiers, then one line that uses the bindings so that only the boundary rules have a say.
 */
class ProbeSource {
  readonly code: string;

  constructor(
    readonly specifiers: readonly string[],
    readonly relativeSpecifiers: readonly string[] = [],
  ) {
    const uses = specifiers.flatMap((_, n) => [`named${n}`, `equals${n}`, `{} as Probe${n}`]);
    this.code = [
      ...specifiers.flatMap((specifier, n) => importForms.map((form) => form.line(specifier, n))),
      ...relativeSpecifiers.map((specifier, n) => `import { probe as relative${n} } from '${specifier}';`),
      `export const used: unknown[] = [${[...uses, ...relativeSpecifiers.map((_, n) => `relative${n}`)].join(', ')}];`,
    ].join('\n');
  }

  /** The line of `form` for the n-th specifier (1-based, as ESLint reports). */
  lineOf(n: number, form: string): number {
    if (form === RELATIVE) return this.specifiers.length * importForms.length + n + 1;
    return n * importForms.length + importForms.findIndex((candidate) => candidate.form === form) + 1;
  }

  get importLines(): number {
    return this.specifiers.length * importForms.length + this.relativeSpecifiers.length;
  }
}

/** Where workspace code is linted from: an ordinary file per project, each legacy shim file, and a non-shim file beside each. */
interface ProbeFile {
  readonly file: string;
  readonly project: Project;
}

const monolith = projectNamed(policy.shims[0]?.project ?? 'monolith');
const probeFiles: ProbeFile[] = [
  ...projects.map((project) => ({ file: `${project.root}/src/boundary-probe.ts`, project })),
  ...policy.shims.map((shim) => ({ file: shim.file, project: projectNamed(shim.project) })),
  ...[...new Set(policy.shims.map((shim) => `${dirname(shim.file)}/boundary-probe.ts`))].map((file) => ({ file, project: monolith })),
];

const targetsOf = (probe: ProbeFile): Project[] => projects.filter((to) => to.name !== probe.project.name);
const pairs = probeFiles.flatMap((probe) =>
  targetsOf(probe).map((to, n) => ({ file: probe.file, from: probe.project.name, to: to.name, probe, target: to, n })),
);

const externals = [
  ...(bannedExternalsOf(policy, 'core')?.packages ?? []).map((pattern) => pattern.replace('/*', '/probe')),
  'zod',
  'yaml',
  'node:fs',
  'pgx-lite',
  'expressive',
  '@fastifyx/probe',
];
const legacyShims = policy.shims.map((shim) => ({ ...shim, legacyPath: `${monolith.packageName}${shim.subpath.slice(1)}` }));

const eslint = new ESLint({ cwd: workspaceRoot });
const linted = new Map<string, { probe: ProbeSource; result: ESLint.LintResult }>();

async function lint(key: string, probe: ProbeSource, file: string): Promise<void> {
  const [result] = await eslint.lintText(probe.code, { filePath: join(workspaceRoot, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  linted.set(key, { probe, result });
}

/** What ESLint reported on one import line: the rules that fired (sorted) and their messages. */
function reported(key: string, n: number, form: string): { form: string; rules: string[]; messages: string[] } {
  const entry = linted.get(key);
  if (!entry) throw new Error(`nothing linted under ${key}`);
  const errors = entry.result.messages.filter((message) => message.line === entry.probe.lineOf(n, form) && message.severity === 2);
  return {
    form,
    rules: [...new Set(errors.map((message) => message.ruleId ?? 'fatal'))].sort(),
    messages: errors.map((message) => message.message),
  };
}

const pairsKey = (file: string) => `pairs ${file}`;
const externalsKey = (project: Project) => `externals ${project.name}`;
const shimsKey = (file: string) => `shims ${file}`;

beforeAll(async () => {
  for (const probe of probeFiles) {
    const targets = targetsOf(probe);
    const relatives = targets.map((to) => relative(dirname(probe.file), `${to.root}/src/index.js`));
    await lint(
      pairsKey(probe.file),
      new ProbeSource(
        targets.map((to) => to.packageName),
        relatives,
      ),
      probe.file,
    );
    await lint(shimsKey(probe.file), new ProbeSource(legacyShims.map((shim) => shim.legacyPath)), probe.file);
  }
  for (const project of projects) await lint(externalsKey(project), new ProbeSource(externals), `${project.root}/src/boundary-probe.ts`);
  // The hook computes nothing but ~45 lint runs; the margin is for a machine busy with other Nx tasks.
}, 120_000);

/** The rules that carry the table: Nx's tag constraints, the policy's messages, and the cross-root path check. */
const boundaryRules = ['@nx/enforce-module-boundaries', 'alphaswarm/no-cross-root-path', 'no-restricted-syntax'];
const nxRelativeMessage = 'Projects cannot be imported by a relative or absolute path, and must begin with a npm scope';
/** The part of a boundary message that names both projects and the seed rule the policy cites. */
const forbiddenText = (from: Project, to: Project, rule: string): string =>
  `${from.name} -> ${to.name} is forbidden: ${to.packageName} is off-limits to ${from.name} (${citeRule(policy, rule)})`;

describe('the probes', () => {
  it('cover the ten domain projects of the architecture table (and any domain generated since)', () => {
    expect(projects.map((project) => `${project.name}: ${project.domain}, ${project.packageName}`)).toEqual(
      expect.arrayContaining([
        'bots: bots, @alphaswarm/bots',
        'client: client, @alphaswarm/client',
        'controller: controller, @alphaswarm/controller',
        'core: core, @alphaswarm/core',
        'deployment: deployment, @alphaswarm/deployment',
        'models: models, @alphaswarm/models',
        'monolith: monolith, @alphaswarm/monolith',
        'monolith-primitives: monolith-primitives, @alphaswarm/monolith-primitives',
        'rl: rl, @alphaswarm/rl',
        'snippets: snippets, @alphaswarm/snippets',
      ]),
    );
    expect(pairs).toHaveLength(probeFiles.length * (projects.length - 1));
  });

  it('parse, and draw nothing but boundary errors, only on import lines', () => {
    const noise = [...linted.entries()].flatMap(([key, { probe, result }]) =>
      result.messages
        .filter((message) => message.fatal || message.line > probe.importLines || !boundaryRules.includes(message.ruleId ?? ''))
        .map((message) => `${key}:${message.line} ${message.ruleId} ${message.message}`),
    );
    expect(noise).toEqual([]);
    expect(linted.size).toBe(probeFiles.length * 2 + projects.length);
  });
});

describe('every ordered pair of domain projects, in every import form', () => {
  it.each(pairs)('$file -> $to', ({ probe, target, n }) => {
    const verdict = isDependencyAllowed(policy, probe.project.domain, target.domain, probe.file);
    const forms = [...importForms.map(({ form }) => form), RELATIVE];
    const relativeSpecifier = relative(dirname(probe.file), `${target.root}/src/index.js`);
    const crossRoot = `${probe.project.name} -> ${target.name}: ${relativeSpecifier} crosses from ${probe.project.packageName} into ${target.packageName}; import ${target.packageName} by its package name.`;
    const expected = forms.map((form) => {
      if (form === RELATIVE) {
        const naming = verdict.allowed
          ? crossRoot
          : expect.stringContaining(`${crossRoot} ${forbiddenText(probe.project, target, verdict.rule)}`);
        return {
          form,
          rules: ['@nx/enforce-module-boundaries', 'alphaswarm/no-cross-root-path'],
          messages: expect.arrayContaining([nxRelativeMessage, naming]),
        };
      }
      if (verdict.allowed) return { form, rules: [], messages: [] };
      const nx = importForms.find((candidate) => candidate.form === form)?.nx ?? false;
      return {
        form,
        rules: nx ? ['@nx/enforce-module-boundaries', 'no-restricted-syntax'] : ['no-restricted-syntax'],
        messages: expect.arrayContaining([expect.stringContaining(forbiddenText(probe.project, target, verdict.rule))]),
      };
    });
    expect(forms.map((form) => reported(pairsKey(probe.file), n, form))).toEqual(expected);
  });
});

describe('banned external packages', () => {
  const cases = projects.flatMap((project) => externals.map((name, n) => ({ domain: project.domain, name, project, n })));
  it.each(cases)('$domain -> $name', ({ project, name, n }) => {
    const banned = bannedExternalsOf(policy, project.domain);
    const pattern = banned?.packages.find((candidate) => isBannedPackage([candidate], name));
    const observed = importForms.map(({ form }) => reported(externalsKey(project), n, form));
    const expected = importForms.map(({ form }) =>
      banned && pattern
        ? {
            form,
            rules: expect.arrayContaining(['no-restricted-syntax']),
            messages: expect.arrayContaining([
              expect.stringContaining(`${project.domain} must not depend on ${pattern}: ${citeRule(policy, banned.rule)}`),
            ]),
          }
        : { form, rules: [], messages: [] },
    );
    expect(observed).toEqual(expected);
  });

  it('include every package the architecture bans in core', () => {
    const bannedInCore = externals.filter((name) => isBannedPackage(bannedExternalsOf(policy, 'core')?.packages ?? [], name));
    expect(bannedInCore).toEqual(
      expect.arrayContaining([
        'fastify',
        'express',
        'koa',
        'hono',
        '@nestjs/probe',
        'typeorm',
        '@prisma/client',
        'drizzle-orm',
        'sequelize',
        'knex',
        'pg',
        'mysql2',
        'bullmq',
        'bull',
        '@aws-sdk/probe',
        'aws-sdk',
        '@google-cloud/probe',
        '@azure/probe',
        '@kubernetes/client-node',
      ]),
    );
  });
});

describe('legacy shim paths', () => {
  const cases = probeFiles.flatMap((probe) =>
    legacyShims.map((shim, n) => ({ file: probe.file, legacyPath: shim.legacyPath, probe, shim, n })),
  );
  it.each(cases)('$file -> $legacyPath fails and names the replacement', ({ probe, shim, n }) => {
    const message = `${shim.legacyPath} is a legacy deprecation shim (${shim.legacy}); workspace code imports ${shim.target} directly. ${citeRule(policy, 'legacy-shims')}`;
    const observed = importForms.map(({ form }) => ({ form, messages: reported(shimsKey(probe.file), n, form).messages }));
    expect(observed).toEqual(importForms.map(({ form }) => ({ form, messages: expect.arrayContaining([message]) })));
  });
});

describe('relative imports of a shim module from inside its own project', () => {
  const importers = [`${monolith.root}/src/boundary-probe.ts`, `${monolith.root}/src/llm/boundary-probe.ts`];
  const cases = importers.flatMap((file) =>
    legacyShims.map((shim) => ({
      file,
      shim,
      specifier: relative(dirname(file), shim.file)
        .replace(/\.ts$/, '.js')
        .replace(/^(?!\.)/, './'),
    })),
  );
  const errorsOf = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: join(workspaceRoot, file) }))[0]?.messages.filter((message) => message.severity === 2) ?? [];

  it.each(cases)('$file -> $specifier fails and names the replacement', async ({ file, shim, specifier }) => {
    const errors = await errorsOf(file, `export * from '${specifier}';\nexport const lazy = () => import('${specifier}');\n`);
    const message = `${specifier} is the legacy shim ${shim.legacyPath} (${shim.legacy}); code in ${monolith.name} imports ${shim.target} instead. ${citeRule(policy, 'legacy-shims')}`;
    expect(errors.map((error) => [error.line, error.ruleId, error.message])).toEqual([
      [1, 'alphaswarm/no-cross-root-path', message],
      [2, 'alphaswarm/no-cross-root-path', message],
    ]);
  });

  it('lets a spec file exercise the shim it tests, and other modules import their neighbours', async () => {
    expect(await errorsOf(`${monolith.root}/src/rl/index.spec.ts`, `import * as shim from './index.js';\nexport { shim };\n`)).toEqual([]);
    expect(await errorsOf(`${monolith.root}/src/boundary-probe.ts`, `export * from './legacy-imports.js';\n`)).toEqual([]);
  });
});
