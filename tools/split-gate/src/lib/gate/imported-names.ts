import ts from 'typescript';

/** What a namespace import, a default import or a dynamic `import()` takes: the whole package. */
export const WHOLE_PACKAGE = '* (the whole package)';

/**
 * The names a source takes from `packageName` (or one of its subpaths), as declared by it:
 * `import { a, b as c }` and `export { d } from` give `a`, `b`, `d`; a namespace or default import
 * and any other form that names the package (`import()`, `require()`) give {@link WHOLE_PACKAGE}.
 */
export function importedNames(fileName: string, text: string, packageName: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const fromPackage = (node: ts.Node | undefined) =>
    node !== undefined && ts.isStringLiteralLike(node) && (node.text === packageName || node.text.startsWith(`${packageName}/`));
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (!fromPackage(node.moduleSpecifier)) return;
      const clause = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : node.exportClause;
      const wholeDefault = ts.isImportDeclaration(node) && node.importClause?.name !== undefined;
      if (clause && (ts.isNamedImports(clause) || ts.isNamedExports(clause)))
        for (const element of clause.elements) names.add((element.propertyName ?? element.name).text);
      if (wholeDefault || !clause || !(ts.isNamedImports(clause) || ts.isNamedExports(clause))) names.add(WHOLE_PACKAGE);
      return;
    }
    if (ts.isCallExpression(node) && fromPackage(node.arguments[0])) names.add(WHOLE_PACKAGE);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && fromPackage(node.argument.literal))
      names.add(WHOLE_PACKAGE);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...names].sort((a, b) => a.localeCompare(b));
}
