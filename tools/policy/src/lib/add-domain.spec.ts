import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDomain, type NewDomain } from './add-domain.js';
import { isDependencyAllowed } from './dependency-rules.js';
import { loadPolicy } from './parse-policy.js';
import type { Policy } from './policy-schema.js';

const policy = loadPolicy(join(import.meta.dirname, '../../../..'));
const spec = (change: Partial<NewDomain> = {}): NewDomain => ({
  name: 'probe-signals',
  title: 'Probe signals',
  seedPath: '(new domain) packages/probe-signals/',
  owns: 'Trading probe-signals',
  doesNotOwn: 'Order execution',
  mayImport: ['core', 'monolith-primitives'],
  importableBy: [],
  rule: 'typed-contracts',
  ...change,
});
const domain = (result: Policy, name: string) => result.domains.find((candidate) => candidate.name === name);

describe('addDomain', () => {
  it('adds the row and keeps both sides of the table in step', () => {
    const next = addDomain(policy, spec({ importableBy: ['bots'] }));
    expect(domain(next, 'probe-signals')).toEqual({
      name: 'probe-signals',
      title: 'Probe signals',
      tags: ['domain:probe-signals'],
      seedPath: '(new domain) packages/probe-signals/',
      owns: 'Trading probe-signals',
      doesNotOwn: 'Order execution',
      mayImport: ['core', 'monolith-primitives'],
      importableBy: ['bots'],
      rule: 'typed-contracts',
    });
    expect(domain(next, 'core')?.importableBy.at(-1)).toBe('probe-signals');
    expect(domain(next, 'monolith-primitives')?.importableBy.at(-1)).toBe('probe-signals');
    expect(domain(next, 'bots')?.mayImport).toEqual([...(domain(policy, 'bots')?.mayImport ?? []), 'probe-signals']);
    expect(isDependencyAllowed(next, 'probe-signals', 'core').allowed).toBe(true);
    expect(isDependencyAllowed(next, 'bots', 'probe-signals').allowed).toBe(true);
    expect(isDependencyAllowed(next, 'rl', 'probe-signals').allowed).toBe(false);
  });

  it('keeps workspace tooling last and does not change its input', () => {
    const before = structuredClone(policy);
    const next = addDomain(policy, spec());
    expect(next.domains.map((candidate) => candidate.name).slice(-2)).toEqual(['probe-signals', 'tooling']);
    expect(policy).toEqual(before);
  });

  it.each<[string, Partial<NewDomain>, RegExp]>([
    ['an existing name', { name: 'rl' }, /^ASW-010 domain "rl" already exists in tools\/policy\/policy.json; choose another name/],
    [
      'an unknown allowed domain',
      { mayImport: ['core', 'nope'] },
      /^ASW-011 mayImport of "probe-signals" names unknown domain "nope"; known domains: core, controller/,
    ],
    ['an unknown importer', { importableBy: ['ghost'] }, /^ASW-011 importableBy of "probe-signals" names unknown domain "ghost"/],
    ['itself', { mayImport: ['probe-signals'] }, /^ASW-011 mayImport of "probe-signals" lists the domain itself/],
    [
      'importing snippets',
      { mayImport: ['snippets'] },
      /^ASW-012 "probe-signals" may not import "snippets": snippets-read-only: "`alphaswarm_snippets` is read-only/,
    ],
    [
      'importing a domain reached only through shims',
      { mayImport: ['rl'] },
      /^ASW-012 "probe-signals" may not import "rl": legacy-shims: /,
    ],
    [
      'importing workspace tooling',
      { mayImport: ['tooling'] },
      /^ASW-012 "probe-signals" may not import "tooling": it is workspace tooling/,
    ],
    ['an isolated importer', { importableBy: ['core'] }, /^ASW-013 "core" may not import "probe-signals": core-isolated: /],
    [
      'a cycle',
      { mayImport: ['bots'], importableBy: ['bots'] },
      /^ASW-014 .*cycle: .*bots -> probe-signals -> bots|^ASW-014 .*cycle: .*probe-signals -> bots -> probe-signals/s,
    ],
  ])('refuses %s', (_, change, message) => {
    expect(() => addDomain(policy, spec(change))).toThrow(message);
  });

  it('refuses a cycle through existing edges', () => {
    expect(() => addDomain(policy, spec({ mayImport: ['bots'], importableBy: ['monolith'] }))).toThrow(
      /ASW-014 .*the allowed-dependency table has a cycle: .*Drop one side of the offending edge/s,
    );
  });
});
