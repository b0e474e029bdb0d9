import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, type Tree } from '@nx/devkit';
import type { Policy } from '@alphaswarm/policy';
import { isDependencyAllowed } from '@alphaswarm/policy';
import { beforeEach, describe, expect, it } from 'vitest';
import prettier from 'prettier';
import { parse } from 'yaml';
import { WORKSPACE_ROOT, changesOf, changesSince, seedWorkspace } from '../__fixtures__/seed-workspace.js';
import { ciWorkflowGenerator } from '../ci-workflow/ci-workflow.js';
import { CI_WORKFLOW_PATH } from '../ci-workflow/render-ci-workflow.js';
import { domainGenerator, productTypes } from './domain.js';
import type { DomainGeneratorSchema } from './schema.js';

const run = (tree: Tree, options: Partial<DomainGeneratorSchema> & { name: string }) =>
  domainGenerator(tree, { skipFormat: true, ...options });
const policyOf = (tree: Tree) => readJson<Policy>(tree, 'tools/policy/policy.json');
const domainIn = (tree: Tree, name: string) => policyOf(tree).domains.find((domain) => domain.name === name);
const text = (tree: Tree, path: string) => tree.read(path, 'utf-8');
/** The seed's words for rl-models-primitives, as the workspace's policy holds them. */
const policyRule = (JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'tools/policy/policy.json'), 'utf8')) as Policy).seedRules[
  'rl-models-primitives'
];

