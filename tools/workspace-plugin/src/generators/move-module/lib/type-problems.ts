import type { Policy } from '@alphaswarm/policy';
import type { WorkspaceProject } from '../../../lib/workspace-projects.js';
import type { Problem } from './move-problem.js';

/** New dependencies whose project types the policy's type constraints forbid. */
export function typeProblems(
  policy: Policy,
  projects: readonly WorkspaceProject[],
  dependencies: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Problem[] {
  const typeOf = (project: WorkspaceProject | undefined) => project?.tags.find((tag) => tag.startsWith('type:'))?.slice('type:'.length);
  return [...dependencies].flatMap(([name, added]) => {
    const from = projects.find((project) => project.name === name);
    const fromType = policy.types.find((type) => type.name === typeOf(from));
    return [...added.keys()].flatMap((packageName) => {
      const to = projects.find((project) => project.packageName === packageName);
      const toType = typeOf(to);
      return fromType && to && toType && !fromType.mayImport.includes(toType)
        ? [
            {
              text: `${name} (type:${fromType.name}) would depend on ${to.name} (type:${toType}), which the type constraints forbid: type:${fromType.name} may import only ${fromType.mayImport.map((type) => `type:${type}`).join(', ')}`,
            },
          ]
        : [];
    });
  });
}
