import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '@alphaswarm/policy';
import { file, syntheticGraph } from '../testing/synthetic-graph.js';
import { evaluateBoundaries } from './evaluate-boundaries.js';
import { filesNeedingSource } from './files-needing-source.js';
import { importSpecifiers } from './import-specifiers.js';
import { sourcePrefilter } from './source-prefilter.js';

const policy = loadPolicy(join(import.meta.dirname, '../../../../..'));
const npm = { 'npm:express': 'express', 'npm:@aws-sdk/client-s3': '@aws-sdk/client-s3', 'npm:yaml@2.9.0': 'yaml', 'npm:zod': 'zod' };

/** (file, importing project, imported target, kind) of each violation, for compact assertions. */
const brief = (violations: ReturnType<typeof evaluateBoundaries>) => violations.map((v) => [v.file, v.project, v.target, v.kind]);

describe('evaluateBoundaries on graph edges', () => {
  it.each([
    [
      'a static import core → controller',
      file('packages/core/src/a.ts', 'core', 'controller'),
      [['packages/core/src/a.ts', 'core', 'controller', 'forbidden-import']],
    ],
    [
      'typeof import() (a dynamic edge) snippets → controller',
      file('packages/snippets/src/a.ts', 'snippets', ['controller', 'dynamic']),
      [['packages/snippets/src/a.ts', 'snippets', 'controller', 'forbidden-import']],
    ],
    [
      'import x = require() (a static edge) client → controller',
      file('packages/client/src/a.ts', 'client', 'controller'),
      [['packages/client/src/a.ts', 'client', 'controller', 'forbidden-import']],
    ],
    [
      'controller → monolith',
      file('packages/controller/src/a.ts', 'controller', 'monolith'),
      [['packages/controller/src/a.ts', 'controller', 'monolith', 'forbidden-import']],
    ],
    [
      'anything → snippets',
      file('packages/bots/src/a.ts', 'bots', 'snippets'),
      [['packages/bots/src/a.ts', 'bots', 'snippets', 'forbidden-import']],
    ],
    [
      'rl → monolith (only the primitives are allowed)',
      file('packages/rl/src/a.ts', 'rl', 'monolith'),
      [['packages/rl/src/a.ts', 'rl', 'monolith', 'forbidden-import']],
    ],
    [
      'a monolith file that is not a shim → rl',
      file('packages/monolith/src/a.ts', 'monolith', 'rl'),
      [['packages/monolith/src/a.ts', 'monolith', 'rl', 'forbidden-import']],
    ],
    [
      'a banned package in core (versionless node)',
      file('packages/core/src/a.ts', 'core', 'npm:express'),
      [['packages/core/src/a.ts', 'core', 'npm:express', 'banned-external']],
    ],
    [
      'a banned scope in core',
      file('packages/core/src/a.ts', 'core', 'npm:@aws-sdk/client-s3'),
      [['packages/core/src/a.ts', 'core', 'npm:@aws-sdk/client-s3', 'banned-external']],
    ],
    [
      'a banned package in core declared in its package.json',
      file('packages/core/package.json', 'core', 'npm:express'),
      [['packages/core/package.json', 'core', 'npm:express', 'banned-external']],
    ],
    [
      'a forbidden workspace dependency declared in package.json',
      file('packages/core/package.json', 'core', 'controller'),
      [['packages/core/package.json', 'core', 'controller', 'forbidden-import']],
    ],
  ])('reports %s', (_name, source, expected) => {
    expect(brief(evaluateBoundaries(policy, syntheticGraph([source], [], npm)))).toEqual(expected);
  });

  it.each([
    ['controller → core', file('packages/controller/src/a.ts', 'controller', 'core')],
    ['bots → monolith and primitives', file('packages/bots/src/a.ts', 'bots', 'monolith', 'monolith-primitives', 'core')],
    ['rl → primitives (dynamic)', file('packages/rl/src/a.ts', 'rl', ['monolith-primitives', 'dynamic'])],
    ['the rl shim file → rl', file('packages/monolith/src/rl/index.ts', 'monolith', 'rl')],
    ['the vllm shim file → models', file('packages/monolith/src/llm/vllm-runner.ts', 'monolith', 'models')],
    [
      "the monolith's package.json declaring rl and models (its shims need them)",
      file('packages/monolith/package.json', 'monolith', 'rl', 'models', 'core'),
    ],
    ['an unbanned package in core', file('packages/core/src/a.ts', 'core', 'npm:yaml@2.9.0', 'npm:zod')],
    ['a banned package outside core', file('packages/controller/src/a.ts', 'controller', 'npm:express')],
    ['a same-project edge', file('packages/rl/src/a.ts', 'rl', 'rl')],
  ])('allows %s', (_name, source) => {
    expect(evaluateBoundaries(policy, syntheticGraph([source], [], npm))).toEqual([]);
  });

  it('ignores implicit edges: they are not code imports', () => {
    expect(
      evaluateBoundaries(policy, syntheticGraph([file('packages/deployment/src/a.ts', 'deployment', ['controller', 'implicit'])])),
    ).toEqual([]);
  });

  it('names the file, both projects, the seed rule and the fix', () => {
    expect(
      evaluateBoundaries(policy, syntheticGraph([file('packages/core/src/a.ts', 'core', 'controller', ['controller', 'dynamic'])])),
    ).toEqual([
      {
        file: 'packages/core/src/a.ts',
        project: 'core',
        domain: 'core',
        target: 'controller',
        targetDomain: 'controller',
        kind: 'forbidden-import',
        evidence: ['dynamic', 'static'],
        specifier: undefined,
        rule: 'typed-contracts',
        seedRule: policy.seedRules['typed-contracts'],
        fix: 'core may import nothing outside itself; move the shared part into an allowed domain, or talk to controller through a typed contract (core) or its HTTP API.',
      },
    ]);
  });

  it('reports a project without a domain tag as untagged', () => {
    const graph = syntheticGraph([file('packages/core/src/a.ts', 'core', 'stray')]);
    const withStray = {
      ...graph,
      projects: [...graph.projects, { name: 'stray', root: 'libs/stray', tags: [], packageName: undefined, targets: {} }],
    };
    expect(brief(evaluateBoundaries(policy, withStray))).toEqual([['packages/core/src/a.ts', 'core', 'stray', 'untagged-project']]);
  });
});

