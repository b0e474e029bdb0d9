import { readNxJson, type Tree } from '@nx/devkit';
import { readPolicy } from '../../lib/read-policy.js';
import { CI_WORKFLOW_PATH, renderCiWorkflow } from './render-ci-workflow.js';

/** What a sync generator tells `nx sync` / `nx sync:check` (Nx's `SyncGeneratorResult`). */
export interface CiWorkflowSyncResult {
  readonly outOfSyncMessage: string;
}

/**
 * The global sync generator `@alphaswarm/workspace-plugin:ci-workflow` (nx.json `sync.globalGenerators`):
 * writes `.github/workflows/ci.yml` from the policy and nx.json's `defaultBase`, so a domain added to
 * the policy joins the CI matrix on the next `pnpm nx sync`, and `pnpm nx sync:check` fails while the
 * file differs from what the policy gives — edited by hand, or not yet synced.
 */
export async function ciWorkflowGenerator(tree: Tree): Promise<CiWorkflowSyncResult | undefined> {
  const workflow = renderCiWorkflow(readPolicy(tree), { defaultBranch: readNxJson(tree)?.defaultBase ?? 'main' });
  if (tree.exists(CI_WORKFLOW_PATH) && tree.read(CI_WORKFLOW_PATH, 'utf-8') === workflow) return undefined;
  const verb = tree.exists(CI_WORKFLOW_PATH) ? 'differs from' : 'is missing; it is generated from';
  tree.write(CI_WORKFLOW_PATH, workflow);
  return { outOfSyncMessage: `${CI_WORKFLOW_PATH} ${verb} tools/policy/policy.json: run \`pnpm nx sync\` and commit it` };
}

export default ciWorkflowGenerator;