describe('domain generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = seedWorkspace();
  });

  it('creates a complete domain library in the shape of packages/core', async () => {
    await run(tree, { name: 'probe-signals', allow: 'core,monolith-primitives' });
    expect(tree.children('packages/probe-signals').sort()).toEqual([
      'AGENTS.md',
      'README.md',
      'package.json',
      'src',
      'tsconfig.json',
      'tsconfig.lib.json',
    ]);
    expect(tree.children('packages/probe-signals/src')).toEqual(['index.ts']);
    expect(readJson(tree, 'packages/probe-signals/package.json')).toEqual({
      name: '@alphaswarm/probe-signals',
      version: '0.1.0',
      description: "Probe Signals: The Probe Signals domain's code and tests.",
      license: 'UNLICENSED',
      type: 'module',
      exports: {
        '.': { types: './dist/index.d.ts', '@alphaswarm/source': './src/index.ts', import: './dist/index.js', default: './dist/index.js' },
        './package.json': './package.json',
      },
      types: './dist/index.d.ts',
      files: ['dist', '!dist/**/*.tsbuildinfo'],
      sideEffects: false,
      engines: { node: '>=20.19' },
      dependencies: { '@alphaswarm/core': 'workspace:*', '@alphaswarm/monolith-primitives': 'workspace:*' },
      nx: {
        name: 'probe-signals',
        tags: ['domain:probe-signals', 'type:runtime'],
        targets: { 'api-report': {}, 'package-check': {}, 'deep-proof': {}, gate: {} },
      },
    });
    expect(readJson(tree, 'packages/probe-signals/tsconfig.json')).toEqual({
      extends: '../../tsconfig.base.json',
      files: [],
      include: [],
      references: [{ path: './tsconfig.lib.json' }],
    });
    expect(readJson(tree, 'packages/probe-signals/tsconfig.lib.json')).toEqual({
      ...readJson(tree, 'packages/core/tsconfig.lib.json'),
      references: [{ path: '../core/tsconfig.lib.json' }, { path: '../monolith-primitives/tsconfig.lib.json' }],
    });
    expect(readJson<{ references: { path: string }[] }>(tree, 'tsconfig.json').references.at(-1)).toEqual({
      path: './packages/probe-signals',
    });
  });

  it('keeps the CI workflow in step: the new domain joins the matrix in the same run', async () => {
    await ciWorkflowGenerator(tree);
    await run(tree, { name: 'probe-signals', allow: 'core' });
    const workflow = parse(text(tree, CI_WORKFLOW_PATH) ?? '') as {
      jobs: { domain: { strategy: { matrix: { include: { domain: string }[] } } } };
    };
    expect(workflow.jobs.domain.strategy.matrix.include.map((entry) => entry.domain)).toContain('probe-signals');
    expect(await ciWorkflowGenerator(tree)).toBeUndefined();
  });

  it('starts the package empty: an entry that exports nothing (no copy of policy data), and docs that list no test target yet', async () => {
    await run(tree, { name: 'probe-signals', allow: ['core'], owns: "Alpha probe-signals, the 'raw' kind." });
    expect(text(tree, 'packages/probe-signals/src/index.ts')).toBe(
      "/**\n * Probe Signals: Alpha probe-signals, the 'raw' kind.\n *\n * The package starts empty: its public API is what the domain's first real module exports from\n * here, with a spec beside it.\n *\n * @packageDocumentation\n */\nexport {};\n",
    );
    for (const doc of ['README.md', 'AGENTS.md']) {
      const commands = (text(tree, `packages/probe-signals/${doc}`) ?? '')
        .split('\n')
        .filter((line) => line.startsWith('    pnpm nx run '));
      expect(commands, doc).toEqual(
        ['lint', 'typecheck', 'build', 'api-report'].map((target) => `    pnpm nx run probe-signals:${target}`),
      );
      // The split gate refuses a doc that names a target the project lacks, even in prose.
      expect(text(tree, `packages/probe-signals/${doc}`), doc).not.toContain('probe-signals:test');
    }
  });

  it('registers the domain in the policy: its imports, and both sides of each edge', async () => {
    const botsBefore = domainIn(tree, 'bots');
    await run(tree, { name: 'probe-signals', allow: 'core, monolith-primitives', importableBy: 'bots' });
    expect(domainIn(tree, 'probe-signals')).toEqual({
      name: 'probe-signals',
      title: 'Probe Signals',
      tags: ['domain:probe-signals'],
      seedPath: '(added by the domain generator) packages/probe-signals/',
      owns: "The Probe Signals domain's code and tests",
      doesNotOwn: 'Code of other domains; anything outside what core, monolith-primitives provide',
      mayImport: ['core', 'monolith-primitives'],
      importableBy: ['bots'],
      rule: 'typed-contracts',
    });
    expect(domainIn(tree, 'core')?.importableBy).toContain('probe-signals');
    expect(domainIn(tree, 'monolith-primitives')?.importableBy).toContain('probe-signals');
    expect(domainIn(tree, 'bots')?.mayImport).toEqual([...(botsBefore?.mayImport ?? []), 'probe-signals']);
    expect(
      policyOf(tree)
        .domains.map((domain) => domain.name)
        .slice(-2),
    ).toEqual(['probe-signals', 'tooling']);
    const policy = policyOf(tree);
    expect([
      isDependencyAllowed(policy, 'probe-signals', 'core').allowed,
      isDependencyAllowed(policy, 'bots', 'probe-signals').allowed,
      isDependencyAllowed(policy, 'rl', 'probe-signals').allowed,
    ]).toEqual([true, true, false]);
  });

  it('regenerates the constraint and type tables of docs/domain-map.md from the policy, and leaves the prose of docs/boundaries.md alone', async () => {
    const section = (doc: string, title: string) => {
      const lines = doc.split('\n');
      const start = lines.indexOf(`## ${title}`);
      const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
      return lines.slice(start, end).filter((line) => /^\| [^-]/.test(line));
    };
    const boundaries = text(tree, 'docs/boundaries.md');
    expect(boundaries).toMatch(/^# Boundaries/);
    await run(tree, { name: 'probe-signals', allow: 'core,monolith-primitives', importableBy: 'bots' });
    const map = text(tree, 'docs/domain-map.md') ?? '';
    expect(section(map, 'Domain constraints').filter((line) => /^\| (bots|probe-signals|tooling) \|/.test(line))).toEqual([
      "| bots | `domain:bots` | `domain:core`, `domain:bots`, `domain:monolith`, `type:primitives`, `domain:probe-signals` | core, monolith, monolith-primitives, probe-signals | `bots-until-extracted` | the importer's rule (nothing may import bots) |",
      "| probe-signals | `domain:probe-signals` | `domain:core`, `type:primitives`, `domain:probe-signals` | core, monolith-primitives | `typed-contracts` | the importer's rule (importers: bots) |",
      "| tooling | `domain:tooling` | `domain:tooling` | nothing else | `typed-contracts` | the importer's rule (nothing may import tooling) |",
    ]);
    expect(section(map, 'Type constraints').filter((line) => line.startsWith('| `type:runtime` |'))).toEqual([
      '| `type:runtime` | `type:contract`, `type:primitives`, `type:runtime` | `typed-contracts` | bots, models, monolith, probe-signals, rl |',
    ]);
    expect(text(tree, 'docs/boundaries.md')).toBe(boundaries);
  });

  it('accepts the monolith when its primitives are allowed too, as bots has them', async () => {
    await run(tree, { name: 'probe-signals', allow: 'core,monolith,monolith-primitives' });
    expect(domainIn(tree, 'probe-signals')?.mayImport).toEqual(['core', 'monolith', 'monolith-primitives']);
    expect(isDependencyAllowed(policyOf(tree), 'probe-signals', 'monolith-primitives').allowed).toBe(true);
  });

  it('imports nothing and is imported by nobody by default', async () => {
    await run(tree, { name: 'probe-ledger-views' });
    expect(domainIn(tree, 'probe-ledger-views')).toMatchObject({ title: 'Probe Ledger Views', mayImport: [], importableBy: [] });
    expect(readJson(tree, 'packages/probe-ledger-views/package.json').dependencies).toBeUndefined();
    expect(readJson(tree, 'packages/probe-ledger-views/tsconfig.lib.json').references).toEqual([]);
  });

  it('takes --type, --title, --owns and --does-not-own into tags, policy and docs', async () => {
    await run(tree, {
      name: 'probe-quotes',
      allow: 'core',
      type: 'contract',
      title: 'Market quotes',
      owns: 'Quote wire models.',
      doesNotOwn: 'Quote storage',
    });
    expect(readJson(tree, 'packages/probe-quotes/package.json').nx.tags).toEqual(['domain:probe-quotes', 'type:contract']);
    expect(domainIn(tree, 'probe-quotes')).toMatchObject({
      title: 'Market quotes',
      owns: 'Quote wire models',
      doesNotOwn: 'Quote storage',
    });
    const readme = text(tree, 'packages/probe-quotes/README.md') ?? '';
    expect(readme.split('\n').slice(0, 3)).toEqual(['# @alphaswarm/probe-quotes', '', 'Market quotes: Quote wire models.']);
    expect(readme).toContain('## Does not own\n\n- Quote storage.');
    expect(text(tree, 'packages/probe-quotes/AGENTS.md')).toContain(
      '(project `probe-quotes`, tags `domain:probe-quotes`, `type:contract`)',
    );
  });

  it('documents the validation commands and the boundaries from the policy', async () => {
    await run(tree, { name: 'probe-signals', allow: 'core', importableBy: 'bots' });
    const commands = ['lint', 'typecheck', 'build', 'api-report'].map((target) => `    pnpm nx run probe-signals:${target}`).join('\n');
    const readme = text(tree, 'packages/probe-signals/README.md') ?? '';
    expect(readme).toContain(`Each must pass (from the workspace root):\n\n${commands}\n`);
    expect(readme).toContain('the package gets a `test` target with its first spec');
    const agents = text(tree, 'packages/probe-signals/AGENTS.md') ?? '';
    expect(agents).toContain(`These must pass:\n\n${commands}\n`);
    expect(agents).toContain('[domain constraints](../../docs/domain-map.md#domain-constraints)');
    expect(agents).not.toContain('May import');
    expect(agents).toContain('`api/index.api.md` — regenerate with `pnpm nx run probe-signals:api-report --update`.');
  });

  it('returns a callback that installs and writes the API report, and leaves the docs (minutes of deep proofs) as the next step', async () => {
    const callback = await run(tree, { name: 'probe-signals', allow: 'core' });
    expect([callback.commands, callback.skipped]).toEqual([
      ['pnpm install', 'pnpm nx run-many -t api-report -p probe-signals --update'],
      ['pnpm docs:update'],
    ]);
  });

  it.each<[Partial<DomainGeneratorSchema>, string[], string[]]>([
    [{ skipInstall: true }, [], ['pnpm install', 'pnpm nx run probe-signals:api-report --update', 'pnpm docs:update']],
    [{ skipApiReport: true }, ['pnpm install'], ['pnpm nx run probe-signals:api-report --update', 'pnpm docs:update']],
  ])('with %j leaves the skipped steps, and those that need them, as next steps', async (options, commands, skipped) => {
    const callback = await run(tree, { name: 'probe-signals', allow: 'core', ...options });
    expect([callback.commands, callback.skipped]).toEqual([commands, skipped]);
  });

  it('redraws the generated domain map in the same change, from the policy it writes', async () => {
    const before = text(tree, 'docs/domain-map.md') ?? '';
    await run(tree, { name: 'probe-signals', allow: 'core,monolith-primitives' });
    const after = text(tree, 'docs/domain-map.md') ?? '';
    expect(after.split('\n').filter((line) => !before.split('\n').includes(line))).toEqual(
      expect.arrayContaining([
        "| probe-signals | `domain:probe-signals` | `packages/probe-signals` (@alphaswarm/probe-signals) | `(added by the domain generator) packages/probe-signals/` | The Probe Signals domain's code and tests | Code of other domains; anything outside what core, monolith-primitives provide | `typed-contracts` | yes |",
        '  probe_signals --> core',
        '  probe_signals --> monolith_primitives',
      ]),
    );
  });

  it('lists the policy’s types in the --type help', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'schema.json'), 'utf8')) as {
      properties: { type: { description: string } };
    };
    expect(schema.properties.type.description).toContain(`: ${productTypes(policyOf(tree)).join(', ')}.`);
  });

  it('formats with the workspace’s prettier config unless --skip-format, and leaves the generated docs as they are rendered', async () => {
    const small = seedWorkspace(['core']);
    await domainGenerator(small, { name: 'probe-signals', allow: 'core', skipApiReport: true });
    const unformatted = seedWorkspace(['core']);
    await domainGenerator(unformatted, { name: 'probe-signals', allow: 'core', skipApiReport: true, skipFormat: true });
    const config = await prettier.resolveConfig(join(WORKSPACE_ROOT, 'packages/core/tsconfig.lib.json'));
    const raw = text(unformatted, 'packages/probe-signals/tsconfig.lib.json') ?? '';
    expect(raw).toContain('"types": [\n      "node"\n    ]');
    expect(text(small, 'packages/probe-signals/tsconfig.lib.json')).toBe(await prettier.format(raw, { ...config, parser: 'json' }));
    expect(text(small, 'packages/probe-signals/tsconfig.lib.json')).toContain('"types": ["node"]');
    expect(text(small, 'docs/domain-map.md')).toBe(text(unformatted, 'docs/domain-map.md'));
  });

  it('fails clearly the second time and changes nothing', async () => {
    await run(tree, { name: 'probe-signals', allow: 'core' });
    const before = changesOf(tree);
    await expect(run(tree, { name: 'probe-signals', allow: 'core' })).rejects.toThrow(
      'ASW-1305 domain "probe-signals" already exists in tools/policy/policy.json; choose another name',
    );
    expect(changesSince(tree, before)).toEqual([]);
  });

  describe('refuses bad input before writing anything', () => {
    it.each<[string, Partial<DomainGeneratorSchema> & { name: string }, string | RegExp]>([
      ['an empty name', { name: ' ' }, 'ASW-1301 a domain name is required'],
      ['a reserved name: core', { name: 'core' }, 'ASW-1304 domain name "core" is reserved'],
      ['a reserved name: tooling', { name: 'tooling' }, 'ASW-1304 domain name "tooling" is reserved'],
      ['a reserved name: monolith', { name: 'monolith' }, 'ASW-1304 domain name "monolith" is reserved'],
      ['a reserved name: node_modules', { name: 'node_modules' }, 'ASW-1304 domain name "node_modules" is reserved'],
      ['a reserved name: dist', { name: 'dist' }, 'ASW-1304 domain name "dist" is reserved'],
      [
        'a name that is not kebab-case',
        { name: 'MyProbe Signals' },
        'ASW-1303 domain name "MyProbe Signals" is not kebab-case: use lowercase letters, digits and single dashes, starting with a letter, at most 40 characters (e.g. "my-probe-signals")',
      ],
      ['a snake_case name', { name: 'my_probe-signals' }, 'ASW-1303 domain name "my_probe-signals" is not kebab-case'],
      ['a name starting with a digit', { name: '9lives' }, 'ASW-1303 domain name "9lives" is not kebab-case'],
      ['a name with a path segment', { name: 'a/b' }, 'ASW-1302 domain name "a/b" has path segments'],
      ['a traversal', { name: '../x' }, 'ASW-1302 domain name "../x" has path segments'],
      ['a dot', { name: '.' }, 'ASW-1302 domain name "." has path segments'],
      ['a backslash', { name: 'a\\b' }, 'ASW-1302 domain name "a\\b" has path segments'],
      ['an existing domain', { name: 'rl' }, 'ASW-1305 domain "rl" already exists in tools/policy/policy.json'],
      [
        'an existing project',
        { name: 'policy' },
        'ASW-1306 "policy" is already the project policy (@alphaswarm/policy, tools/policy); choose another name',
      ],
      [
        'an unknown domain in --allow',
        { name: 'probe-signals', allow: 'core,nope' },
        'ASW-1308 --allow names unknown domain "nope"; known domains: core, controller',
      ],
      [
        'an unknown domain in --importable-by',
        { name: 'probe-signals', importableBy: 'ghost' },
        'ASW-1308 --importable-by names unknown domain "ghost"',
      ],
      [
        'an --allow of snippets (reverse rule)',
        { name: 'probe-signals', allow: 'core,snippets' },
        'ASW-012 "probe-signals" may not import "snippets": snippets-read-only: "`alphaswarm_snippets` is read-only knowledge',
      ],
      [
        'an --allow of a domain reached only through shims',
        { name: 'probe-signals', allow: 'rl' },
        'ASW-012 "probe-signals" may not import "rl": legacy-shims:',
      ],
      [
        'an --allow of the controller (typed contracts)',
        { name: 'probe-signals', allow: 'controller' },
        'ASW-012 "probe-signals" may not import "controller": typed-contracts:',
      ],
      [
        'an --allow of tooling',
        { name: 'probe-signals', allow: 'tooling' },
        'ASW-012 "probe-signals" may not import "tooling": it is workspace tooling',
      ],
      [
        'an --importable-by of core',
        { name: 'probe-signals', importableBy: 'core' },
        'ASW-013 "core" may not import "probe-signals": core-isolated:',
      ],
      [
        'an --allow that closes a cycle through --importable-by',
        { name: 'probe-signals', allow: 'bots', importableBy: 'bots' },
        /^ASW-014 .*has a cycle: .*probe-signals.*bots.*Drop one side of the offending edge/s,
      ],
      [
        'an --allow that closes a cycle through existing edges',
        { name: 'probe-signals', allow: 'bots', importableBy: 'monolith' },
        /^ASW-014 .*has a cycle: /s,
      ],
      [
        'an --allow of a domain whose tag another domain’s project carries (the monolith and its primitives)',
        { name: 'probe-signals', allow: 'core,monolith' },
        `ASW-1340 --allow=monolith would let monolith import every project tagged domain:monolith, and monolith-primitives (domain monolith-primitives) carries that tag too: the boundary rule grants tags, not projects, and monolith-primitives is granted per project (rl-models-primitives: "${policyRule}"). Add monolith-primitives to --allow as well, or drop monolith.`,
      ],
      [
        'an unknown --type',
        { name: 'probe-signals', type: 'widget' },
        'ASW-1309 --type=widget is not a product type; use one of: contract, primitives, service, ui, app, knowledge, runtime, deploy',
      ],
      ['--type=tooling', { name: 'probe-signals', type: 'tooling' }, 'ASW-1309 --type=tooling is not a product type'],
      [
        'a --type that may not import what --allow names',
        { name: 'probe-signals', type: 'contract', allow: 'monolith-primitives' },
        'ASW-1310 --type=contract may not import type:primitives (monolith-primitives, allowed by --allow=monolith-primitives)',
      ],
      [
        'a --type the importers may not import',
        { name: 'probe-signals', type: 'runtime', allow: 'core', importableBy: 'deployment' },
        'ASW-1310 deployment (type:deploy) may not import type:runtime',
      ],
    ])('%s', async (_, options, message) => {
      const before = changesOf(tree);
      await expect(run(tree, options)).rejects.toThrow(message);
      expect(changesSince(tree, before)).toEqual([]);
    });

    it('an existing path that is not a project', async () => {
      tree.write('packages/orphan/notes.md', 'left over');
      const before = changesOf(tree);
      await expect(run(tree, { name: 'orphan' })).rejects.toThrow(
        'ASW-1307 packages/orphan already exists; choose another name or remove that folder first',
      );
      expect(changesSince(tree, before)).toEqual([]);
    });

    it('a policy that is already inconsistent', async () => {
      const policy = policyOf(tree);
      tree.write('tools/policy/policy.json', JSON.stringify({ ...policy, version: 2 }));
      const before = changesOf(tree);
      await expect(run(tree, { name: 'probe-signals' })).rejects.toThrow(
        /ASW-001 tools\/policy\/policy.json does not match the policy schema:.*version/s,
      );
      expect(changesSince(tree, before)).toEqual([]);
    });
  });
});
