import type { Tree } from '@nx/devkit';
import ts from 'typescript';
import { resolveSpecifier } from './resolve-specifier.js';

/**
 * What one exported name is, as a compatibility shim must re-export it: a type only; a value
 * (function, variable; `observable` when its use can be noticed: a function or a plain object or
 * array literal, not an instance or a primitive); a value that is also a type (class or enum: its
 * type parameters as declared and as passed on); or a value re-exported from a package, whose
 * declaration a shim cannot see.
 */
export type ExportKind =
  | { readonly kind: 'type' }
  | { readonly kind: 'value'; readonly observable: boolean }
  | { readonly kind: 'value-and-type'; readonly parameters: string; readonly arguments: string }
  | { readonly kind: 'opaque-value' };

/**
 * Every name `file` exports with its kind, read from the syntax and following relative
 * re-exports (`export { x } from './y.js'`, `export * from './z.js'`). Under the workspace's
 * `isolatedModules` + `verbatimModuleSyntax`, a re-export without `type` is a value.
 */
export function exportKinds(tree: Tree, file: string, seen: ReadonlySet<string> = new Set()): Map<string, ExportKind> {
  const kinds = new Map<string, ExportKind>();
  if (seen.has(file) || !tree.isFile(file)) return kinds;
  const visited = new Set([...seen, file]);
  const source = ts.createSourceFile(file, tree.read(file, 'utf-8') ?? '', ts.ScriptTarget.Latest, true);
  const local = localDeclarations(source);
  const from = (specifier: ts.Expression | undefined): Map<string, ExportKind> | undefined => {
    if (!specifier || !ts.isStringLiteral(specifier)) return undefined;
    const target = resolveSpecifier(tree, file, specifier.text, []);
    return target.kind === 'file' ? exportKinds(tree, target.file, visited) : undefined;
  };
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) kinds.set('default', { kind: 'value', observable: observable(statement.expression) });
    else if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      const module = from(statement.moduleSpecifier);
      if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          const original = (element.propertyName ?? element.name).text;
          const kind: ExportKind | undefined =
            statement.isTypeOnly || element.isTypeOnly
              ? { kind: 'type' }
              : statement.moduleSpecifier
                ? (module?.get(original) ?? { kind: 'opaque-value' })
                : local.get(original);
          if (kind) kinds.set(element.name.text, kind);
        }
      } else if (clause && ts.isNamespaceExport(clause)) {
        kinds.set(clause.name.text, statement.isTypeOnly ? { kind: 'type' } : { kind: 'opaque-value' });
      } else if (module) {
        for (const [name, kind] of module) if (name !== 'default') kinds.set(name, kind);
      }
    } else if (isExported(statement)) {
      const names = declaredNames(statement);
      if (isDefault(statement)) kinds.set('default', local.get(names[0] ?? '') ?? { kind: 'value', observable: true });
      else for (const name of names) kinds.set(name, local.get(name) ?? { kind: 'value', observable: true });
    }
  }
  return kinds;
}

/** Top-level declarations of a file by name, with the kind an export of that name has. */
function localDeclarations(source: ts.SourceFile): Map<string, ExportKind> {
  const kinds = new Map<string, ExportKind>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      if (!kinds.has(statement.name.text)) kinds.set(statement.name.text, { kind: 'type' });
    } else if (ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      if (statement.name) kinds.set(statement.name.text, valueAndType(source, ts.isClassDeclaration(statement) ? statement : undefined));
    } else if (ts.isFunctionDeclaration(statement) || ts.isModuleDeclaration(statement)) {
      for (const name of declaredNames(statement)) kinds.set(name, { kind: 'value', observable: true });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name))
          kinds.set(declaration.name.text, {
            kind: 'value',
            observable: declaration.initializer !== undefined && observable(declaration.initializer),
          });
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      const kindOf = (typeOnly: boolean): ExportKind => (clause.isTypeOnly || typeOnly ? { kind: 'type' } : { kind: 'opaque-value' });
      if (clause.name) kinds.set(clause.name.text, kindOf(false));
      if (clause.namedBindings && ts.isNamedImports(clause.namedBindings))
        for (const element of clause.namedBindings.elements) kinds.set(element.name.text, kindOf(element.isTypeOnly));
    }
  }
  return kinds;
}

/** A function, or a plain object or array literal (possibly frozen or `as const`): what a compatibility Proxy can stand for. */
function observable(expression: ts.Expression): boolean {
  let node = expression;
  while (
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isTypeAssertionExpression(node)
  )
    node = node.expression;
  if (ts.isCallExpression(node) && node.expression.getText() === 'Object.freeze' && node.arguments[0]) return observable(node.arguments[0]);
  return (
    ts.isObjectLiteralExpression(node) ||
    ts.isArrayLiteralExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isClassExpression(node)
  );
}

function valueAndType(source: ts.SourceFile, declaration: ts.ClassDeclaration | undefined): ExportKind {
  const parameters = declaration?.typeParameters ?? [];
  return parameters.length === 0
    ? { kind: 'value-and-type', parameters: '', arguments: '' }
    : {
        kind: 'value-and-type',
        parameters: `<${parameters.map((parameter) => parameter.getText(source)).join(', ')}>`,
        arguments: `<${parameters.map((parameter) => parameter.name.text).join(', ')}>`,
      };
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((declaration) =>
      ts.isIdentifier(declaration.name) ? [declaration.name.text] : [],
    );
  const name = (statement as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

function isDefault(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
}
