import ts from 'typescript';

/** One module specifier in a source file: its text and where the text sits (without quotes). */
export interface ModuleSpecifier {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Every module specifier a TypeScript or JavaScript file names, found with the TypeScript parser:
 * static and type-only imports, `export … from`, `import x = require()`, `import('…')` types,
 * literal dynamic `import()` and `require()`.
 */
export function moduleSpecifiers(fileName: string, text: string): ModuleSpecifier[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const found: ModuleSpecifier[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push({ text: node.text, start: node.getStart(source) + 1, end: node.getEnd() - 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) add(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `text` with each replacement applied to its specifier span (replacements may come in any order). */
export function replaceSpecifiers(
  text: string,
  replacements: readonly { readonly specifier: ModuleSpecifier; readonly text: string }[],
): string {
  return [...replacements]
    .sort((a, b) => b.specifier.start - a.specifier.start)
    .reduce((result, { specifier, text: next }) => `${result.slice(0, specifier.start)}${next}${result.slice(specifier.end)}`, text);
}

function scriptKind(fileName: string): ts.ScriptKind {
  if (fileName.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
