import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSpecifiers, isSourceFile } from '../specifiers/extract-specifiers.js';
import type { SpecifierReader } from '../specifiers/specifier-cache.js';
import type { BoundaryViolation } from '../verdict/boundary-violation.js';
import { describeProblem } from '../verdict/describe-problem.js';
import { UNPLACED_RULE } from '../verdict/judge-pair.js';
import type { BoundaryWorkspace } from '../workspace/boundary-workspace.js';
import { checkManifest } from './check-manifest.js';
import { checkSource } from './check-source.js';
import { listProjectFiles } from './list-project-files.js';

/** The boundary verdict of a whole workspace, with what it looked at. */
export interface WorkspaceCheck {
  /** Sorted by file, line and column. */
  readonly violations: readonly BoundaryViolation[];
  readonly summary: {
    readonly projects: number;
    /** Source files read and judged. */
    readonly files: number;
    /** Project manifests judged. */
    readonly manifests: number;
    readonly violations: number;
    /** Each documented exception of the policy, and the files it allowed to reach another project. */
    readonly exceptions: readonly { readonly id: string; readonly kind: string; readonly usedBy: readonly string[] }[];
  };
}

/**
 * Judge every project of the workspace at `root`: a project the policy cannot place (a violation
 * in itself), every specifier of every JavaScript and TypeScript file of every project, wherever
 * it lives in the project (sources, tests, scripts, configuration), and every project's
 * `package.json` dependencies. Reads the files as they are on disk: no cache can make it stale
 * (a `SpecifierCache` given as `read` only saves lexing a text it has lexed before).
 */
export function checkWorkspace(root: string, workspace: BoundaryWorkspace, read: SpecifierReader = extractSpecifiers): WorkspaceCheck {
  const violations: BoundaryViolation[] = [];
  for (const project of workspace.projects) {
    if (project.standing.placed) continue;
    const file = `${project.root}/package.json`;
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      text = '';
    }
    const tags = text.indexOf('"tags"');
    const line = tags === -1 ? 1 : text.slice(0, tags).split('\n').length;
    violations.push({
      file,
      line,
      column: tags === -1 ? 1 : tags - text.lastIndexOf('\n', tags - 1),
      ...describeProblem(workspace, project, {
        kind: 'untagged-project',
        target: project.name,
        targetProject: project,
        rule: UNPLACED_RULE,
        what: `${project.name} (${project.root}) has no place in the policy: ${project.standing.problem}; every import it makes or receives is a violation`,
        fix: project.standing.fix,
        specifier: project.tags.join(', '),
        evidence: 'project',
      }),
    });
  }
  const usedBy = new Map<string, string[]>();
  let files = 0;
  let manifests = 0;
  for (const { file, project } of listProjectFiles(root, workspace)) {
    if (isSourceFile(file)) {
      files += 1;
      const check = checkSource(workspace, file, readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, ''), read);
      violations.push(...check.violations);
      for (const id of check.exceptionsUsed) usedBy.set(id, [...(usedBy.get(id) ?? []), file]);
    } else if (file === `${project.root}/package.json`) {
      manifests += 1;
      violations.push(...checkManifest(workspace, project, file, readFileSync(join(root, file), 'utf8')));
    }
  }
  violations.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return {
    violations,
    summary: {
      projects: workspace.projects.length,
      files,
      manifests,
      violations: violations.length,
      exceptions: (workspace.policy.exceptions ?? []).map((exception) => ({
        id: exception.id,
        kind: exception.kind,
        usedBy: usedBy.get(exception.id) ?? [],
      })),
    },
  };
}
