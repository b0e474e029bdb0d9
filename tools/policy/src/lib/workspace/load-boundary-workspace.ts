import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy, POLICY_PATH } from '../parse-policy.js';
import { PolicyError } from '../policy-error.js';
import type { BoundaryProject } from './boundary-project.js';
import { createBoundaryWorkspace, projectOfPath, type BoundaryWorkspace } from './boundary-workspace.js';
import { discoverProjects } from './discover-projects.js';

const testFile = /\.(?:spec|test)\.[cm]?[jt]sx?$/;

/**
 * The boundary workspace at `root`: its policy, read and checked (a policy that is not consistent
 * is refused here, before anything is judged, with the same error everywhere), its projects
 * (`projects`, or those {@link discoverProjects} finds), and the policy's exceptions checked
 * against them.
 *
 * @throws PolicyError ASW-001/002/003 (the policy), ASW-020/021 (the workspace's project list),
 *   ASW-022 (an exception that names a missing file of a project, or reaches into its own project).
 *   An exception whose files belong to no project of this workspace is inert.
 */
export function loadBoundaryWorkspace(root: string, projects?: readonly BoundaryProject[]): BoundaryWorkspace {
  const policy = loadPolicy(root);
  const workspace = createBoundaryWorkspace(policy, projects ?? discoverProjects(root));
  const problems: string[] = [];
  for (const exception of policy.exceptions ?? []) {
    for (const file of exception.files) {
      // An exception of a project this workspace does not hold (a partial copy, as `pnpm gate --deep` makes) is inert.
      const owner = projectOfPath(workspace, file);
      if (!owner) continue;
      if (!existsSync(join(root, file))) problems.push(`exception "${exception.id}" names ${file}, which does not exist`);
      if (exception.kind === 'integration-test' && !testFile.test(file))
        problems.push(`exception "${exception.id}" is an integration test, but ${file} is not a test file (*.spec.* or *.test.*)`);
      for (const reach of exception.reaches) {
        if (projectOfPath(workspace, reach) === owner)
          problems.push(`exception "${exception.id}" reaches ${reach} inside ${file}'s own project, which needs no exception`);
      }
    }
  }
  if (problems.length > 0) {
    throw new PolicyError(
      'ASW-022',
      `${POLICY_PATH}: exceptions that do not match the workspace:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  return workspace;
}
