import { PolicyError } from '@alphaswarm/policy';
import ts from 'typescript';

/** One row of a package's `legacyImports` list (see packages/monolith/src/legacy-imports.ts). */
export interface LegacyImportRow {
  readonly legacy: string;
  readonly shimPath: string;
  readonly replacement: string;
  readonly code: string;
}

/**
 * `text` with `row` appended to the array literal initialising `legacyImports`, found with the
 * TypeScript parser, so the package's own list of shims stays in step with the policy.
 */
export function insertLegacyImport(fileName: string, text: string, row: LegacyImportRow): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  let list: ts.ArrayLiteralExpression | undefined;
  const findArray = (node: ts.Node): void => {
    if (!list && ts.isArrayLiteralExpression(node)) list = node;
    else if (!list) ts.forEachChild(node, findArray);
  };
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === 'legacyImports' && declaration.initializer)
        findArray(declaration.initializer);
    }
  }
  if (!list)
    throw new PolicyError('ASW-1339', `${fileName} has no array literal named legacyImports; add the row for ${row.shimPath} by hand.`);
  const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const entry = `  { legacy: ${quote(row.legacy)}, shimPath: ${quote(row.shimPath)}, replacement: ${quote(row.replacement)}, code: ${quote(row.code)} },`;
  const before = text.slice(0, list.getEnd() - 1).trimEnd();
  const comma = list.elements.length > 0 && !before.endsWith(',') ? ',' : '';
  return `${before}${comma}\n${entry}\n${text.slice(list.getEnd() - 1)}`;
}