describe('evaluateBoundaries on source specifiers', () => {
  const judge = (path: string, project: string, specifiers: string[], ...deps: Parameters<typeof file>[2][]) =>
    brief(evaluateBoundaries(policy, syntheticGraph([file(path, project, ...deps)], [], npm), new Map([[path, specifiers]])));

  it.each([
    [
      'a legacy shim path from bots (which may import the monolith)',
      'packages/bots/src/a.ts',
      'bots',
      ['@alphaswarm/monolith/rl'],
      [['packages/bots/src/a.ts', 'bots', 'monolith', 'legacy-shim-path']],
    ],
    [
      'a legacy shim path from inside the monolith (no graph edge)',
      'packages/monolith/src/a.ts',
      'monolith',
      ['@alphaswarm/monolith/llm/ollama-client'],
      [['packages/monolith/src/a.ts', 'monolith', 'monolith', 'legacy-shim-path']],
    ],
    [
      'a relative import of a shim module from a monolith file',
      'packages/monolith/src/a.ts',
      'monolith',
      ['./rl/index.js'],
      [['packages/monolith/src/a.ts', 'monolith', 'monolith', 'legacy-shim-path']],
    ],
    [
      'a relative import of a file shim from a monolith file',
      'packages/monolith/src/llm/gateway.ts',
      'monolith',
      ['./vllm-runner.js'],
      [['packages/monolith/src/llm/gateway.ts', 'monolith', 'monolith', 'legacy-shim-path']],
    ],
    [
      'a relative path into an allowed project',
      'packages/controller/src/a.ts',
      'controller',
      ['../../core/src/index.js'],
      [['packages/controller/src/a.ts', 'controller', 'core', 'relative-import']],
    ],
    [
      'a banned package that is not installed (no graph edge)',
      'packages/core/src/a.ts',
      'core',
      ['fastify', '@nestjs/core/deep'],
      [
        ['packages/core/src/a.ts', 'core', 'npm:@nestjs/core', 'banned-external'],
        ['packages/core/src/a.ts', 'core', 'npm:fastify', 'banned-external'],
      ],
    ],
  ])('reports %s', (_name, path, project, specifiers, expected) => {
    expect(judge(path, project, specifiers)).toEqual(expected);
  });

  it('reports a relative import into a forbidden project once, as forbidden', () => {
    expect(judge('packages/core/src/a.ts', 'core', ['../../deployment/src/index.js'], 'deployment')).toEqual([
      ['packages/core/src/a.ts', 'core', 'deployment', 'forbidden-import'],
    ]);
  });

  it.each([
    ['the public monolith entry from bots', 'packages/bots/src/a.ts', 'bots', ['@alphaswarm/monolith']],
    ['a relative path inside the project', 'packages/core/src/a.ts', 'core', ['./ids.js', '../src/ids.js']],
    ['a relative path to a root file', 'packages/core/vitest.config.mts', 'core', ['../../vitest.shared.mjs']],
    ['node built-ins in core', 'packages/core/src/a.ts', 'core', ['node:crypto', 'fs']],
    ['a shim module from the monolith’s tests', 'packages/monolith/src/shims.spec.ts', 'monolith', ['./rl/index.js']],
    [
      'a shim module from another shim',
      'packages/monolith/src/ml/index.ts',
      'monolith',
      ['../internal/warn-deprecated-import.js', '../rl/index.js'],
    ],
  ])('allows %s', (_name, path, project, specifiers) => {
    expect(judge(path, project, specifiers)).toEqual([]);
  });

  it('merges graph and source evidence of the same banned package', () => {
    const [violation] = evaluateBoundaries(
      policy,
      syntheticGraph([file('packages/core/src/a.ts', 'core', 'npm:express')], [], npm),
      new Map([['packages/core/src/a.ts', ['express']]]),
    );
    expect([violation?.evidence, violation?.specifier]).toEqual([['source', 'static'], 'express']);
  });
});

