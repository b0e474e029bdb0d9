import { relative, sep } from 'node:path';
import type { Rule } from 'eslint';
import { checkSource } from '../lib/check/check-source.js';
import type { BoundaryWorkspace } from '../lib/workspace/boundary-workspace.js';

/**
 * The ESLint rule: for the file being linted, the boundary engine's verdict on every specifier
 * (`workspace` is called for each file; it loads the workspace once),
 * reported where the specifier is, with the engine's message. It reads the source text, not ESLint's
 * syntax tree, so it sees exactly what `pnpm boundaries` sees.
 */
export function boundariesRule(root: string, workspace: () => BoundaryWorkspace): Rule.RuleModule {
  return {
    meta: {
      type: 'problem',
      docs: {
        description:
          'Module boundaries from tools/policy/policy.json: every specifier of every form, judged by the same engine as `pnpm boundaries`',
      },
      schema: [],
    },
    create(context) {
      const path = relative(root, context.physicalFilename);
      if (path.startsWith('..') || path === '') return {};
      const loaded = workspace();
      const file = sep === '/' ? path : path.split(sep).join('/');
      return {
        Program() {
          for (const violation of checkSource(loaded, file, context.sourceCode.text).violations) {
            context.report({ loc: { line: violation.line, column: violation.column - 1 }, message: violation.message });
          }
        },
      };
    },
  };
}
