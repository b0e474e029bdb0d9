import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, updateJson, type Tree } from '@nx/devkit';
import { PolicyError, isDependencyAllowed, nextShimCode, type Policy } from '@alphaswarm/policy';
import { beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT, changesOf, changesSince, seedWorkspace } from '../__fixtures__/seed-workspace.js';
import { moduleDeclarations } from '../../lib/module-declarations.js';
import type { PackageManifest } from '../../lib/workspace-projects.js';
import { moveModuleGenerator } from './move-module.js';
import type { MoveModuleGeneratorSchema } from './schema.js';

const run = (tree: Tree, options: MoveModuleGeneratorSchema) => moveModuleGenerator(tree, { skipFormat: true, ...options });
const text = (tree: Tree, path: string) => tree.read(path, 'utf-8');
const manifest = (tree: Tree, project: string) => readJson<PackageManifest>(tree, `packages/${project}/package.json`);
const policyOf = (tree: Tree) => readJson<Policy>(tree, 'tools/policy/policy.json');

/** The code the next shim gets: one past every code the workspace's policy uses today. */
const CODE = nextShimCode(JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'tools/policy/policy.json'), 'utf8')) as Policy);

const REWARD = {
  'index.ts': "export { discountedReturn } from './discounted-return.js';\nexport type { RewardSeries } from './discounted-return.js';\n",
  'discounted-return.ts':
    "import { canonicalJson } from '@alphaswarm/rl';\n\n/** Rewards in time order. */\nexport type RewardSeries = readonly number[];\n\n/** Sum of rewards discounted by gamma per step. */\nexport function discountedReturn(rewards: RewardSeries, gamma: number): number {\n  return rewards.reduceRight((total, reward) => reward + gamma * total, 0);\n}\n\nexport const describeSeries = (rewards: RewardSeries): string => canonicalJson(rewards);\n",
  'discounted-return.spec.ts':
    "import { expect, it } from 'vitest';\nimport { discountedReturn } from './discounted-return.js';\n\nit('discounts', () => {\n  expect(discountedReturn([1, 1], 0.5)).toBe(1.5);\n});\n",
};

/** A module the monolith still owns, published at @alphaswarm/monolith/probe-reward. */
function addRewardModule(tree: Tree, project = 'monolith', subpath: string | null = './probe-reward'): void {
  for (const [file, content] of Object.entries(REWARD)) tree.write(`packages/${project}/src/probe-reward/${file}`, content);
  if (subpath !== null) {
    updateJson(tree, `packages/${project}/package.json`, (json: PackageManifest) => ({
      ...json,
      exports: {
        ...json.exports,
        [subpath]: {
          types: './dist/probe-reward/index.d.ts',
          '@alphaswarm/source': './src/probe-reward/index.ts',
          import: './dist/probe-reward/index.js',
          default: './dist/probe-reward/index.js',
        },
      },
    }));
  }
}