describe('evaluateBoundaries with a compatibility binding re-exported by a package entry', () => {
  const withBinding = {
    ...policy,
    shims: [
      ...policy.shims,
      {
        id: 'probe-progress',
        project: 'monolith-primitives',
        file: 'packages/monolith-primitives/src/lib/probe-progress.ts',
        subpath: '.',
        target: '@alphaswarm/core',
        targetDomain: 'core',
        code: 'ASWDEP900',
        legacy: "import { probeProgress } from '@alphaswarm/monolith-primitives'",
        bindings: ['probeProgress'],
        entry: 'packages/monolith-primitives/src/index.ts',
      },
    ],
  };
  const judge = (path: string, project: string, specifiers: string[]) =>
    brief(evaluateBoundaries(withBinding, syntheticGraph([file(path, project)], [], npm), new Map([[path, specifiers]])));

  it.each([
    ['the package entry it stays behind, from an allowed importer', 'packages/rl/src/a.ts', 'rl', ['@alphaswarm/monolith-primitives']],
    [
      'the module, from the entry that re-exports it',
      'packages/monolith-primitives/src/index.ts',
      'monolith-primitives',
      ['./lib/probe-progress.js'],
    ],
  ])('allows %s', (_name, path, project, specifiers) => {
    expect(judge(path, project, specifiers)).toEqual([]);
  });

  it('reports the module imported by another file of its project', () => {
    expect(judge('packages/monolith-primitives/src/lib/other.ts', 'monolith-primitives', ['./probe-progress.js'])).toEqual([
      ['packages/monolith-primitives/src/lib/other.ts', 'monolith-primitives', 'monolith-primitives', 'legacy-shim-path'],
    ]);
  });

  it('reads no file only because it names the package entry', () => {
    const prefilter = sourcePrefilter(withBinding, syntheticGraph([]));
    expect(prefilter('packages/rl/src/a.ts', 'rl', "import { appendArrow } from '@alphaswarm/monolith-primitives';")).toBe(false);
  });
});

