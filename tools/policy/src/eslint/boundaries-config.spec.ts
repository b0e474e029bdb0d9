import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boundariesConfig } from './boundaries-config.js';

const repository = join(import.meta.dirname, '../../../..');
let root: string;
const write = (file: string, text: string): void => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'asw-boundaries-config-'));
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n');
  cpSync(join(repository, 'tools/policy/policy.json'), join(root, 'tools/policy/policy.json'));
  const policy = JSON.parse(readFileSync(join(root, 'tools/policy/policy.json'), 'utf8')) as { exceptions?: unknown };
  delete policy.exceptions;
  write('tools/policy/policy.json', JSON.stringify(policy));
  write(
    'packages/core/package.json',
    JSON.stringify({ name: '@alphaswarm/core', nx: { name: 'core', tags: ['domain:core', 'type:contract'] } }),
  );
  write(
    'packages/controller/package.json',
    JSON.stringify({ name: '@alphaswarm/controller', nx: { name: 'controller', tags: ['domain:controller', 'type:service'] } }),
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const lint = (text: string, file: string) =>
  new Linter({ configType: 'flat', cwd: root }).verify(text, boundariesConfig(root), { filename: join(root, file) });

describe('boundariesConfig', () => {
  it('reports the engine’s verdict where the specifier is, with its message', () => {
    expect(
      lint("export {};\nvi.mock('@alphaswarm/controller');\n", 'packages/core/src/a.spec.mts').map((message) => [
        message.ruleId,
        message.line,
        message.column,
        message.message.split(':')[0],
      ]),
    ).toEqual([['alphaswarm/boundaries', 2, 9, 'core → controller']]);
  });

  it('loads without a valid policy (Nx loads it to infer targets), and stops the first lint with the policy’s own error', () => {
    const policy = JSON.parse(readFileSync(join(root, 'tools/policy/policy.json'), 'utf8')) as {
      domains: { name: string; mayImport: string[] }[];
    };
    policy.domains.find((domain) => domain.name === 'controller')?.mayImport.push('snippets');
    write('tools/policy/policy.json', JSON.stringify(policy));
    const config = boundariesConfig(root);
    expect(config.map((block) => block.name)).toEqual(['alphaswarm/boundaries/ignores', 'alphaswarm/boundaries']);
    expect(() =>
      new Linter({ configType: 'flat', cwd: root }).verify("import '@alphaswarm/core';\n", config, {
        filename: join(root, 'packages/controller/src/a.ts'),
      }),
    ).toThrow(
      'ASW-002 tools/policy/policy.json is inconsistent:\n  - "controller" may import "snippets", but "snippets".importableBy does not list "controller"',
    );
  });

  it('judges nothing outside every project', () => {
    expect(lint("import '@alphaswarm/controller';\n", 'scripts/tool.mjs')).toEqual([]);
  });
});
