import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, updateJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse } from 'yaml';
import { addDomain, type Policy } from '@alphaswarm/policy';
import { beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from '../__fixtures__/seed-workspace.js';
import { ciWorkflowGenerator } from './ci-workflow.js';
import { PINNED_ACTIONS } from './pinned-actions.js';
import { CI_WORKFLOW_HEADER, CI_WORKFLOW_PATH, domainJobs } from './render-ci-workflow.js';

const POLICY = 'tools/policy/policy.json';
type Workflow = {
  jobs: Record<
    string,
    {
      steps: { name: string; uses?: string; run?: string; if?: string }[];
      strategy?: { matrix: { include: { domain: string; gate: string }[] } };
    }
  >;
};

const workflowOf = (tree: Tree): Workflow => parse(tree.read(CI_WORKFLOW_PATH, 'utf-8') ?? '') as Workflow;
const matrixDomains = (tree: Tree) => workflowOf(tree).jobs['domain']?.strategy?.matrix.include.map((entry) => entry.domain);

describe('ci-workflow sync generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write(POLICY, readFileSync(join(WORKSPACE_ROOT, POLICY)));
  });

  it('writes the workflow from the policy: one matrix entry per domain, in the policy order', async () => {
    expect(await ciWorkflowGenerator(tree)).toEqual({
      outOfSyncMessage:
        '.github/workflows/ci.yml is missing; it is generated from tools/policy/policy.json: run `pnpm nx sync` and commit it',
    });
    const policy = readJson<Policy>(tree, POLICY);
    expect(matrixDomains(tree)).toEqual(policy.domains.map((domain) => domain.name));
    expect(tree.read(CI_WORKFLOW_PATH, 'utf-8')?.split('\n')[0]).toBe(`# ${CI_WORKFLOW_HEADER}`);
  });

  it('is in sync on a second run: nothing to write, nothing to report', async () => {
    await ciWorkflowGenerator(tree);
    const first = tree.read(CI_WORKFLOW_PATH, 'utf-8');
    expect(await ciWorkflowGenerator(tree)).toBeUndefined();
    expect(tree.read(CI_WORKFLOW_PATH, 'utf-8')).toBe(first);
  });

  it('a domain added to the policy joins the matrix; a removed one leaves it', async () => {
    await ciWorkflowGenerator(tree);
    const original = tree.read(POLICY, 'utf-8') ?? '';
    updateJson<Policy>(tree, POLICY, (policy) =>
      addDomain(policy, {
        name: 'risk',
        title: 'Risk',
        seedPath: '(added by the domain generator) packages/risk/',
        owns: 'Risk limits',
        doesNotOwn: 'Everything else',
        mayImport: ['core'],
        importableBy: [],
        rule: 'typed-contracts',
      }),
    );
    expect(await ciWorkflowGenerator(tree)).toEqual({
      outOfSyncMessage: '.github/workflows/ci.yml differs from tools/policy/policy.json: run `pnpm nx sync` and commit it',
    });
    expect(matrixDomains(tree)).toContain('risk');
    expect(workflowOf(tree).jobs['domain']?.strategy?.matrix.include.find((entry) => entry.domain === 'risk')).toEqual({
      domain: 'risk',
      targets: 'lint,typecheck,build,test,validate,api-report,e2e',
      gate: 'blocking',
    });
    tree.write(POLICY, original);
    expect((await ciWorkflowGenerator(tree))?.outOfSyncMessage).toContain('differs from tools/policy/policy.json');
    expect(matrixDomains(tree)).not.toContain('risk');
    expect(matrixDomains(tree)).toEqual(readJson<Policy>(tree, POLICY).domains.map((domain) => domain.name));
  });

  it('puts a hand edit back and says so', async () => {
    await ciWorkflowGenerator(tree);
    const generated = tree.read(CI_WORKFLOW_PATH, 'utf-8');
    tree.write(CI_WORKFLOW_PATH, `${generated}\n      - run: echo hand-edited\n`);
    expect((await ciWorkflowGenerator(tree))?.outOfSyncMessage).toContain('differs from tools/policy/policy.json');
    expect(tree.read(CI_WORKFLOW_PATH, 'utf-8')).toBe(generated);
  });

  it('pins every action to a full commit SHA with its release in a comment', async () => {
    await ciWorkflowGenerator(tree);
    const text = tree.read(CI_WORKFLOW_PATH, 'utf-8') ?? '';
    const usesLines = text.split('\n').filter((line) => line.trim().startsWith('uses:'));
    expect(usesLines.length).toBeGreaterThan(0);
    for (const line of usesLines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    const pinned = Object.values(PINNED_ACTIONS).map((action) => `${action.repository}@${action.sha} # ${action.version}`);
    for (const line of usesLines) expect(pinned).toContain(line.trim().slice('uses: '.length));
  });

  it('takes pnpm and Node from package.json and base/head from nx-set-shas, with the permissions it needs', async () => {
    await ciWorkflowGenerator(tree);
    const workflow = workflowOf(tree);
    for (const job of Object.values(workflow.jobs)) {
      const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@')) as unknown as {
        with: Record<string, string>;
      };
      expect(setupNode.with).toEqual({ 'node-version-file': 'package.json', cache: 'pnpm' });
      const setupPnpm = job.steps.find((step) => step.uses?.startsWith('pnpm/action-setup@')) as unknown as { with?: unknown };
      expect(setupPnpm.with).toBeUndefined();
      expect(job.steps.some((step) => step.uses?.startsWith('nrwl/nx-set-shas@'))).toBe(true);
      expect((job as unknown as { permissions: unknown }).permissions).toEqual({ contents: 'read', actions: 'read' });
      const checkout = job.steps[0] as unknown as { with: Record<string, number> };
      expect(checkout.with['fetch-depth']).toBe(0);
    }
  });

  it('runs the gate and deep proof of a domain only when it is affected, blocking unless the policy ties it to the monolith; the monolith stays', async () => {
    await ciWorkflowGenerator(tree);
    const steps = workflowOf(tree).jobs['domain']?.steps ?? [];
    expect(steps.map((step) => step.run).filter(Boolean)).toEqual([
      'pnpm install --frozen-lockfile',
      'pnpm ci:remote-cache',
      'pnpm affected ${{ matrix.domain }} -t ${{ matrix.targets }}',
      'pnpm gate --deep ${{ matrix.domain }}',
    ]);
    expect(steps.at(-1)?.if).toBe("matrix.gate != 'none' && steps.affected.outputs.affected == 'true'");
    const gates = Object.fromEntries(domainJobs(readJson<Policy>(tree, POLICY)).map((job) => [job.domain, job.gate]));
    expect(gates).toEqual({
      core: 'blocking',
      controller: 'blocking',
      client: 'blocking',
      snippets: 'blocking',
      bots: 'reporting',
      rl: 'reporting',
      models: 'reporting',
      monolith: 'none',
      'monolith-primitives': 'none',
      deployment: 'blocking',
      tooling: 'none',
    });
  });

  it('gives pull requests the read token and only pushes to the default branch the write token', async () => {
    await ciWorkflowGenerator(tree);
    const text = tree.read(CI_WORKFLOW_PATH, 'utf-8') ?? '';
    expect(text).toContain(
      "NX_CACHE_TOKEN: ${{ github.event_name == 'push' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch) && secrets.NX_CACHE_WRITE_TOKEN || secrets.NX_CACHE_READ_TOKEN }}",
    );
    expect(text).not.toContain('NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN:');
  });
});
