import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectGraphAsync } from '@nx/devkit';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingIn, workflowCommands, type WorkspaceCommands } from './workflow-commands.js';

const root = join(import.meta.dirname, '../../../..');
const workflowText = readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8');
let workspace: WorkspaceCommands;

beforeAll(async () => {
  const graph = await createProjectGraphAsync({ exitOnError: false });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const policy = JSON.parse(readFileSync(join(root, 'tools/policy/policy.json'), 'utf8')) as { domains: { name: string }[] };
  workspace = {
    scripts: new Set(Object.keys(manifest.scripts)),
    targets: new Map(Object.values(graph.nodes).map((node) => [node.name, new Set(Object.keys(node.data.targets ?? {}))])),
    domains: new Set(policy.domains.map((domain) => domain.name)),
  };
}, 120_000);

const fixture: WorkspaceCommands = {
  scripts: new Set(['nx', 'affected', 'gate', 'graph']),
  targets: new Map([
    ['core', new Set(['build', 'test', 'gate'])],
    ['split-gate', new Set(['build', 'boundaries'])],
  ]),
  domains: new Set(['core']),
};
const command = (line: string) => ({ job: 'j', step: 's', words: line.split(' ') });

describe('missingIn', () => {
  it.each([
    ['pnpm install --frozen-lockfile', undefined],
    ['pnpm -s gate', undefined],
    ['pnpm nx run-many -t boundaries -p split-gate', undefined],
    ['pnpm nx run-many -t boundaries docs-check -p split-gate', 'no Nx target "docs-check" on split-gate'],
    ['pnpm nx run-many -t build -p nowhere', 'no Nx project "nowhere"'],
    ['pnpm nx sync:check', undefined],
    ['pnpm nx frobnicate', '`nx frobnicate` is not an Nx command this workflow may run'],
    ['pnpm lint', 'no root script "lint"'],
    ['pnpm affected core -t build,test', undefined],
    ['pnpm affected rl -t build', 'no domain "rl" in the policy'],
    ['pnpm affected core -t build,e2e', 'no Nx target "e2e" in the workspace'],
    ['pnpm gate core', undefined],
  ])('%s', (line, verdict) => {
    expect(missingIn(command(line), fixture)).toBe(verdict);
  });
});

describe('the committed workflow', () => {
  it('parses as YAML', () => {
    expect(() => parse(workflowText)).not.toThrow();
    expect(Object.keys((parse(workflowText) as { jobs: object }).jobs).sort()).toEqual(['checks', 'domain', 'gate']);
  });

  it('every run: step names an existing root script, Nx target or domain — for every matrix entry', () => {
    const commands = workflowCommands(workflowText);
    expect(commands.length).toBeGreaterThan(20);
    const problems = commands.flatMap((entry) => {
      const missing = missingIn(entry, workspace);
      return missing === undefined ? [] : [`${entry.job} / ${entry.step}: \`${entry.words.join(' ')}\`: ${missing}`];
    });
    expect(problems).toEqual([]);
    const run = (parse(workflowText) as { jobs: Record<string, { steps: { run?: string }[] }> }).jobs;
    const runSteps = Object.values(run).flatMap((job) => job.steps.filter((step) => step.run !== undefined));
    for (const step of runSteps) expect(step.run, 'each run: step runs a pnpm command').toMatch(/\bpnpm\b/);
  });
});
