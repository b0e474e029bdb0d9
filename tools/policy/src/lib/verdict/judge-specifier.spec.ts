import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDomain } from '../add-domain.js';
import { checkSource } from '../check/check-source.js';
import { loadPolicy } from '../parse-policy.js';
import type { Policy } from '../policy-schema.js';
import type { BoundaryProject } from '../workspace/boundary-project.js';
import { createBoundaryWorkspace } from '../workspace/boundary-workspace.js';

const policy = loadPolicy(join(import.meta.dirname, '../../../../..'));

const product = (name: string, type: string, tags = [`domain:${name}`, `type:${type}`]): BoundaryProject => ({
  name,
  root: `packages/${name}`,
  packageName: `@alphaswarm/${name}`,
  tags,
});

/** The real projects, by their tags, plus probes the issue names: an untagged one and one with an unknown tag. */
const projects: BoundaryProject[] = [
  product('core', 'contract'),
  product('controller', 'service'),
  product('client', 'ui'),
  product('snippets', 'knowledge'),
  product('bots', 'runtime'),
  product('rl', 'runtime'),
  product('models', 'runtime'),
  product('monolith', 'runtime'),
  product('monolith-primitives', 'primitives', ['type:primitives', 'domain:monolith']),
  product('deployment', 'deploy'),
  { name: 'policy', root: 'tools/policy', packageName: '@alphaswarm/policy', tags: ['domain:tooling', 'type:tooling'] },
  { name: '@alphaswarm/stray', root: 'packages/stray', packageName: '@alphaswarm/stray', tags: [] },
  product('risk', 'runtime'),
  { name: 'notype', root: 'packages/notype', packageName: '@alphaswarm/notype', tags: ['domain:snippets'] },
];
const workspace = createBoundaryWorkspace(policy, projects);

/** `file: kind target [rule]` for each violation ESLint and `pnpm boundaries` would report for `text` in `file`. */
const verdicts = (text: string, file: string, on = workspace): string[] =>
  checkSource(on, file, text).violations.map((violation) => `${violation.line}: ${violation.kind} ${violation.target} [${violation.rule}]`);

describe('projects the policy cannot place (the issue: untagged projects are never checked)', () => {
  it('reports every import an untagged project makes, in every form the issue names', () => {
    const text = [
      "import { manageBase } from '@alphaswarm/controller';",
      "import * as legacy from '@alphaswarm/monolith/rl';",
      "import '../../rl/src/index.js';",
      "import { z } from 'zod';",
      "import './local.js';",
    ].join('\n');
    expect(verdicts(text, 'packages/stray/src/index.ts')).toEqual([
      '1: untagged-project controller [typed-contracts]',
      '2: untagged-project monolith [typed-contracts]',
      '3: untagged-project rl [typed-contracts]',
    ]);
  });

  it('names the project and the fix in the message', () => {
    const [violation] = checkSource(workspace, 'packages/stray/src/index.ts', "import '@alphaswarm/core';").violations;
    expect(violation?.message).toBe(
      `@alphaswarm/stray → core: "@alphaswarm/core": the importing project @alphaswarm/stray (packages/stray) has no place in the policy: it carries no domain:* tag (typed-contracts: "${policy.seedRules['typed-contracts']}") Fix: add one domain tag of tools/policy/policy.json (${[...new Set(policy.domains.map((domain) => domain.tags[0]))].join(', ')}) and one type tag to nx.tags in packages/stray.`,
    );
  });

  it.each([
    ['untagged', "import '@alphaswarm/stray';", '1: untagged-project @alphaswarm/stray [typed-contracts]'],
    ['tagged with a domain the policy does not know', "import '@alphaswarm/risk';", '1: untagged-project risk [typed-contracts]'],
    ['without a type tag', "import '@alphaswarm/notype';", '1: untagged-project notype [typed-contracts]'],
  ])('reports an import of a project %s', (_case, text, expected) => {
    expect(verdicts(text, 'packages/bots/src/index.ts')).toEqual([expected]);
  });

  it('treats the unverifiable specifiers of an unplaced project as strict', () => {
    expect(verdicts('export const load = (name: string) => import(name);', 'packages/stray/src/index.ts')).toEqual([
      '1: unverifiable-import (unverifiable) [typed-contracts]',
    ]);
  });
});

