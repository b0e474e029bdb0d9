import { bannedExternalsOf, isBannedPackage } from '../dependency-rules.js';
import type { BoundaryViolation } from '../verdict/boundary-violation.js';
import { describeProblem } from '../verdict/describe-problem.js';
import { judgePair } from '../verdict/judge-pair.js';
import type { BoundaryWorkspace, PlacedProject } from '../workspace/boundary-workspace.js';
import { lineIndex } from './line-index.js';

const sections = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * Judge a project's `package.json` (`text`, at workspace-relative `file`): every workspace package it
 * depends on must be allowed as an import of the project (a legacy shim file's grant counts: the
 * manifest declares what any of its files may import), and no banned package may appear. A
 * manifest that is not JSON is left to the tools that read it.
 */
export function checkManifest(workspace: BoundaryWorkspace, project: PlacedProject, file: string, text: string): BoundaryViolation[] {
  let manifest: Partial<Record<(typeof sections)[number], Record<string, string>>>;
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch {
    return [];
  }
  const locate = lineIndex(text);
  const at = (name: string): { line: number; column: number } => {
    const offset = text.indexOf(`${JSON.stringify(name)}:`);
    return locate(offset === -1 ? 0 : offset);
  };
  const violations: BoundaryViolation[] = [];
  for (const section of sections) {
    for (const name of Object.keys(manifest[section] ?? {})) {
      const target = workspace.byPackage.get(name);
      if (target && target !== project) {
        const grant = target.standing.domain
          ? workspace.policy.shims.find(
              (shim) => shim.file.startsWith(`${project.root}/`) && shim.targetDomain === target.standing.domain?.name,
            )?.file
          : undefined;
        const pair = judgePair(workspace, project, target, grant);
        if (pair)
          violations.push({
            file,
            ...at(name),
            ...describeProblem(workspace, project, {
              kind: pair.kind,
              target: target.name,
              targetProject: target,
              rule: pair.rule,
              what: `${section} lists ${name}: ${pair.what}`,
              fix: `remove ${name} from ${section} in ${file}; ${pair.fix}`,
              specifier: name,
              evidence: 'manifest',
            }),
          });
        continue;
      }
      const banned = project.standing.domain && bannedExternalsOf(workspace.policy, project.standing.domain.name);
      if (!target && banned && isBannedPackage(banned.packages, name)) {
        violations.push({
          file,
          ...at(name),
          ...describeProblem(workspace, project, {
            kind: 'banned-external',
            target: `npm:${name}`,
            targetProject: undefined,
            rule: banned.rule,
            what: `${section} lists ${name}, a package ${project.standing.domain?.name} must not depend on`,
            fix: `remove ${name} from ${section} in ${file}`,
            specifier: name,
            evidence: 'manifest',
          }),
        });
      }
    }
  }
  return violations;
}
