import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBannedPackage, isDependencyAllowed, isTypeAllowed, domainOfTags, allowedTargets, typeOfTags } from './dependency-rules.js';
import { loadPolicy } from './parse-policy.js';

const policy = loadPolicy(join(import.meta.dirname, '../../../..'));

/**
 * The allowed-dependency table of shared/design/architecture.md, copied by hand: "a file in this
 * domain may import from". The policy file must agree with it for every ordered pair.
 */
const table: Record<string, string[]> = {
  core: [],
  controller: ['core'],
  client: ['core'],
  snippets: ['core'],
  bots: ['core', 'monolith', 'monolith-primitives'],
  rl: ['core', 'monolith-primitives'],
  models: ['core', 'monolith-primitives'],
  monolith: ['core', 'monolith-primitives'],
  'monolith-primitives': ['core'],
  deployment: ['core'],
};
const fixed = Object.keys(table);
const pairs = fixed.flatMap((from) => fixed.filter((to) => to !== from).map((to) => [from, to] as const));

describe('the policy agrees with the architecture table', () => {
  it.each(pairs)('%s -> %s', (from, to) => {
    expect(isDependencyAllowed(policy, from, to).allowed).toBe(table[from]?.includes(to));
  });

  it.each([
    ['packages/monolith/src/rl/index.ts', 'rl'],
    ['packages/monolith/src/ml/index.ts', 'models'],
    ['packages/monolith/src/llm/vllm-runner.ts', 'models'],
    ['packages/monolith/src/llm/ollama-client.ts', 'models'],
  ])('the shim %s may import %s', (file, to) => {
    expect(isDependencyAllowed(policy, 'monolith', to, file)).toEqual({ allowed: true, via: 'shim' });
  });

  it('does not let a shim file import what its shim does not re-export', () => {
    expect(isDependencyAllowed(policy, 'monolith', 'models', 'packages/monolith/src/rl/index.ts').allowed).toBe(false);
  });

  it('names the rule and a fix for a forbidden import', () => {
    expect(isDependencyAllowed(policy, 'core', 'rl')).toEqual({
      allowed: false,
      rule: 'legacy-shims',
      seedRule: policy.seedRules['legacy-shims'],
      citation: `legacy-shims: "${policy.seedRules['legacy-shims']}"`,
      fix: 'core may import nothing outside itself; rl is reached only through the shims in monolith.',
    });
    expect(isDependencyAllowed(policy, 'bots', 'snippets')).toMatchObject({ allowed: false, rule: 'snippets-read-only' });
    expect(isDependencyAllowed(policy, 'controller', 'monolith')).toMatchObject({ allowed: false, rule: 'controller-standalone' });
  });

  it('bans the heavy externals the architecture lists, in core only', () => {
    const banned = policy.domains.find((domain) => domain.name === 'core')?.bannedExternals?.packages ?? [];
    for (const name of [
      'fastify',
      'express',
      'koa',
      'hono',
      '@nestjs/core',
      'typeorm',
      '@prisma/client',
      'drizzle-orm',
      'sequelize',
      'knex',
      'pg',
      'mysql2',
      'bullmq',
      'bull',
      '@aws-sdk/client-s3',
      'aws-sdk',
      '@google-cloud/storage',
      '@azure/storage-blob',
      '@kubernetes/client-node',
    ]) {
      expect(isBannedPackage(banned, name), name).toBe(true);
    }
    expect(isBannedPackage(banned, 'zod')).toBe(false);
    expect(isBannedPackage(banned, 'pgx-lite')).toBe(false);
    expect(policy.domains.filter((domain) => domain.bannedExternals).map((domain) => domain.name)).toEqual(['core']);
  });
});

describe('domainOfTags', () => {
  it.each([
    [['domain:monolith', 'type:primitives'], 'monolith-primitives'],
    [['domain:monolith', 'type:runtime'], 'monolith'],
    [['domain:core', 'type:contract'], 'core'],
    [['type:runtime'], undefined],
  ])('%j -> %s', (tags, expected) => {
    expect(domainOfTags(policy, tags)?.name).toBe(expected);
  });
});

describe('the type dimension', () => {
  const app = ['domain:client', 'type:app'];
  const ui = ['domain:client', 'type:ui'];
  const contract = ['domain:core', 'type:contract'];
  const service = ['domain:controller', 'type:service'];
  it.each([
    ['an app imports the client (ui)', app, ui, true],
    ['an app does not import core (contract)', app, contract, false],
    ['an app does not import the controller (service)', app, service, false],
    ['the client (ui) does not import an app', ui, app, false],
    ['the client (ui) imports core (contract)', ui, contract, true],
    ['a service does not import an app', service, app, false],
    ['a project with no type is not constrained', ['domain:client'], service, true],
  ])('%s', (_, from, to, expected) => {
    expect(isTypeAllowed(policy, from, to)).toBe(expected);
  });

  it('finds a project’s type by its tag', () => {
    expect(typeOfTags(policy, ['domain:client', 'type:app'])?.mayImport).toEqual(['ui']);
    expect(typeOfTags(policy, ['domain:client'])).toBeUndefined();
  });
});

describe('allowedTargets', () => {
  it('lists what a domain may import besides itself', () => {
    expect(allowedTargets(policy, 'bots')).toEqual(['core', 'monolith', 'monolith-primitives']);
    expect(allowedTargets(policy, 'core')).toEqual([]);
  });
});
