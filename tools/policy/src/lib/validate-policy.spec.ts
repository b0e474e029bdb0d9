import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy } from './parse-policy.js';
import type { Policy } from './policy-schema.js';
import { validatePolicy } from './validate-policy.js';
import { findCycle } from './allowed-cycle.js';

const policy = loadPolicy(join(import.meta.dirname, '../../../..'));
const edit = (change: (draft: Policy) => void): Policy => {
  const draft = structuredClone(policy);
  change(draft);
  return draft;
};
const domain = (draft: Policy, name: string) => {
  const found = draft.domains.find((candidate) => candidate.name === name);
  if (!found) throw new Error(name);
  return found;
};

const shimAt = (draft: Policy, index: number) => {
  const found = draft.shims[index];
  if (!found) throw new Error(`no shim ${index}`);
  return found;
};

describe('validatePolicy', () => {
  it('accepts the workspace policy', () => {
    expect(validatePolicy(policy)).toEqual([]);
  });

  it.each<[string, (draft: Policy) => void, string]>([
    [
      'a one-sided mayImport',
      (draft) => domain(draft, 'deployment').mayImport.push('bots'),
      '"deployment" may import "bots", but "bots".importableBy does not list "deployment"',
    ],
    [
      'a one-sided importableBy',
      (draft) => domain(draft, 'snippets').importableBy.push('bots'),
      '"snippets" is importable by "bots", but "bots".mayImport does not list "snippets"',
    ],
    ['an unknown domain', (draft) => domain(draft, 'rl').mayImport.push('nope'), 'domain "rl" names unknown domain "nope"'],
    ['an unknown rule', (draft) => (domain(draft, 'rl').rule = 'made-up'), 'domain "rl" cites unknown seed rule "made-up"'],
    ['a duplicate domain', (draft) => draft.domains.push({ ...domain(draft, 'rl') }), 'domain "rl" is declared twice'],
    ['a shim of an unknown target', (draft) => (shimAt(draft, 0).targetDomain = 'ghost'), 'shim "rl" targets unknown domain "ghost"'],
    ['a reused shim code', (draft) => (shimAt(draft, 1).code = shimAt(draft, 0).code), 'shim code ASWDEP001 is used twice'],
    [
      'a cycle',
      (draft) => {
        domain(draft, 'core').mayImport.push('deployment');
        domain(draft, 'deployment').importableBy.push('core');
      },
      'the allowed-dependency table has a cycle: core -> deployment -> core',
    ],
  ])('reports %s', (_, change, problem) => {
    expect(validatePolicy(edit(change))).toContain(problem);
  });
});

describe('parsePolicy', () => {
  it('names the field that breaks the schema', () => {
    expect(() => parsePolicy({ ...policy, version: 2 })).toThrow(/ASW-001 .*version/s);
  });

  it('refuses an inconsistent policy with every problem listed', () => {
    expect(() => parsePolicy(edit((draft) => domain(draft, 'rl').mayImport.push('nope')))).toThrow(/ASW-002 .*unknown domain "nope"/s);
  });
});

describe('findCycle', () => {
  it.each<[string, [string, string[]][], string[] | undefined]>([
    [
      'no cycle',
      [
        ['a', ['b']],
        ['b', ['c']],
        ['c', []],
      ],
      undefined,
    ],
    [
      'a two-node cycle',
      [
        ['a', ['b']],
        ['b', ['a']],
      ],
      ['a', 'b', 'a'],
    ],
    [
      'a cycle behind a tail',
      [
        ['t', ['a']],
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
      ],
      ['a', 'b', 'c', 'a'],
    ],
  ])('finds %s', (_, edges, expected) => {
    expect(findCycle(new Map(edges))).toEqual(expected);
  });
});
