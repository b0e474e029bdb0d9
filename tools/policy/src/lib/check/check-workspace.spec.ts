import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Policy } from '../policy-schema.js';
import { discoverProjects } from '../workspace/discover-projects.js';
import { loadBoundaryWorkspace } from '../workspace/load-boundary-workspace.js';
import { checkWorkspace } from './check-workspace.js';

const repository = join(import.meta.dirname, '../../../../..');
const realPolicy = JSON.parse(readFileSync(join(repository, 'tools/policy/policy.json'), 'utf8')) as Policy;

let root: string;
const write = (file: string, text: string): void => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};
const manifest = (name: string, tags: string[] | undefined, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ name: `@alphaswarm/${name}`, ...extra, ...(tags ? { nx: { name, tags } } : {}) }, null, 2);
const writePolicy = (policy: Policy): void => write('tools/policy/policy.json', JSON.stringify(policy, null, 2));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'asw-check-workspace-'));
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - tools/*\n');
  writePolicy({ ...realPolicy, exceptions: [] });
  write('tools/policy/package.json', manifest('policy', ['domain:tooling', 'type:tooling']));
  write('packages/core/package.json', manifest('core', ['domain:core', 'type:contract']));
  write('packages/controller/package.json', manifest('controller', ['type:service', 'domain:controller']));
  write('packages/snippets/package.json', manifest('snippets', ['domain:snippets', 'type:knowledge']));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('discoverProjects', () => {
  it('finds the projects pnpm-workspace.yaml declares, wherever they are, with their Nx names and tags', () => {
    write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - tools/*\n  - apps/**\n  - "!apps/ignored"\n');
    write('apps/web/ui/package.json', JSON.stringify({ name: 'web-ui', nx: { name: 'ui', tags: ['domain:client'] } }));
    write('apps/web/ui/project.json', JSON.stringify({ tags: ['type:ui'] }));
    write('apps/ignored/package.json', manifest('ignored', []));
    write('packages/core/node_modules/dep/package.json', manifest('dep', []));
    expect(
      discoverProjects(root).map((project) => `${project.name} ${project.root} ${project.packageName} [${project.tags.join(' ')}]`),
    ).toEqual([
      'ui apps/web/ui web-ui [domain:client type:ui]',
      'controller packages/controller @alphaswarm/controller [type:service domain:controller]',
      'core packages/core @alphaswarm/core [domain:core type:contract]',
      'snippets packages/snippets @alphaswarm/snippets [domain:snippets type:knowledge]',
      'policy tools/policy @alphaswarm/policy [domain:tooling type:tooling]',
    ]);
  });

  it('finds the real workspace’s projects', () => {
    expect(discoverProjects(repository).map((project) => project.name)).toEqual(
      expect.arrayContaining([
        'core',
        'controller',
        'client',
        'monolith',
        'monolith-primitives',
        'policy',
        'split-gate',
        'workspace-plugin',
      ]),
    );
  });

  it('refuses a workspace that declares no projects', () => {
    rmSync(join(root, 'pnpm-workspace.yaml'));
    write('package.json', '{}');
    expect(() => discoverProjects(root)).toThrow(/^ASW-020 no workspace projects declared/);
  });
});

describe('checkWorkspace', () => {
  it('judges every source of every project wherever it lives, manifests and unplaced projects included', () => {
    write('packages/core/src/index.ts', "export const a = 1;\nimport '@alphaswarm/controller';\n");
    write('packages/core/scripts/x.mjs', "import '@alphaswarm/controller';\n");
    write(
      'packages/core/vitest.config.mts',
      "import { defineProject } from '../../vitest.shared.mjs';\nvi.mock('@alphaswarm/snippets');\n",
    );
    write('packages/core/dist/index.js', "import '@alphaswarm/controller';\n");
    write('packages/core/node_modules/x/index.js', "import '@alphaswarm/controller';\n");
    write('packages/core/README.md', "import '@alphaswarm/controller';\n");
    write(
      'packages/controller/package.json',
      manifest('controller', ['domain:controller', 'type:service'], { dependencies: { '@alphaswarm/snippets': 'workspace:*' } }),
    );
    write('packages/stray/package.json', manifest('stray', undefined));
    write('packages/stray/src/index.ts', "import '@alphaswarm/core';\nimport '../../core/src/index.js';\n");
    const check = checkWorkspace(root, loadBoundaryWorkspace(root));
    expect(
      check.violations.map(
        (violation) =>
          `${violation.file}:${violation.line}:${violation.column} ${violation.kind} ${violation.project} → ${violation.target} (${violation.evidence})`,
      ),
    ).toEqual([
      'packages/controller/package.json:4:5 forbidden-import controller → snippets (manifest)',
      'packages/core/scripts/x.mjs:1:8 forbidden-import core → controller (import)',
      'packages/core/src/index.ts:2:8 forbidden-import core → controller (import)',
      'packages/core/vitest.config.mts:2:9 forbidden-import core → snippets (mock)',
      'packages/stray/package.json:1:1 untagged-project @alphaswarm/stray → @alphaswarm/stray (project)',
      'packages/stray/src/index.ts:1:8 untagged-project @alphaswarm/stray → core (import)',
      'packages/stray/src/index.ts:2:8 untagged-project @alphaswarm/stray → core (import)',
    ]);
    expect(check.summary).toEqual({ projects: 5, files: 4, manifests: 5, violations: 7, exceptions: [] });
  });

  it('reads the files as they are now: a change is judged at once', () => {
    write('packages/controller/src/a.ts', "export * from '@alphaswarm/core';\n");
    const workspace = loadBoundaryWorkspace(root);
    expect(checkWorkspace(root, workspace).violations).toEqual([]);
    write('packages/controller/src/a.ts', "export * from '@alphaswarm/snippets';\n");
    expect(checkWorkspace(root, workspace).violations.map((violation) => violation.target)).toEqual(['snippets']);
  });

  it('lists each exception with the files it let through', () => {
    write('packages/snippets/src/index.ts', "export const doc = new URL('../../core/openapi/api.json', import.meta.url);\n");
    writePolicy({
      ...realPolicy,
      exceptions: [
        {
          id: 'probe',
          kind: 'contract-document',
          files: ['packages/snippets/src/index.ts'],
          reaches: ['packages/core/openapi/api.json'],
          reason: 'The probe reads a contract document as data.',
        },
      ],
    });
    expect(checkWorkspace(root, loadBoundaryWorkspace(root)).summary.exceptions).toEqual([
      { id: 'probe', kind: 'contract-document', usedBy: ['packages/snippets/src/index.ts'] },
    ]);
  });
});

describe('loadBoundaryWorkspace', () => {
  it('refuses an inconsistent policy before judging anything (a one-sided edit of the table)', () => {
    writePolicy({
      ...realPolicy,
      domains: realPolicy.domains.map((domain) =>
        domain.name === 'controller' ? { ...domain, mayImport: [...domain.mayImport, 'snippets'] } : domain,
      ),
    });
    expect(() => loadBoundaryWorkspace(root)).toThrow(
      'ASW-002 tools/policy/policy.json is inconsistent:\n  - "controller" may import "snippets", but "snippets".importableBy does not list "controller"',
    );
  });

  it.each([
    [
      { files: ['packages/core/src/missing.spec.ts'], reaches: ['packages/controller/dist/main.js'] },
      'names packages/core/src/missing.spec.ts, which does not exist',
    ],
    [
      { files: ['packages/core/src/a.spec.ts'], reaches: ['packages/core/dist/main.js'] },
      "reaches packages/core/dist/main.js inside packages/core/src/a.spec.ts's own project",
    ],
    [
      { files: ['packages/core/src/a.ts'], reaches: ['packages/controller/dist/main.js'] },
      'is an integration test, but packages/core/src/a.ts is not a test file',
    ],
  ])('refuses an exception that does not match the workspace: %j', (paths, problem) => {
    write('packages/core/src/a.spec.ts', '');
    write('packages/core/src/a.ts', '');
    writePolicy({
      ...realPolicy,
      exceptions: [{ id: 'probe', kind: 'integration-test', ...paths, reason: 'A probe of the exception checks.' }],
    });
    expect(() => loadBoundaryWorkspace(root)).toThrow(`exception "probe" ${problem}`);
  });
});