describe('move-module generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = seedWorkspace();
  });

  describe('monolith:probe-reward -> rl (the strangler step)', () => {
    beforeEach(async () => {
      addRewardModule(tree);
      await run(tree, { from: 'monolith:probe-reward', to: 'rl' });
    });

    it('moves every file of the module, specs included, and rewrites its import of its new home', () => {
      expect(tree.children('packages/rl/src/probe-reward').sort()).toEqual([
        'discounted-return.spec.ts',
        'discounted-return.ts',
        'index.ts',
      ]);
      expect(text(tree, 'packages/rl/src/probe-reward/index.ts')).toBe(REWARD['index.ts']);
      expect(text(tree, 'packages/rl/src/probe-reward/discounted-return.spec.ts')).toBe(REWARD['discounted-return.spec.ts']);
      expect(text(tree, 'packages/rl/src/probe-reward/discounted-return.ts')).toBe(
        REWARD['discounted-return.ts'].replace("from '@alphaswarm/rl'", "from '../index.js'"),
      );
      expect(tree.children('packages/monolith/src/probe-reward')).toEqual(['index.ts']);
    });

    it('leaves a deprecation shim with the same bindings, each @deprecated, warning once with the next code', () => {
      expect(text(tree, 'packages/monolith/src/probe-reward/index.ts')).toBe(`/**
 * Legacy \`@alphaswarm/monolith/probe-reward\` import path, left by
 * \`nx g @alphaswarm/workspace-plugin:move-module --from=monolith:probe-reward --to=rl\`.
 *
 * @deprecated Import from \`@alphaswarm/rl/probe-reward\` instead.
 * @packageDocumentation
 */
import { warnDeprecatedImport } from '../internal/warn-deprecated-import.js';

warnDeprecatedImport('${CODE}', '@alphaswarm/monolith/probe-reward', '@alphaswarm/rl/probe-reward');

export {
  /** @deprecated Import from \`@alphaswarm/rl/probe-reward\` instead. */
  discountedReturn,
} from '@alphaswarm/rl/probe-reward';
export type {
  /** @deprecated Import from \`@alphaswarm/rl/probe-reward\` instead. */
  RewardSeries,
} from '@alphaswarm/rl/probe-reward';
`);
    });

    it('registers the shim in the policy like the monolith shims', () => {
      expect(policyOf(tree).shims.at(-1)).toEqual({
        id: 'probe-reward',
        project: 'monolith',
        file: 'packages/monolith/src/probe-reward/index.ts',
        subpath: './probe-reward',
        target: '@alphaswarm/rl/probe-reward',
        targetDomain: 'rl',
        code: CODE,
        legacy: '@alphaswarm/monolith/probe-reward',
      });
    });

    it('lists the shim last in the monolith legacyImports', () => {
      const before = seedWorkspace().read('packages/monolith/src/legacy-imports.ts', 'utf-8') ?? '';
      const after = text(tree, 'packages/monolith/src/legacy-imports.ts') ?? '';
      expect(after).toContain(
        `  { legacy: '@alphaswarm/monolith/probe-reward', shimPath: '@alphaswarm/monolith/probe-reward', replacement: '@alphaswarm/rl/probe-reward', code: '${CODE}' },\n]);`,
      );
      expect(after.split('\n').length).toBe(before.split('\n').length + 1);
    });

    it('publishes the module from rl and keeps the old subpath on the shim, marked as a side effect', () => {
      const { ['./package.json']: _, ...rlExports } = manifest(seedWorkspace(), 'rl').exports ?? {};
      expect(manifest(tree, 'rl').exports).toEqual({
        ...rlExports,
        './probe-reward': {
          types: './dist/probe-reward/index.d.ts',
          '@alphaswarm/source': './src/probe-reward/index.ts',
          import: './dist/probe-reward/index.js',
          default: './dist/probe-reward/index.js',
        },
        './package.json': './package.json',
      });
      expect(Object.keys(manifest(tree, 'rl').exports ?? {}).slice(-2)).toEqual(['./probe-reward', './package.json']);
      expect((manifest(tree, 'monolith').exports as Record<string, Record<string, string>>)['./probe-reward']?.['@alphaswarm/source']).toBe(
        './src/probe-reward/index.ts',
      );
      expect(manifest(tree, 'monolith').sideEffects).toEqual([
        ...(manifest(seedWorkspace(), 'monolith').sideEffects as string[]),
        './dist/probe-reward/index.js',
      ]);
      expect(manifest(tree, 'monolith').dependencies?.['@alphaswarm/rl']).toBe('workspace:*');
    });
  });

  describe('rewrites every import of the module', () => {
    beforeEach(() => {
      addRewardModule(tree);
      tree.write(
        'packages/monolith/src/agents.ts',
        "import { discountedReturn } from './probe-reward/index.js';\nexport const score = (r: number[]) => discountedReturn(r, 0.9);\n",
      );
      tree.write(
        'packages/bots/src/scoring.ts',
        "import type { RewardSeries } from '@alphaswarm/monolith/probe-reward';\nexport type Scored = { series: RewardSeries };\nexport const load = () => import('@alphaswarm/monolith/probe-reward');\n",
      );
      tree.write(
        'packages/monolith-primitives/src/lib/uses-reward.ts',
        "export { discountedReturn } from '@alphaswarm/monolith/probe-reward';\n",
      );
      tree.write(
        'packages/monolith/src/probe-reward/discounted-return.ts',
        "import { RequestContext } from '@alphaswarm/monolith-primitives';\nexport type RewardSeries = readonly number[];\nexport const discountedReturn = (r: RewardSeries, g: number): number => r.reduceRight((t, x) => x + g * t, 0);\nexport const context = RequestContext;\n",
      );
    });

    it('to a package path where the importer may import it, and to a relative path inside the destination', async () => {
      await run(tree, { from: 'monolith:probe-reward', to: 'monolith-primitives:lib/probe-reward' });
      expect(text(tree, 'packages/monolith/src/agents.ts')).toBe(
        "import { discountedReturn } from '@alphaswarm/monolith-primitives/lib/probe-reward';\nexport const score = (r: number[]) => discountedReturn(r, 0.9);\n",
      );
      expect(text(tree, 'packages/bots/src/scoring.ts')).toBe(
        "import type { RewardSeries } from '@alphaswarm/monolith-primitives/lib/probe-reward';\nexport type Scored = { series: RewardSeries };\nexport const load = () => import('@alphaswarm/monolith-primitives/lib/probe-reward');\n",
      );
      expect(text(tree, 'packages/monolith-primitives/src/lib/uses-reward.ts')).toBe(
        "export { discountedReturn } from './probe-reward/index.js';\n",
      );
      expect(text(tree, 'packages/monolith-primitives/src/lib/probe-reward/discounted-return.ts')).toContain(
        "import { RequestContext } from '../../index.js';",
      );
      expect(manifest(tree, 'monolith-primitives').exports?.['./lib/probe-reward']).toEqual({
        types: './dist/lib/probe-reward/index.d.ts',
        '@alphaswarm/source': './src/lib/probe-reward/index.ts',
        import: './dist/lib/probe-reward/index.js',
        default: './dist/lib/probe-reward/index.js',
      });
      expect(policyOf(tree).shims.at(-1)).toMatchObject({
        id: 'probe-reward',
        project: 'monolith',
        target: '@alphaswarm/monolith-primitives/lib/probe-reward',
        targetDomain: 'monolith-primitives',
        code: CODE,
      });
    });

    it('adds the dependencies and project references the new imports need', async () => {
      addRewardModule(tree, 'deployment', null);
      tree.write(
        'packages/deployment/src/probe-reward/discounted-return.ts',
        "import { parse } from 'yaml';\nexport const discountedReturn = (text: string): number => Number(parse(text));\nexport type RewardSeries = number[];\n",
      );
      updateJson(tree, 'packages/deployment/package.json', (json: PackageManifest) => ({
        ...json,
        dependencies: { ...json.dependencies, yaml: 'catalog:' },
      }));
      await run(tree, { from: 'deployment:probe-reward', to: 'controller:probe-reward' });
      expect(manifest(tree, 'controller').dependencies?.['yaml']).toBe('catalog:');
      expect(manifest(tree, 'controller').dependencies?.['@alphaswarm/deployment']).toBeUndefined();
      expect(policyOf(tree).shims).toEqual(policyOf(seedWorkspace()).shims);
      expect(tree.exists('packages/deployment/src/probe-reward')).toBe(false);
      expect(manifest(tree, 'controller').exports?.['./probe-reward']).toBeDefined();
    });

    it('adds a workspace dependency and its reference when an importer gains one', async () => {
      tree.write('packages/monolith/src/agents.ts', 'export const nothing = 0;\n');
      tree.delete('packages/bots/src/scoring.ts');
      tree.delete('packages/monolith-primitives/src/lib/uses-reward.ts');
      tree.write(
        'packages/monolith/src/probe-reward/discounted-return.ts',
        'export type RewardSeries = readonly number[];\nexport const discountedReturn = (r: RewardSeries): number => r.length;\n',
      );
      updateJson(tree, 'packages/monolith/package.json', (json: PackageManifest) => {
        const { ['@alphaswarm/monolith-primitives']: _, ...dependencies } = json.dependencies ?? {};
        return { ...json, dependencies };
      });
      updateJson(tree, 'packages/monolith/tsconfig.lib.json', (json: { references: { path: string }[] }) => ({
        ...json,
        references: json.references.filter((reference) => !reference.path.includes('primitives')),
      }));
      await run(tree, { from: 'monolith:probe-reward', to: 'monolith-primitives' });
      expect(manifest(tree, 'monolith').dependencies?.['@alphaswarm/monolith-primitives']).toBe('workspace:*');
      expect(readJson(tree, 'packages/monolith/tsconfig.lib.json').references).toContainEqual({
        path: '../monolith-primitives/tsconfig.lib.json',
      });
    });
  });

  describe('monolith-primitives:lib/progress.ts -> core (a module the package entry re-exports, imported by four domains)', () => {
    const importers = [
      'packages/bots/src/runtime/bot-runtime.spec.ts',
      'packages/bots/src/runtime/bot-runtime.ts',
      'packages/models/src/evaluation/evaluate-walk-forward.spec.ts',
      'packages/models/src/evaluation/evaluate-walk-forward.ts',
      'packages/monolith/src/orchestration/spec-orchestrator.spec.ts',
      'packages/monolith/src/orchestration/spec-orchestrator.ts',
      'packages/rl/src/runtime/rl-runtime.spec.ts',
      'packages/rl/src/runtime/rl-runtime.ts',
    ];
    let seeded: Tree;
    beforeEach(async () => {
      seeded = seedWorkspace();
      await run(tree, { from: 'monolith-primitives:lib/progress.ts', to: 'core' });
    });
    const importsOf = (t: Tree, file: string) =>
      moduleDeclarations(file, text(t, file) ?? '')
        .filter((declaration) => declaration.kind === 'import' && declaration.specifier.startsWith('@alphaswarm/'))
        .map((declaration) => `${declaration.specifier}: ${declaration.named.map((element) => element.text).join(', ')}`);

    it('moves the module into core and publishes its bindings from core’s entry, as the old entry did', () => {
      expect(text(tree, 'packages/core/src/lib/progress.ts')).toBe(text(seeded, 'packages/monolith-primitives/src/lib/progress.ts'));
      expect(text(tree, 'packages/core/src/index.ts')).toBe(
        `${text(seeded, 'packages/core/src/index.ts')}export { progress } from './lib/progress.js';\nexport type { ProgressEvent, ProgressListener } from './lib/progress.js';\n`,
      );
      expect(manifest(tree, 'core').exports).toEqual(manifest(seeded, 'core').exports);
    });

    it.each(importers)('rewrites %s: what it takes from progress comes from core, the rest stays', (file) => {
      const before = importsOf(seeded, file).find((line) => line.startsWith('@alphaswarm/monolith-primitives:')) ?? '';
      const names = before.slice('@alphaswarm/monolith-primitives: '.length).split(', ');
      const moved = names.filter((name) => /\b(progress|ProgressEvent|ProgressListener)$/.test(name));
      const kept = names.filter((name) => !moved.includes(name));
      expect(moved.length).toBeGreaterThan(0);
      expect(importsOf(tree, file).filter((line) => !importsOf(seeded, file).includes(line))).toEqual([
        ...(kept.length > 0 ? [`@alphaswarm/monolith-primitives: ${kept.join(', ')}`] : []),
        `@alphaswarm/core: ${moved.join(', ')}`,
      ]);
    });

    it('leaves no workspace import of progress from monolith-primitives, and its own spec imports core', () => {
      const stillImported = [...importers, 'packages/monolith-primitives/src/lib/primitives.spec.ts'].filter((file) =>
        importsOf(tree, file).some((line) => line.startsWith('@alphaswarm/monolith-primitives:') && /\bprogress\b|Progress/.test(line)),
      );
      expect(stillImported).toEqual([]);
      expect(text(tree, 'packages/monolith-primitives/src/lib/primitives.spec.ts')).toContain(
        "import { progress, type ProgressEvent } from '@alphaswarm/core';",
      );
    });

    it('keeps the entry’s re-export, now of compatibility bindings that warn when used', () => {
      expect(text(tree, 'packages/monolith-primitives/src/index.ts')).toBe(text(seeded, 'packages/monolith-primitives/src/index.ts'));
      const shim = text(tree, 'packages/monolith-primitives/src/lib/progress.ts') ?? '';
      expect(shim).toContain("import * as newHome from '@alphaswarm/core';");
      expect(shim).toContain(
        `const legacy: LegacyBinding = { code: '${CODE}', legacyPath: '@alphaswarm/monolith-primitives', replacement: '@alphaswarm/core' };`,
      );
      expect(shim).toContain("export const progress: typeof newHome.progress = deprecatedBinding(newHome.progress, 'progress', legacy);");
      expect(shim).toContain(
        "export type {\n  /** @deprecated Import `ProgressEvent` from `@alphaswarm/core` instead. */\n  ProgressEvent,\n  /** @deprecated Import `ProgressListener` from `@alphaswarm/core` instead. */\n  ProgressListener,\n} from '@alphaswarm/core';",
      );
      expect(text(tree, 'packages/monolith-primitives/src/internal/deprecated-binding.ts')).toContain(
        'export function deprecatedBinding<T>(value: T, name: string, legacy: LegacyBinding): T {',
      );
      expect(manifest(tree, 'monolith-primitives').sideEffects).toBe(false);
    });

    it('registers the compatibility bindings in the policy as a shim of the entry, allowed to import core', () => {
      expect(policyOf(tree).shims.at(-1)).toEqual({
        id: 'progress',
        project: 'monolith-primitives',
        file: 'packages/monolith-primitives/src/lib/progress.ts',
        subpath: '.',
        target: '@alphaswarm/core',
        targetDomain: 'core',
        code: CODE,
        legacy: "import { progress, ProgressEvent, ProgressListener } from '@alphaswarm/monolith-primitives'",
        bindings: ['progress', 'ProgressEvent', 'ProgressListener'],
        entry: 'packages/monolith-primitives/src/index.ts',
      });
      expect(
        isDependencyAllowed(policyOf(tree), 'monolith-primitives', 'core', 'packages/monolith-primitives/src/lib/progress.ts'),
      ).toMatchObject({
        allowed: true,
      });
    });

    it('adds no dependency (every importer already has core), so nothing needs an install', () => {
      for (const project of ['bots', 'rl', 'models', 'monolith', 'monolith-primitives'])
        expect(manifest(tree, project).dependencies, project).toEqual(manifest(seeded, project).dependencies);
    });
  });

  it('keeps a class as a compatibility value and its instance type', async () => {
    await run(tree, { from: 'monolith-primitives:lib/request-context.ts', to: 'core' });
    const shim = text(tree, 'packages/monolith-primitives/src/lib/request-context.ts') ?? '';
    expect(shim).toContain(
      "export const RequestContext: typeof newHome.RequestContext = deprecatedBinding(newHome.RequestContext, 'RequestContext', legacy);",
    );
    expect(shim).toContain('export type RequestContext = newHome.RequestContext;');
    expect(shim).toContain("  RequestContextInit,\n} from '@alphaswarm/core';");
    expect(text(tree, 'packages/monolith/src/llm-gateway/llm-gateway.ts')).toContain("import { RequestContext } from '@alphaswarm/core';");
  });

  it('moves a folder without an index.ts as a unit: the entry’s re-exports become compatibility bindings, a file imported by path gets a subpath', async () => {
    tree.write(
      'packages/monolith/src/probe-folder/weights.ts',
      "import { scale } from './scale.js';\nexport function normalise(values: number[]): number[] {\n  return scale(values, 1);\n}\n",
    );
    tree.write(
      'packages/monolith/src/probe-folder/scale.ts',
      'export function scale(values: number[], by: number): number[] {\n  return values.map((value) => value * by);\n}\n',
    );
    tree.write(
      'packages/monolith/src/probe-folder/scale.spec.ts',
      "import { expect, it } from 'vitest';\nimport { scale } from './scale.js';\nit('scales', () => expect(scale([1], 2)).toEqual([2]));\n",
    );
    tree.write(
      'packages/monolith/src/index.ts',
      `${text(tree, 'packages/monolith/src/index.ts')}export { normalise as normaliseWeights } from './probe-folder/weights.js';\n`,
    );
    tree.write(
      'packages/monolith/src/agents.ts',
      "import { scale } from './probe-folder/scale.js';\nexport const double = (values: number[]) => scale(values, 2);\n",
    );
    await run(tree, { from: 'monolith:probe-folder', to: 'monolith-primitives:lib/weights' });
    expect(tree.children('packages/monolith-primitives/src/lib/weights').sort()).toEqual(['scale.spec.ts', 'scale.ts', 'weights.ts']);
    expect(tree.children('packages/monolith/src/probe-folder')).toEqual(['weights.ts']);
    expect(text(tree, 'packages/monolith-primitives/src/index.ts')).toContain(
      "export { normalise as normaliseWeights } from './lib/weights/weights.js';",
    );
    expect(text(tree, 'packages/monolith/src/probe-folder/weights.ts')).toContain(
      "export const normalise: typeof newHome.normaliseWeights = deprecatedBinding(newHome.normaliseWeights, 'normaliseWeights', legacy);",
    );
    expect(text(tree, 'packages/monolith/src/agents.ts')).toContain(
      "import { scale } from '@alphaswarm/monolith-primitives/lib/weights/scale';",
    );
    expect(Object.keys(manifest(tree, 'monolith-primitives').exports ?? {})).toEqual(['.', './lib/weights/scale', './package.json']);
    expect(policyOf(tree).shims.at(-1)).toMatchObject({
      id: 'weights',
      bindings: ['normaliseWeights'],
      entry: 'packages/monolith/src/index.ts',
    });
  });

  it('lets the source’s own specs keep testing its entry as a whole, but refuses other imports of the whole entry', async () => {
    tree.write(
      'packages/rl/src/everything.ts',
      "import * as primitives from '@alphaswarm/monolith-primitives';\nexport const emit = primitives.progress.emit;\n",
    );
    const before = changesOf(tree);
    await expect(run(tree, { from: 'monolith-primitives:lib/progress.ts', to: 'core' })).rejects.toThrow(
      /^ASW-230 move-module --from=monolith-primitives:lib\/progress.ts --to=core is refused; nothing was written:\n {2}- packages\/rl\/src\/everything.ts \(rl\) imports all of @alphaswarm\/monolith-primitives, which keeps progress, ProgressEvent, ProgressListener only as deprecated compatibility bindings; import the names it uses with `import \{ … \}` first, so the move can rewrite them$/,
    );
    expect(changesSince(tree, before)).toEqual([]);
    expect(text(tree, 'packages/monolith-primitives/src/index.spec.ts')).toContain("import * as primitives from './index.js';");
  });

  it('refuses a real module whose importers may not follow, naming each importer once and each rule once', async () => {
    const before = changesOf(tree);
    const failure = run(tree, { from: 'monolith:registry', to: 'rl' });
    await expect(failure).rejects.toThrow(PolicyError);
    const lines = (
      await failure.then(
        () => '',
        (error: Error) => error.message,
      )
    ).split('\n');
    expect(lines.filter((line) => line.startsWith('  - ')).map((line) => line.split(' ')[3])).toEqual([
      'packages/bots/src/runtime/bot-runtime.ts',
      'packages/bots/src/strategies/builtin-strategies.ts',
      'packages/monolith/src/orchestration/spec-orchestrator.spec.ts',
      'packages/monolith/src/orchestration/spec-orchestrator.ts',
      'packages/monolith/src/registry/register.ts',
    ]);
    expect(lines.filter((line) => line.startsWith('Rule ')).map((line) => line.split(':')[0])).toEqual([
      'Rule legacy-shims',
      'Rule rl-models-primitives',
    ]);
    expect(lines.filter((line) => line.includes('The reverse direction'))).toHaveLength(1);
    expect(changesSince(tree, before)).toEqual([]);
  });

  it('moves a single file with its spec, under a new name', async () => {
    tree.write(
      'packages/monolith/src/returns.ts',
      'export const total = (values: number[]): number => values.reduce((a, b) => a + b, 0);\n',
    );
    tree.write(
      'packages/monolith/src/returns.spec.ts',
      "import { it, expect } from 'vitest';\nimport { total } from './returns.js';\nit('adds', () => expect(total([1, 2])).toBe(3));\n",
    );
    await run(tree, { from: 'monolith:returns.ts', to: 'rl:reward-total', legacyExport: './returns' });
    expect(text(tree, 'packages/rl/src/reward-total.spec.ts')).toContain("import { total } from './reward-total.js';");
    expect(text(tree, 'packages/rl/src/reward-total.ts')).toContain('export const total');
    expect(text(tree, 'packages/monolith/src/returns.ts')).toContain(
      `warnDeprecatedImport('${CODE}', '@alphaswarm/monolith/returns', '@alphaswarm/rl/reward-total');`,
    );
    expect(tree.exists('packages/monolith/src/returns.spec.ts')).toBe(false);
    expect((manifest(tree, 'monolith').exports as Record<string, unknown>)['./returns']).toEqual({
      types: './dist/returns.d.ts',
      '@alphaswarm/source': './src/returns.ts',
      import: './dist/returns.js',
      default: './dist/returns.js',
    });
    expect(Object.keys(manifest(tree, 'monolith').exports ?? {}).at(-1)).toBe('./package.json');
  });

  it('leaves no shim for a module that has no public subpath', async () => {
    addRewardModule(tree, 'monolith', null);
    await run(tree, { from: 'monolith:probe-reward', to: 'rl' });
    expect(tree.exists('packages/monolith/src/probe-reward')).toBe(false);
    expect(policyOf(tree).shims).toEqual(policyOf(seedWorkspace()).shims);
    expect(manifest(tree, 'rl').exports?.['./probe-reward']).toBeDefined();
  });

  it('creates the warning helper where the source project has none', async () => {
    addRewardModule(tree, 'bots');
    tree.write(
      'packages/bots/src/probe-reward/discounted-return.ts',
      'export type RewardSeries = readonly number[];\nexport const discountedReturn = (r: RewardSeries): number => r.length;\n',
    );
    await run(tree, { from: 'bots:probe-reward', to: 'monolith' });
    expect(text(tree, 'packages/bots/src/internal/warn-deprecated-import.ts')).toBe(
      text(tree, 'packages/monolith/src/internal/warn-deprecated-import.ts'),
    );
    expect(manifest(tree, 'bots').sideEffects).toEqual(['./dist/probe-reward/index.js']);
    expect(policyOf(tree).shims.at(-1)).toMatchObject({
      id: 'probe-reward',
      project: 'bots',
      targetDomain: 'monolith',
      target: '@alphaswarm/monolith/probe-reward',
    });
  });

  it('returns a callback that installs when dependencies were added, rewrites the API reports, then regenerates the docs', async () => {
    addRewardModule(tree);
    const callback = await run(tree, { from: 'monolith:probe-reward', to: 'rl' });
    expect(callback.commands).toEqual(['pnpm nx run-many -t api-report -p monolith,rl --update', 'pnpm docs:update']);
    expect(callback.skipped).toEqual([]);
  });

  it('leaves the steps it skipped as next steps: what comes after a skipped step needs it', async () => {
    addRewardModule(tree, 'deployment', null);
    tree.write(
      'packages/deployment/src/probe-reward/discounted-return.ts',
      "import { parse } from 'yaml';\nexport const discountedReturn = (text: string): number => Number(parse(text));\nexport type RewardSeries = number[];\n",
    );
    const callback = await run(tree, { from: 'deployment:probe-reward', to: 'controller', skipInstall: true });
    expect(callback.commands).toEqual([]);
    expect(callback.skipped).toEqual([
      'pnpm install',
      'pnpm nx run-many -t api-report -p controller,deployment --update',
      'pnpm docs:update',
    ]);
    tree = seedWorkspace();
    addRewardModule(tree, 'deployment', null);
    tree.write(
      'packages/deployment/src/probe-reward/discounted-return.ts',
      "import { parse } from 'yaml';\nexport const discountedReturn = (text: string): number => Number(parse(text));\nexport type RewardSeries = number[];\n",
    );
    expect((await run(tree, { from: 'deployment:probe-reward', to: 'controller' })).commands).toEqual([
      'pnpm install',
      'pnpm nx run-many -t api-report -p controller,deployment --update',
      'pnpm docs:update',
    ]);
    tree = seedWorkspace();
    addRewardModule(tree);
    const reportsSkipped = await run(tree, { from: 'monolith:probe-reward', to: 'rl', skipApiReport: true });
    expect([reportsSkipped.commands, reportsSkipped.skipped]).toEqual([
      [],
      ['pnpm nx run-many -t api-report -p monolith,rl --update', 'pnpm docs:update'],
    ]);
  });

  describe('refuses before writing anything', () => {
    it.each<[string, (tree: Tree) => void, MoveModuleGeneratorSchema, string | RegExp]>([
      [
        'an unknown source project',
        () => undefined,
        { from: 'nope:probe-reward', to: 'rl' },
        'ASW-220 --from=nope:probe-reward names unknown project "nope"; projects: ',
      ],
      [
        'an unknown destination project',
        addRewardModule,
        { from: 'monolith:probe-reward', to: 'ghost' },
        'ASW-220 --to=ghost names unknown project "ghost"',
      ],
      [
        'a source without a path',
        () => undefined,
        { from: 'monolith', to: 'rl' },
        'ASW-221 --from=monolith needs a module path: --from=monolith:<path under src/>',
      ],
      [
        'a path that climbs out of src/',
        () => undefined,
        { from: 'monolith:../package.json', to: 'rl' },
        'ASW-222 --from=monolith:../package.json: "../package.json" is not a path inside packages/monolith/src',
      ],
      [
        'an absolute path',
        () => undefined,
        { from: 'monolith:/etc/passwd', to: 'rl' },
        'ASW-222 --from=monolith:/etc/passwd: "/etc/passwd" is not a path',
      ],
      [
        'a destination path with traversal',
        addRewardModule,
        { from: 'monolith:probe-reward', to: 'rl:../../core/src/x' },
        'ASW-222 --to=rl:../../core/src/x',
      ],
      [
        'a module path that does not exist',
        () => undefined,
        { from: 'monolith:probe-reward', to: 'rl' },
        'ASW-223 --from=monolith:probe-reward: packages/monolith/src/probe-reward does not exist (neither a folder nor packages/monolith/src/probe-reward.ts)',
      ],
      [
        'an empty folder',
        (t) => t.write('packages/monolith/src/loose/.keep', ''),
        { from: 'monolith:loose/.keep', to: 'rl' },
        'ASW-223 --from=monolith:loose/.keep: packages/monolith/src/loose/.keep does not exist',
      ],
      [
        'a --legacy-export for a folder without an index.ts',
        (t) => t.write('packages/monolith/src/loose/a.ts', 'export const a = 1;\n'),
        { from: 'monolith:loose', to: 'rl', legacyExport: './loose' },
        'ASW-236 --legacy-export=./loose: the folder packages/monolith/src/loose has no index.ts to keep at that subpath',
      ],
      [
        'a legacy shim file',
        () => undefined,
        { from: 'monolith:llm/ollama-client.ts', to: 'models' },
        'ASW-235 --from=monolith:llm/ollama-client.ts contains packages/monolith/src/llm/ollama-client.ts, the legacy shim "ollama-client" (alphaswarm.llm.ollama_client -> @alphaswarm/models/serving); a shim stays where its legacy path is until it is retired',
      ],
      [
        'the package root',
        () => undefined,
        { from: 'monolith:index.ts', to: 'rl' },
        'ASW-225 --from=monolith:index.ts is the package root of @alphaswarm/monolith',
      ],
      [
        'a move onto itself',
        () => undefined,
        { from: 'rl:canonical-json.ts', to: 'rl' },
        'ASW-227 --from=rl:canonical-json.ts --to=rl is a move onto itself; name another project in --to.',
      ],
      [
        'a move inside one project',
        () => undefined,
        { from: 'rl:canonical-json', to: 'rl:json/canonical' },
        'ASW-227 --from and --to name the same project (rl)',
      ],
      [
        'an existing destination path',
        (t) => {
          addRewardModule(t);
          t.write('packages/rl/src/probe-reward/index.ts', 'export const x = 1;\n');
        },
        { from: 'monolith:probe-reward', to: 'rl' },
        'ASW-226 --to=rl: packages/rl/src/probe-reward/index.ts already exists; choose a free path',
      ],
      [
        'a destination subpath already exported',
        (t) => {
          addRewardModule(t);
          addRewardModule(t, 'core', './stats');
        },
        { from: 'monolith:probe-reward', to: 'core:stats' },
        /^ASW-226 --to=core:stats: @alphaswarm\/core already exports \.\/stats/,
      ],
      [
        'an importer the destination may not be imported by (bots -> rl)',
        (t) => {
          addRewardModule(t);
          t.write(
            'packages/bots/src/scoring.ts',
            "import { discountedReturn } from '@alphaswarm/monolith/probe-reward';\nexport const s = discountedReturn;\n",
          );
        },
        { from: 'monolith:probe-reward', to: 'rl' },
        /^ASW-230 move-module --from=monolith:probe-reward --to=rl is refused; nothing was written:\n {2}- packages\/bots\/src\/scoring.ts \(bots\) imports packages\/monolith\/src\/probe-reward\/index.ts; after the move it would import @alphaswarm\/rl\/probe-reward, which bots may not import \(legacy-shims\)\nRule legacy-shims: "The reverse direction .*" bots may import only core, monolith, monolith-primitives; rl is reached only through the shims in monolith\.$/s,
      ],
      [
        'a monolith file that is not a shim importing the moved module (monolith -> rl)',
        (t) => {
          addRewardModule(t);
          t.write(
            'packages/monolith/src/agents.ts',
            "import { discountedReturn } from './probe-reward/index.js';\nexport const s = discountedReturn;\n",
          );
        },
        { from: 'monolith:probe-reward', to: 'rl' },
        /- packages\/monolith\/src\/agents.ts \(monolith\) imports packages\/monolith\/src\/probe-reward\/index.ts; after the move it would import @alphaswarm\/rl\/probe-reward, which monolith may not import \(legacy-shims\)\nRule legacy-shims: /,
      ],
      [
        'a module that imports what its destination may not (rl -> monolith)',
        (t) => {
          addRewardModule(t, 'bots');
          t.write(
            'packages/bots/src/probe-reward/discounted-return.ts',
            "import { legacyImports } from '@alphaswarm/monolith';\nexport const discountedReturn = () => legacyImports.length;\nexport type RewardSeries = number[];\n",
          );
        },
        { from: 'bots:probe-reward', to: 'rl' },
        /- packages\/bots\/src\/probe-reward\/discounted-return.ts imports @alphaswarm\/monolith, which rl may not import \(rl-models-primitives\)\n.*Rule rl-models-primitives: "alphaswarm_rl and alphaswarm_models may depend/s,
      ],
      [
        'a module that imports a file staying behind',
        (t) => {
          addRewardModule(t);
          t.write(
            'packages/monolith/src/probe-reward/discounted-return.ts',
            "import { warnDeprecatedImport } from '../internal/warn-deprecated-import.js';\nexport const discountedReturn = () => warnDeprecatedImport.length;\nexport type RewardSeries = number[];\n",
          );
        },
        { from: 'monolith:probe-reward', to: 'rl' },
        /packages\/monolith\/src\/probe-reward\/discounted-return.ts imports packages\/monolith\/src\/internal\/warn-deprecated-import.ts, which stays in monolith and @alphaswarm\/monolith does not publish what it takes from there; move it along/,
      ],
      [
        'a shim that would make the source import a domain the policy forbids (monolith -> controller)',
        (t) => {
          addRewardModule(t);
          t.write(
            'packages/monolith/src/probe-reward/discounted-return.ts',
            'export type RewardSeries = number[];\nexport const discountedReturn = (r: RewardSeries) => r.length;\n',
          );
        },
        { from: 'monolith:probe-reward', to: 'controller' },
        /the compatibility path @alphaswarm\/monolith\/probe-reward would make monolith import controller \(typed-contracts\); the policy has shims only for monolith -> rl, monolith -> models.*\nRule typed-contracts: "Prefer generated/s,
      ],
      [
        'a move whose new dependencies close a cycle',
        (t) => {
          addRewardModule(t, 'bots');
          t.write(
            'packages/bots/src/probe-reward/discounted-return.ts',
            'export type RewardSeries = number[];\nexport const discountedReturn = (r: RewardSeries) => r.length;\n',
          );
          updateJson(t, 'packages/monolith/package.json', (json: PackageManifest) => ({
            ...json,
            devDependencies: { ...json.devDependencies, '@alphaswarm/bots': 'workspace:*' },
          }));
        },
        { from: 'bots:probe-reward', to: 'monolith' },
        /the new dependencies would close a cycle between packages: .*@alphaswarm\/bots -> @alphaswarm\/monolith -> @alphaswarm\/bots|the new dependencies would close a cycle between packages: .*@alphaswarm\/monolith -> @alphaswarm\/bots -> @alphaswarm\/monolith/,
      ],
      [
        'an invalid --legacy-export',
        addRewardModule,
        { from: 'monolith:probe-reward', to: 'rl', legacyExport: '../up' },
        'ASW-231 --legacy-export=../up is not a package subpath',
      ],
      [
        'a --legacy-export that contradicts the current subpath',
        addRewardModule,
        { from: 'monolith:probe-reward', to: 'rl', legacyExport: './probe-rewards' },
        'ASW-232 --legacy-export=./probe-rewards: @alphaswarm/monolith already publishes the module at ./probe-reward',
      ],
      [
        'a --legacy-export taken by another file',
        (t) => addRewardModule(t, 'monolith', null),
        { from: 'monolith:probe-reward', to: 'rl', legacyExport: 'rl' },
        'ASW-233 --legacy-export=rl: @alphaswarm/monolith already exports ./rl for another file',
      ],
      [
        'a module that exports nothing',
        (t) => {
          t.write('packages/monolith/src/quiet/index.ts', 'const hidden = 1;\nvoid hidden;\n');
        },
        { from: 'monolith:quiet', to: 'rl', legacyExport: './quiet' },
        'ASW-234 packages/monolith/src/quiet/index.ts exports nothing',
      ],
      [
        'an export * from a package',
        (t) => {
          t.write('packages/monolith/src/again/index.ts', "export * from '@alphaswarm/core';\n");
        },
        { from: 'monolith:again', to: 'rl', legacyExport: './again' },
        "ASW-238 packages/monolith/src/again/index.ts: cannot list the bindings of export * from '@alphaswarm/core'",
      ],
    ])('%s', async (_, arrange, options, message) => {
      arrange(tree);
      const before = changesOf(tree);
      await expect(run(tree, options)).rejects.toThrow(message);
      expect(changesSince(tree, before)).toEqual([]);
    });
  });
});
