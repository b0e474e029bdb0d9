import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedTargets } from './lib/dependency-rules.js';
import { loadPolicy } from './lib/parse-policy.js';

/*
 * docs/boundaries.md is written by hand, so it can drift from the policy. These checks hold its
 * constraint table and its seed-rule quotes to policy.json.
 */

const workspaceRoot = join(import.meta.dirname, '../../..');
const policy = loadPolicy(workspaceRoot);
const doc = readFileSync(join(workspaceRoot, 'docs/boundaries.md'), 'utf8');

/** The cells of every table row whose first cell is `first`, trimmed. */
const rowsStartingWith = (first: string): string[][] =>
  doc
    .split('\n')
    .filter((line) => line.startsWith(`| ${first} |`))
    .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '').trim()));

describe('docs/boundaries.md', () => {
  it.each(policy.domains.map((domain) => ({ name: domain.name, domain })))(
    'states the $name constraint as the policy does',
    ({ domain }) => {
      const rows = rowsStartingWith(domain.name);
      expect(rows).toHaveLength(1);
      const [, , , mayImport, ownRule, reverseRule] = rows[0] ?? [];
      const allowed = allowedTargets(policy, domain.name);
      expect(mayImport?.startsWith(allowed.length > 0 ? allowed.join(', ') : 'nothing else')).toBe(true);
      expect(ownRule).toBe(`\`${domain.rule}\``);
      if (domain.reverseRule) expect(reverseRule).toBe(`\`${domain.reverseRule}\``);
      else expect(reverseRule).toMatch(/^(— |the importer's rule)/);
    },
  );

  it.each(Object.entries(policy.seedRules))('shows rule %s as the policy holds it', (id, text) => {
    const derived = policy.derivedRules?.[id];
    const cell = derived ? `${text} Derived from the seed's ${derived.from.map((sentence) => `"${sentence}"`).join('; ')}` : text;
    expect(rowsStartingWith(`\`${id}\``)).toEqual([[`\`${id}\``, derived ? 'derived' : 'quoted', cell]]);
  });
});
