import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, updateJson, type Tree } from '@nx/devkit';
import { PolicyError, isDependencyAllowed, nextShimCode, type Policy } from '@alphaswarm/policy';
import { beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT, changesOf, changesSince, seedWorkspace } from '../__fixtures__/seed-workspace.js';
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

/** A probe of monolith-primitives' progress module: published by its entry, imported through it by four domains. */
const PROBE_PROGRESS =
  '/** A progress report (probe). */\nexport interface ProbeProgressEvent {\n  readonly job: string;\n  readonly fraction: number;\n}\n\nexport type ProbeProgressListener = (event: ProbeProgressEvent) => void;\n\nconst listeners = new Set<ProbeProgressListener>();\n\n/** Report progress (probe). */\nexport const probeProgress = {\n  emit(event: ProbeProgressEvent): void {\n    for (const listener of listeners) listener(event);\n  },\n} as const;\n';

function addProbePrimitive(tree: Tree): void {
  tree.write('packages/monolith-primitives/src/lib/probe-progress.ts', PROBE_PROGRESS);
  tree.write(
    'packages/monolith-primitives/src/lib/probe-progress.spec.ts',
    "import { expect, it } from 'vitest';\nimport { probeProgress } from './probe-progress.js';\n\nit('emits', () => expect(probeProgress.emit({ job: 'a', fraction: 1 })).toBeUndefined());\n",
  );
  tree.write(
    'packages/monolith-primitives/src/index.ts',
    `${tree.read('packages/monolith-primitives/src/index.ts', 'utf-8')}export { probeProgress } from './lib/probe-progress.js';\nexport type { ProbeProgressEvent, ProbeProgressListener } from './lib/probe-progress.js';\n`,
  );
  tree.write(
    'packages/monolith-primitives/src/lib/probe-uses.spec.ts',
    "import { probeProgress } from './probe-progress.js';\nexport const emit = probeProgress.emit;\n",
  );
  tree.write(
    'packages/rl/src/probe-runtime.ts',
    "import { appendArrow, probeProgress, type IcebergTableWriter } from '@alphaswarm/monolith-primitives';\nexport const uses = (writer: IcebergTableWriter) => [appendArrow, probeProgress, writer];\n",
  );
  tree.write(
    'packages/bots/src/probe-runtime.ts',
    "import {\n  probeProgress,\n  RiskLimits,\n  type ProbeProgressEvent,\n} from '@alphaswarm/monolith-primitives';\nexport const uses = (event: ProbeProgressEvent) => [probeProgress, RiskLimits, event];\n",
  );
  tree.write(
    'packages/models/src/probe-runtime.spec.ts',
    "import { probeProgress, type ProbeProgressEvent } from '@alphaswarm/monolith-primitives';\nexport const uses = (event: ProbeProgressEvent) => [probeProgress, event];\n",
  );
  tree.write(
    'packages/monolith/src/probe-runtime.ts',
    "import type { ProbeProgressListener, RequestContext } from '@alphaswarm/monolith-primitives';\nexport type Uses = [ProbeProgressListener, RequestContext];\n",
  );
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
        domain: 'monolith',
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
        domain: 'monolith',
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

  describe('monolith-primitives:lib/probe-progress.ts -> core (a module the package entry re-exports, imported by four domains)', () => {
    let seeded: Tree;
    beforeEach(async () => {
      addProbePrimitive(tree);
      seeded = seedWorkspace();
      addProbePrimitive(seeded);
      await run(tree, { from: 'monolith-primitives:lib/probe-progress.ts', to: 'core' });
    });

    it('moves the module into core, spec included, and publishes its bindings from core’s entry, as the old entry did', () => {
      expect(
        tree
          .children('packages/core/src/lib')
          .filter((name) => !seeded.exists(`packages/core/src/lib/${name}`))
          .sort(),
      ).toEqual(['probe-progress.spec.ts', 'probe-progress.ts']);
      expect(text(tree, 'packages/core/src/lib/probe-progress.ts')).toBe(PROBE_PROGRESS);
      expect(text(tree, 'packages/core/src/index.ts')).toBe(
        `${text(seeded, 'packages/core/src/index.ts')}export { probeProgress } from './lib/probe-progress.js';\nexport type { ProbeProgressEvent, ProbeProgressListener } from './lib/probe-progress.js';\n`,
      );
      expect(manifest(tree, 'core').exports).toEqual(manifest(seeded, 'core').exports);
    });

    it.each([
      [
        'a value import beside names that stay',
        'packages/rl/src/probe-runtime.ts',
        "import { appendArrow, type IcebergTableWriter } from '@alphaswarm/monolith-primitives';\nimport { probeProgress } from '@alphaswarm/core';",
      ],
      [
        'a multi-line import with inline types',
        'packages/bots/src/probe-runtime.ts',
        "import { RiskLimits } from '@alphaswarm/monolith-primitives';\nimport { probeProgress, type ProbeProgressEvent } from '@alphaswarm/core';",
      ],
      [
        'an import of moved names only',
        'packages/models/src/probe-runtime.spec.ts',
        "import { probeProgress, type ProbeProgressEvent } from '@alphaswarm/core';",
      ],
      [
        'an import type',
        'packages/monolith/src/probe-runtime.ts',
        "import type { RequestContext } from '@alphaswarm/monolith-primitives';\nimport type { ProbeProgressListener } from '@alphaswarm/core';",
      ],
      [
        'a relative import inside the old package',
        'packages/monolith-primitives/src/lib/probe-uses.spec.ts',
        "import { probeProgress } from '@alphaswarm/core';",
      ],
    ])('rewrites %s: what it takes from the module comes from core, the rest stays', (_, file, imports) => {
      expect(text(tree, file)).toBe(`${imports}\n${(text(seeded, file) ?? '').split(';\n').slice(1).join(';\n')}`);
    });

    it('keeps the entry’s re-export, now of compatibility bindings that warn when used', () => {
      expect(text(tree, 'packages/monolith-primitives/src/index.ts')).toBe(text(seeded, 'packages/monolith-primitives/src/index.ts'));
      const shim = text(tree, 'packages/monolith-primitives/src/lib/probe-progress.ts') ?? '';
      expect(shim).toContain("import * as newHome from '@alphaswarm/core';");
      expect(shim).toContain(
        `const legacy: LegacyBinding = { code: '${CODE}', legacyPath: '@alphaswarm/monolith-primitives', replacement: '@alphaswarm/core' };`,
      );
      expect(shim).toContain(
        "export const probeProgress: typeof newHome.probeProgress = deprecatedBinding(newHome.probeProgress, 'probeProgress', legacy);",
      );
      expect(shim).toContain(
        "export type {\n  /** @deprecated Import `ProbeProgressEvent` from `@alphaswarm/core` instead. */\n  ProbeProgressEvent,\n  /** @deprecated Import `ProbeProgressListener` from `@alphaswarm/core` instead. */\n  ProbeProgressListener,\n} from '@alphaswarm/core';",
      );
      expect(text(tree, 'packages/monolith-primitives/src/internal/deprecated-binding.ts')).toContain(
        'export function deprecatedBinding<T>(value: T, name: string, legacy: LegacyBinding): T {',
      );
      expect(manifest(tree, 'monolith-primitives').sideEffects).toBe(false);
    });

    it('registers the compatibility bindings in the policy as a shim of the entry, allowed to import core', () => {
      expect(policyOf(tree).shims.at(-1)).toEqual({
        id: 'probe-progress',
        domain: 'monolith-primitives',
        file: 'packages/monolith-primitives/src/lib/probe-progress.ts',
        subpath: '.',
        target: '@alphaswarm/core',
        targetDomain: 'core',
        code: CODE,
        legacy: "import { probeProgress, ProbeProgressEvent, ProbeProgressListener } from '@alphaswarm/monolith-primitives'",
        bindings: ['probeProgress', 'ProbeProgressEvent', 'ProbeProgressListener'],
        entry: 'packages/monolith-primitives/src/index.ts',
      });
      expect(
        isDependencyAllowed(policyOf(tree), 'monolith-primitives', 'core', 'packages/monolith-primitives/src/lib/probe-progress.ts'),
      ).toMatchObject({ allowed: true });
    });

    it('adds no dependency (every importer already has core), so nothing needs an install', () => {
      for (const project of ['bots', 'rl', 'models', 'monolith', 'monolith-primitives'])
        expect(manifest(tree, project).dependencies, project).toEqual(manifest(seeded, project).dependencies);
    });
  });

  it('keeps a class as a compatibility value and its instance type, type parameters included', async () => {
    tree.write(
      'packages/monolith-primitives/src/lib/probe-context.ts',
      '/** A probe class. */\nexport class ProbeContext<T extends object = Record<string, unknown>> {\n  constructor(readonly value: T) {}\n}\n',
    );
    tree.write(
      'packages/monolith-primitives/src/index.ts',
      `${text(tree, 'packages/monolith-primitives/src/index.ts')}export { ProbeContext } from './lib/probe-context.js';\n`,
    );
    tree.write(
      'packages/monolith/src/probe-context-user.ts',
      "import { ProbeContext } from '@alphaswarm/monolith-primitives';\nexport const made = new ProbeContext({ a: 1 });\n",
    );
    await run(tree, { from: 'monolith-primitives:lib/probe-context.ts', to: 'core' });
    const shim = text(tree, 'packages/monolith-primitives/src/lib/probe-context.ts') ?? '';
    expect(shim).toContain(
      "export const ProbeContext: typeof newHome.ProbeContext = deprecatedBinding(newHome.ProbeContext, 'ProbeContext', legacy);",
    );
    expect(shim).toContain('export type ProbeContext<T extends object = Record<string, unknown>> = newHome.ProbeContext<T>;');
    expect(text(tree, 'packages/monolith/src/probe-context-user.ts')).toContain("import { ProbeContext } from '@alphaswarm/core';");
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
    addProbePrimitive(tree);
    tree.write(
      'packages/rl/src/everything.ts',
      "import * as primitives from '@alphaswarm/monolith-primitives';\nexport const emit = primitives.probeProgress.emit;\n",
    );
    const before = changesOf(tree);
    await expect(run(tree, { from: 'monolith-primitives:lib/probe-progress.ts', to: 'core' })).rejects.toThrow(
      /^ASW-1330 move-module --from=monolith-primitives:lib\/probe-progress.ts --to=core is refused; nothing was written:\n {2}- packages\/rl\/src\/everything.ts \(rl\) imports all of @alphaswarm\/monolith-primitives, which keeps probeProgress, ProbeProgressEvent, ProbeProgressListener only as deprecated compatibility bindings; import the names it uses with `import \{ … \}` first, so the move can rewrite them$/,
    );
    expect(changesSince(tree, before)).toEqual([]);
    expect(text(tree, 'packages/monolith-primitives/src/index.spec.ts')).toContain("import * as primitives from './index.js';");
  });

  it('refuses a module whose importers may not follow, naming each importer once and each rule once', async () => {
    tree.write(
      'packages/monolith/src/probe-registry/register.ts',
      'export type ProbeKey = string;\nexport const probeRegister = (key: ProbeKey): ProbeKey => key;\n',
    );
    tree.write(
      'packages/monolith/src/index.ts',
      `${text(tree, 'packages/monolith/src/index.ts')}export { probeRegister } from './probe-registry/register.js';\nexport type { ProbeKey } from './probe-registry/register.js';\n`,
    );
    tree.write(
      'packages/bots/src/probe-registry-user.ts',
      "import { probeRegister } from '@alphaswarm/monolith';\nimport type { ProbeKey } from '@alphaswarm/monolith';\nexport const key: ProbeKey = probeRegister('a');\n",
    );
    tree.write(
      'packages/monolith/src/probe-orchestrator.ts',
      "import { probeRegister } from './probe-registry/register.js';\nimport type { ProbeKey } from './probe-registry/register.js';\nexport const key: ProbeKey = probeRegister('b');\n",
    );
    const before = changesOf(tree);
    const failure = run(tree, { from: 'monolith:probe-registry', to: 'rl' });
    await expect(failure).rejects.toThrow(PolicyError);
    const lines = (
      await failure.then(
        () => '',
        (error: Error) => error.message,
      )
    ).split('\n');
    expect(lines).toEqual([
      'ASW-1330 move-module --from=monolith:probe-registry --to=rl is refused; nothing was written:',
      '  - packages/bots/src/probe-registry-user.ts (bots) imports probeRegister from @alphaswarm/monolith; after the move it would import them from @alphaswarm/rl, which bots may not import (legacy-shims)',
      '  - packages/monolith/src/probe-orchestrator.ts (monolith) imports packages/monolith/src/probe-registry/register.ts; after the move it would import @alphaswarm/rl, which monolith may not import (legacy-shims)',
      `Rule legacy-shims: "${policyOf(tree).seedRules['legacy-shims']}" bots may import only core, monolith, monolith-primitives; rl is reached only through the shims in monolith.`,
    ]);
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
      domain: 'bots',
      targetDomain: 'monolith',
      target: '@alphaswarm/monolith/probe-reward',
    });
  });

  it('returns a callback that installs when dependencies were added and rewrites the API reports, and leaves the docs as the next step', async () => {
    addRewardModule(tree);
    const callback = await run(tree, { from: 'monolith:probe-reward', to: 'rl' });
    expect(callback.commands).toEqual(['pnpm nx run-many -t api-report -p monolith,rl --update']);
    expect(callback.skipped).toEqual(['pnpm docs:update']);
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
        'ASW-1320 --from=nope:probe-reward names unknown project "nope"; projects: ',
      ],
      [
        'an unknown destination project',
        addRewardModule,
        { from: 'monolith:probe-reward', to: 'ghost' },
        'ASW-1320 --to=ghost names unknown project "ghost"',
      ],
      [
        'a source without a path',
        () => undefined,
        { from: 'monolith', to: 'rl' },
        'ASW-1321 --from=monolith needs a module path: --from=monolith:<path under src/>',
      ],
      [
        'a path that climbs out of src/',
        () => undefined,
        { from: 'monolith:../package.json', to: 'rl' },
        'ASW-1322 --from=monolith:../package.json: "../package.json" is not a path inside packages/monolith/src',
      ],
      [
        'an absolute path',
        () => undefined,
        { from: 'monolith:/etc/passwd', to: 'rl' },
        'ASW-1322 --from=monolith:/etc/passwd: "/etc/passwd" is not a path',
      ],
      [
        'a destination path with traversal',
        addRewardModule,
        { from: 'monolith:probe-reward', to: 'rl:../../core/src/x' },
        'ASW-1322 --to=rl:../../core/src/x',
      ],
      [
        'a module path that does not exist',
        () => undefined,
        { from: 'monolith:probe-reward', to: 'rl' },
        'ASW-1323 --from=monolith:probe-reward: packages/monolith/src/probe-reward does not exist (neither a folder nor packages/monolith/src/probe-reward.ts)',
      ],
      [
        'an empty folder',
        (t) => t.write('packages/monolith/src/loose/.keep', ''),
        { from: 'monolith:loose/.keep', to: 'rl' },
        'ASW-1323 --from=monolith:loose/.keep: packages/monolith/src/loose/.keep does not exist',
      ],
      [
        'a --legacy-export for a folder without an index.ts',
        (t) => t.write('packages/monolith/src/loose/a.ts', 'export const a = 1;\n'),
        { from: 'monolith:loose', to: 'rl', legacyExport: './loose' },
        'ASW-1336 --legacy-export=./loose: the folder packages/monolith/src/loose has no index.ts to keep at that subpath',
      ],
      [
        'a legacy shim file',
        () => undefined,
        { from: 'monolith:llm/ollama-client.ts', to: 'models' },
        'ASW-1335 --from=monolith:llm/ollama-client.ts contains packages/monolith/src/llm/ollama-client.ts, the legacy shim "ollama-client" (alphaswarm.llm.ollama_client -> @alphaswarm/models/serving); a shim stays where its legacy path is until it is retired',
      ],
      [
        'the package root',
        () => undefined,
        { from: 'monolith:index.ts', to: 'rl' },
        'ASW-1325 --from=monolith:index.ts is the package root of @alphaswarm/monolith',
      ],
      [
        'a move onto itself',
        () => undefined,
        { from: 'rl:rl-error.ts', to: 'rl' },
        'ASW-1327 --from=rl:rl-error.ts --to=rl is a move onto itself; name another project in --to.',
      ],
      [
        'a move inside one project',
        () => undefined,
        { from: 'rl:rl-error', to: 'rl:errors/rl-error' },
        'ASW-1327 --from and --to name the same project (rl)',
      ],
      [
        'an existing destination path',
        (t) => {
          addRewardModule(t);
          t.write('packages/rl/src/probe-reward/index.ts', 'export const x = 1;\n');
        },
        { from: 'monolith:probe-reward', to: 'rl' },
        'ASW-1326 --to=rl: packages/rl/src/probe-reward/index.ts already exists; choose a free path',
      ],
      [
        'a destination subpath already exported',
        (t) => {
          addRewardModule(t);
          addRewardModule(t, 'core', './stats');
        },
        { from: 'monolith:probe-reward', to: 'core:stats' },
        /^ASW-1326 --to=core:stats: @alphaswarm\/core already exports \.\/stats/,
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
        /^ASW-1330 move-module --from=monolith:probe-reward --to=rl is refused; nothing was written:\n {2}- packages\/bots\/src\/scoring.ts \(bots\) imports packages\/monolith\/src\/probe-reward\/index.ts; after the move it would import @alphaswarm\/rl\/probe-reward, which bots may not import \(legacy-shims\)\nRule legacy-shims: "The reverse direction .*" bots may import only core, monolith, monolith-primitives; rl is reached only through the shims in monolith\.$/s,
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
        /- packages\/bots\/src\/probe-reward\/discounted-return.ts imports @alphaswarm\/monolith, which rl may not import \(rl-models-primitives\)\n.*Rule rl-models-primitives: "`alphaswarm_rl` and `alphaswarm_models` may depend/s,
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
        'ASW-1331 --legacy-export=../up is not a package subpath',
      ],
      [
        'a --legacy-export that contradicts the current subpath',
        addRewardModule,
        { from: 'monolith:probe-reward', to: 'rl', legacyExport: './probe-rewards' },
        'ASW-1332 --legacy-export=./probe-rewards: @alphaswarm/monolith already publishes the module at ./probe-reward',
      ],
      [
        'a --legacy-export taken by another file',
        (t) => addRewardModule(t, 'monolith', null),
        { from: 'monolith:probe-reward', to: 'rl', legacyExport: 'rl' },
        'ASW-1333 --legacy-export=rl: @alphaswarm/monolith already exports ./rl for another file',
      ],
      [
        'a module that exports nothing',
        (t) => {
          t.write('packages/monolith/src/quiet/index.ts', 'const hidden = 1;\nvoid hidden;\n');
        },
        { from: 'monolith:quiet', to: 'rl', legacyExport: './quiet' },
        'ASW-1334 packages/monolith/src/quiet/index.ts exports nothing',
      ],
      [
        'an export * from a package',
        (t) => {
          t.write('packages/monolith/src/again/index.ts', "export * from '@alphaswarm/core';\n");
        },
        { from: 'monolith:again', to: 'rl', legacyExport: './again' },
        "ASW-1338 packages/monolith/src/again/index.ts: cannot list the bindings of export * from '@alphaswarm/core'",
      ],
    ])('%s', async (_, arrange, options, message) => {
      arrange(tree);
      const before = changesOf(tree);
      await expect(run(tree, options)).rejects.toThrow(message);
      expect(changesSince(tree, before)).toEqual([]);
    });
  });
});
