import { readJson, type Tree } from '@nx/devkit';
import { POLICY_PATH, PolicyError, parsePolicy, type Policy } from '@alphaswarm/policy';

/** The workspace's boundary policy as the tree holds it, checked by `parsePolicy`. */
export function readPolicy(tree: Tree): Policy {
  if (!tree.exists(POLICY_PATH)) {
    throw new PolicyError('ASW-003', `${POLICY_PATH} not found in the workspace: run the generator from the AlphaSwarm workspace root.`);
  }
  return parsePolicy(readJson(tree, POLICY_PATH));
}