describe('filesNeedingSource', () => {
  it('selects cross-project files, shim owners and banned-external domains, and nothing else', () => {
    const graph = syntheticGraph([
      file('packages/controller/src/a.ts', 'controller', 'core'),
      file('packages/controller/src/b.ts', 'controller', 'npm:zod'),
      file('packages/controller/src/c.ts', 'controller'),
      file('packages/monolith/src/x.ts', 'monolith'),
      file('packages/core/src/y.ts', 'core'),
      file('packages/core/package.json', 'core', 'npm:zod'),
      file('packages/rl/README.md', 'rl'),
    ]);
    expect(filesNeedingSource(policy, graph)).toEqual([
      { file: 'packages/controller/src/a.ts', project: 'controller' },
      { file: 'packages/monolith/src/x.ts', project: 'monolith' },
      { file: 'packages/core/src/y.ts', project: 'core' },
    ]);
  });
});

describe('sourcePrefilter', () => {
  const prefilter = sourcePrefilter(policy, syntheticGraph([]));
  it.each([
    ['a path that climbs out of its folder', 'packages/controller/src/a.ts', 'controller', "import '../../core/src/x.js';", true],
    ['a legacy shim path', 'packages/bots/src/a.ts', 'bots', "import { x } from '@alphaswarm/monolith/llm/vllm-runner';", true],
    ['a banned package name in core', 'packages/core/src/a.ts', 'core', "import k from 'knex';", true],
    ['a banned scope in core', 'packages/core/src/a.ts', 'core', "import { S3 } from '@aws-sdk/client-s3';", true],
    [
      'package imports and local paths only',
      'packages/controller/src/a.ts',
      'controller',
      "import { x } from '@alphaswarm/core';\nimport './local.js';",
      false,
    ],
    ['a shim module’s folder inside the monolith', 'packages/monolith/src/a.ts', 'monolith', "import { x } from './rl/index.js';", true],
    ['a banned name outside core', 'packages/controller/src/a.ts', 'controller', "import k from 'knex';", false],
  ])('%s → %s', (_name, file, project, text, expected) => {
    expect(prefilter(file, project, text)).toBe(expected);
  });

  it('lets every file of a project that contains another project through', () => {
    const graph = syntheticGraph([]);
    const nested = sourcePrefilter(policy, {
      ...graph,
      projects: [
        ...graph.projects,
        { name: 'inner', root: 'packages/core/inner', tags: ['domain:core'], packageName: undefined, targets: {} },
      ],
    });
    expect(nested('packages/core/src/a.ts', 'core', "import './inner/x.js';")).toBe(true);
  });
});

describe('importSpecifiers', () => {
  it('finds every import form, the ones the Nx lint rule misses included', () => {
    const text = [
      "import { a } from '@alphaswarm/a';",
      "import type { B } from '@alphaswarm/b';",
      "export * from '@alphaswarm/c';",
      "export type T = typeof import('@alphaswarm/d');",
      "import e = require('@alphaswarm/e');",
      "const f = await import('@alphaswarm/f');",
      "const g = require('@alphaswarm/g');",
      "import '../../h/src/index.js';",
      "// import '@alphaswarm/in-a-comment';",
      'const s = "import \'@alphaswarm/in-a-string\'";',
    ].join('\n');
    expect(importSpecifiers(text)).toEqual([
      '@alphaswarm/a',
      '@alphaswarm/b',
      '@alphaswarm/c',
      '@alphaswarm/d',
      '@alphaswarm/e',
      '@alphaswarm/f',
      '@alphaswarm/g',
      '../../h/src/index.js',
    ]);
  });
});