describe('the domain table, in every form of the issue', () => {
  const forms = [
    "vi.mock('@alphaswarm/snippets');",
    "const actual = await vi.importActual('@alphaswarm/snippets');",
    "jest.mock('@alphaswarm/snippets');",
    "const where = import.meta.resolve('@alphaswarm/snippets');",
    "const path = require.resolve('@alphaswarm/snippets');",
    "const mod = createRequire(import.meta.url)('@alphaswarm/snippets');",
    'const lazy = import(`@alphaswarm/snippets`);',
    "/// <reference types='@alphaswarm/snippets' />",
  ];
  it.each(forms)('controller → snippets: %s', (line) => {
    expect(verdicts(line, 'packages/controller/scripts/x.mjs')).toEqual(['1: forbidden-import snippets [snippets-read-only]']);
  });

  it.each([
    ["const main = new URL('../../snippets/dist/index.js', import.meta.url);", '1: relative-import snippets [snippets-read-only]'],
    ['/// <reference path="../../snippets/src/index.ts" />', '1: relative-import snippets [snippets-read-only]'],
  ])('controller reaches snippets by path: %s', (line, expected) => {
    expect(verdicts(line, 'packages/controller/src/a.ts')).toEqual([expected]);
  });

  it('quotes the seed rule and names both projects and the fix', () => {
    const [violation] = checkSource(workspace, 'packages/core/scripts/x.mjs', "import '@alphaswarm/controller';\n").violations;
    expect(violation).toEqual({
      file: 'packages/core/scripts/x.mjs',
      line: 1,
      column: 8,
      project: 'core',
      domain: 'core',
      target: 'controller',
      targetDomain: 'controller',
      kind: 'forbidden-import',
      evidence: 'import',
      specifier: '@alphaswarm/controller',
      rule: 'typed-contracts',
      seedRule: policy.seedRules['typed-contracts'],
      citation: `typed-contracts: "${policy.seedRules['typed-contracts']}"`,
      fix: 'core may import nothing outside itself; move the shared part into an allowed domain, or talk to controller through a typed contract (core) or its HTTP API.',
      message: `core → controller: "@alphaswarm/controller": core may not import controller (typed-contracts: "${policy.seedRules['typed-contracts']}") Fix: core may import nothing outside itself; move the shared part into an allowed domain, or talk to controller through a typed contract (core) or its HTTP API.`,
    });
  });

  it.each([
    ['packages/controller/src/a.ts', "import '@alphaswarm/core';"],
    ['packages/rl/src/a.ts', "import '@alphaswarm/monolith-primitives';"],
    ['packages/bots/src/a.ts', "import '@alphaswarm/monolith';"],
    ['packages/monolith/src/rl/index.ts', "export * from '@alphaswarm/rl';"],
    ['packages/core/src/a.ts', "import { readFile } from 'node:fs';\nimport { join } from 'path';\nimport { z } from 'zod';"],
    [
      'packages/core/src/a.ts',
      "import './b.js';\nconst url = new URL('./data.json', import.meta.url);\nconst web = new URL('https://example.com/x', import.meta.url);",
    ],
    ['packages/core/vitest.config.mts', "import { defineProject } from '../../vitest.shared.mjs';"],
    ['packages/core/src/a.ts', "import '@alphaswarm/core';"],
    ['scripts/tool.mjs', "import '@alphaswarm/controller';"],
  ])('allows %s: %s', (file, text) => {
    expect(verdicts(text, file)).toEqual([]);
  });

  it('reports a relative path into another project even when the pair is allowed', () => {
    expect(verdicts("import '../../core/src/index.js';", 'packages/controller/src/a.ts')).toEqual([
      '1: relative-import core [typed-contracts]',
    ]);
  });

  it('lets only the shim files of the monolith import rl and models', () => {
    expect(verdicts("export * from '@alphaswarm/models/serving';", 'packages/monolith/src/llm/vllm-runner.ts')).toEqual([]);
    expect(verdicts("export * from '@alphaswarm/models';", 'packages/monolith/src/llm/other.ts')).toEqual([
      '1: forbidden-import models [legacy-shims]',
    ]);
  });
});

