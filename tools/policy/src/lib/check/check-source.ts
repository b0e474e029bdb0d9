import { posix } from 'node:path';
import { extractSpecifiers } from '../specifiers/extract-specifiers.js';
import type { SpecifierReader } from '../specifiers/specifier-cache.js';
import type { BoundaryProblem, BoundaryViolation } from '../verdict/boundary-violation.js';
import { describeProblem } from '../verdict/describe-problem.js';
import { judgeSpecifier } from '../verdict/judge-specifier.js';
import { projectOfPath, type BoundaryWorkspace } from '../workspace/boundary-workspace.js';
import { lineIndex } from './line-index.js';

/** The boundary verdict on one source file: its violations, and the documented exceptions it used. */
export interface SourceCheck {
  readonly violations: readonly BoundaryViolation[];
  /** Ids of the policy exceptions that allowed one of its specifiers. */
  readonly exceptionsUsed: readonly string[];
}

/**
 * Judge every specifier of one source (`file` workspace-relative, `/` separators): what ESLint's
 * rule reports for a file and what `pnpm boundaries` reports for each file it reads. A file the
 * policy's exceptions name that no longer reaches anything they allow is reported too, so an
 * exception cannot outlive its reason.
 *
 * @param read how the specifiers are read: {@link extractSpecifiers}, or `SpecifierCache#extract`, which
 *   returns its answers for texts it has read before.
 */
export function checkSource(
  workspace: BoundaryWorkspace,
  file: string,
  text: string,
  read: SpecifierReader = extractSpecifiers,
): SourceCheck {
  const { specifiers, unresolved } = read(text, file);
  const found: { readonly offset: number; readonly problem: BoundaryProblem }[] = [];
  const used = new Set<string>();
  for (const specifier of [...specifiers, ...unresolved]) {
    const verdict = judgeSpecifier(workspace, file, specifier);
    if (verdict.allowed) {
      if (verdict.exception) used.add(verdict.exception);
    } else found.push({ offset: 'text' in specifier ? specifier.start - 1 : specifier.start, problem: verdict.problem });
  }
  const source = projectOfPath(workspace, file);
  for (const exception of workspace.exceptionsByFile.get(file) ?? []) {
    if (used.has(exception.id) || !source) continue;
    const reached = exception.reaches.map((path) => projectOfPath(workspace, path)).find((project) => project !== undefined);
    // Nothing to reach when the projects it names are not in this workspace (a partial copy).
    if (!reached) continue;
    found.push({
      offset: 0,
      problem: describeProblem(workspace, source, {
        kind: 'unused-exception',
        target: reached.name,
        targetProject: reached,
        rule: 'typed-contracts',
        what: `the policy's exception "${exception.id}" lets ${posix.basename(file)} reach ${exception.reaches.join(', ')}, and it reaches none of them`,
        fix: `remove ${file} from exception "${exception.id}" in tools/policy/policy.json (or the exception, if no file needs it)`,
        specifier: exception.reaches.join(', '),
        evidence: 'project',
      }),
    });
  }
  if (found.length === 0) return { violations: [], exceptionsUsed: [...used] };
  const locate = lineIndex(text);
  const violations = found.sort((a, b) => a.offset - b.offset).map(({ offset, problem }) => ({ file, ...locate(offset), ...problem }));
  return { violations, exceptionsUsed: [...used] };
}
