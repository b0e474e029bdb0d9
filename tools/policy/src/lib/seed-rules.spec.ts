import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citeRule } from './cite-rule.js';
import { loadPolicy } from './parse-policy.js';

/*
 * The policy's seed rules are presented as the seed's own words, so each must be a passage of
 * docs/repository-split.md (whole sentences, word for word after whitespace is normalised). A rule
 * the workspace words itself is listed in derivedRules with the seed sentences it comes from.
 */
const workspaceRoot = join(import.meta.dirname, '../../../..');
const policy = loadPolicy(workspaceRoot);
const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();
const seed = normalise(readFileSync(join(workspaceRoot, 'docs/repository-split.md'), 'utf8'));
const derived = policy.derivedRules ?? {};
const quoted = Object.entries(policy.seedRules).filter(([id]) => !(id in derived));

/** Whole sentences: the passage starts where a sentence or a list item starts, and ends with a full stop. */
function isWholeSentences(passage: string): boolean {
  const at = seed.indexOf(normalise(passage));
  const before = seed.slice(0, at).trimEnd().at(-1);
  return at >= 0 && (before === undefined || ['.', ':', '-'].includes(before)) && passage.trim().endsWith('.');
}

describe('seed rules', () => {
  it.each(quoted)('%s quotes docs/repository-split.md word for word', (_id, text) => {
    expect(seed).toContain(normalise(text));
    expect(isWholeSentences(text)).toBe(true);
  });

  it.each(Object.entries(derived))('%s is marked derived and names seed sentences that exist', (id, rule) => {
    expect(seed).not.toContain(normalise(policy.seedRules[id] ?? ''));
    for (const sentence of rule.from) expect(seed).toContain(normalise(sentence));
  });

  it('cites a quoted rule as the seed’s words and a derived one as derived', () => {
    expect([citeRule(policy, 'typed-contracts'), citeRule(policy, 'deployment-artifacts')]).toEqual([
      'typed-contracts: "Prefer generated or typed API contracts between projects over direct imports across future repository boundaries."',
      `deployment-artifacts (derived from the seed): "${policy.seedRules['deployment-artifacts']}"`,
    ]);
  });

  it('would catch the paraphrases the policy once had', () => {
    for (const paraphrase of [
      'alphaswarm_rl and alphaswarm_models may depend on alphaswarm.* for the shared runtime primitives that have not yet been extracted.',
      'Keep alphaswarm_controller standalone. It may depend on alphaswarm_core, but it must not import alphaswarm.*; use alphaswarm_core contracts or HTTP APIs.',
    ])
      expect(seed).not.toContain(normalise(paraphrase));
  });
});