describe('legacy shims', () => {
  it('refuses the legacy path from every project, the monolith included', () => {
    expect(verdicts("import '@alphaswarm/monolith/rl';", 'packages/bots/src/a.ts')).toEqual([
      '1: legacy-shim-path monolith [legacy-shims]',
    ]);
    expect(verdicts("import '@alphaswarm/monolith/llm/ollama-client';", 'packages/monolith/src/a.ts')).toEqual([
      '1: legacy-shim-path monolith [legacy-shims]',
    ]);
  });

  it('refuses a relative import of a shim module inside its project, except from the shim and its own test', () => {
    const text = "export * from '../rl/index.js';";
    expect(verdicts(text, 'packages/monolith/src/registry/a.ts')).toEqual(['1: legacy-shim-path monolith [legacy-shims]']);
    expect(verdicts("import * as shim from './index.js';", 'packages/monolith/src/rl/index.spec.ts')).toEqual([]);
    expect(verdicts(text, 'packages/monolith/src/registry/a.spec.ts')).toEqual(['1: legacy-shim-path monolith [legacy-shims]']);
  });
});

describe('compatibility bindings re-exported by a package entry (move-module)', () => {
  const withBinding = createBoundaryWorkspace(
    {
      ...policy,
      shims: [
        ...policy.shims,
        {
          id: 'probe-progress',
          domain: 'monolith-primitives',
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
    },
    projects,
  );

  it.each([
    [
      'the package entry they stay behind, from an allowed importer',
      'packages/rl/src/a.ts',
      "import { appendArrow } from '@alphaswarm/monolith-primitives';",
    ],
    [
      'the module, from the entry that re-exports it',
      'packages/monolith-primitives/src/index.ts',
      "export { probeProgress } from './lib/probe-progress.js';",
    ],
  ])('allows %s', (_, file, text) => {
    expect(verdicts(text, file, withBinding)).toEqual([]);
  });

  it('refuses the module from another file of its project', () => {
    expect(
      verdicts("import { probeProgress } from './probe-progress.js';", 'packages/monolith-primitives/src/lib/other.ts', withBinding),
    ).toEqual(['1: legacy-shim-path monolith-primitives [legacy-shims]']);
  });
});

describe('banned packages', () => {
  it.each(['fastify', '@aws-sdk/client-s3', 'pg'])('refuses %s in core, in every form', (name) => {
    expect(verdicts(`import '${name}';\nvi.mock('${name}');`, 'packages/core/src/a.spec.ts')).toEqual([
      `1: banned-external npm:${name} [core-no-heavy-deps]`,
      `2: banned-external npm:${name} [core-no-heavy-deps]`,
    ]);
  });

  it('allows them elsewhere', () => {
    expect(verdicts("import 'fastify';", 'packages/controller/src/a.ts')).toEqual([]);
  });
});

describe('specifiers that cannot be resolved statically', () => {
  it.each([
    'const a = import(name);',
    "const b = require('@alphaswarm/' + name);",
    'const c = import(`@alphaswarm/${name}`);',
    'vi.mock(path);',
    'const d = new URL(file, import.meta.url);',
  ])('are violations in a strict domain: %s', (line) => {
    const [violation] = checkSource(workspace, 'packages/core/src/a.ts', line).violations;
    expect([violation?.kind, violation?.target, violation?.rule, violation?.fix]).toEqual([
      'unverifiable-import',
      '(unverifiable)',
      'core-isolated',
      'name the module with a string literal (one literal import per module, chosen in code, if it varies) so that the boundary can be checked',
    ]);
  });

  it('are allowed in a domain the policy does not mark strict', () => {
    const lenient: Policy = {
      ...policy,
      domains: policy.domains.map((domain) => (domain.name === 'tooling' ? { ...domain, strict: false } : domain)),
    };
    expect(verdicts('const a = import(name);', 'tools/policy/src/a.ts', createBoundaryWorkspace(lenient, projects))).toEqual([]);
    expect(verdicts('const a = import(name);', 'tools/policy/src/a.ts')).toEqual([
      '1: unverifiable-import (unverifiable) [typed-contracts]',
    ]);
  });
});

describe('both tag dimensions, one verdict (the issue: type constraints existed only in the Nx rule)', () => {
  const withRisk = addDomain(policy, {
    name: 'risk',
    title: 'Risk',
    seedPath: 'alphaswarm_risk/',
    owns: 'Risk checks',
    doesNotOwn: 'Everything else',
    mayImport: ['core'],
    importableBy: ['controller'],
    rule: 'typed-contracts',
  });
  const risky = createBoundaryWorkspace(withRisk, projects);

  it('refuses a domain-allowed import that the type constraints forbid, naming both types', () => {
    const [violation] = checkSource(risky, 'packages/controller/src/a.ts', "import '@alphaswarm/risk';").violations;
    expect([violation?.kind, violation?.target, violation?.rule, violation?.message]).toEqual([
      'forbidden-type',
      'risk',
      'typed-contracts',
      `controller → risk: "@alphaswarm/risk": controller is type:service and may import only type:contract; risk is type:runtime (typed-contracts: "${policy.seedRules['typed-contracts']}") Fix: depend on a type:contract project instead, or change the type of risk or the type constraints in the policy.`,
    ]);
  });

  it('allows it when the types allow it too', () => {
    const contract = createBoundaryWorkspace(
      withRisk,
      projects.map((project) => (project.name === 'risk' ? { ...project, tags: ['domain:risk', 'type:contract'] } : project)),
    );
    expect(verdicts("import '@alphaswarm/risk';", 'packages/controller/src/a.ts', contract)).toEqual([]);
  });
});

describe('documented exceptions (the issue: tests are documented exceptions, not holes)', () => {
  const spec = 'packages/client/src/manage-api.integration.spec.ts';

  it('let the listed integration test reach the listed build output, and nothing else', () => {
    const text = [
      "const controllerEntry = fileURLToPath(new URL('../../controller/dist/main.js', import.meta.url));",
      "const other = new URL('../../controller/dist/other.js', import.meta.url);",
      "import { manageBase } from '@alphaswarm/controller';",
    ].join('\n');
    expect(checkSource(workspace, spec, text)).toEqual({
      violations: [
        expect.objectContaining({ line: 2, kind: 'relative-import', target: 'controller', rule: 'typed-contracts' }),
        expect.objectContaining({ line: 3, kind: 'forbidden-import', target: 'controller', rule: 'typed-contracts' }),
      ],
      exceptionsUsed: ['client-manage-api-integration'],
    });
  });

  it('do not extend to files they do not list', () => {
    expect(
      verdicts("const entry = new URL('../../controller/dist/main.js', import.meta.url);", 'packages/client/src/other.spec.ts'),
    ).toEqual(['1: relative-import controller [typed-contracts]']);
  });

  it('are reported when a listed file no longer reaches what they allow', () => {
    expect(verdicts('export {};', spec)).toEqual(['1: unused-exception controller [typed-contracts]']);
  });
});
