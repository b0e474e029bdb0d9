import type { Tree } from '@nx/devkit';
import { PolicyError } from '@alphaswarm/policy';
import ts from 'typescript';
import { resolveSpecifier } from './resolve-specifier.js';

/** The names a module exports, split into runtime values and types (as a shim must re-export them). */
export interface ExportedBindings {
  readonly values: string[];
  readonly types: string[];
}

/**
 * Read the bindings a module exports from its syntax, following relative `export *`. Under the
 * workspace's `isolatedModules` + `verbatimModuleSyntax`, a re-export without `type` is a value.
 */
export function exportedBindings(tree: Tree, file: string): ExportedBindings {
  const values = new Set<string>();
  const types = new Set<string>();
  collect(tree, file, values, types, new Set());
  return { values: [...values].sort(), types: [...types].filter((name) => !values.has(name)).sort() };
}

function collect(tree: Tree, file: string, values: Set<string>, types: Set<string>, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const source = ts.createSourceFile(file, tree.read(file, 'utf-8') ?? '', ts.ScriptTarget.Latest, true);
  const local = localKinds(source);
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) values.add('default');
    else if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          const isType =
            statement.isTypeOnly ||
            element.isTypeOnly ||
            (!statement.moduleSpecifier && local.get((element.propertyName ?? element.name).text) === 'type');
          (isType ? types : values).add(element.name.text);
        }
      } else if (clause && ts.isNamespaceExport(clause)) {
        (statement.isTypeOnly ? types : values).add(clause.name.text);
      } else if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const target = resolveSpecifier(tree, file, statement.moduleSpecifier.text, []);
        if (target.kind !== 'file') {
          throw new PolicyError(
            'ASW-1338',
            `${file}: cannot list the bindings of export * from '${statement.moduleSpecifier.text}'; replace it with named exports so the shim can re-export each one.`,
          );
        }
        collect(tree, target.file, values, types, seen);
      }
    } else if (exported(statement)) {
      const kind = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) ? types : values;
      if (isDefault(statement)) values.add('default');
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations)
          if (ts.isIdentifier(declaration.name)) values.add(declaration.name.text);
      } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
        kind.add((statement.name as ts.Identifier).text);
      }
    }
  }
}

/** Top-level names of a file that are only types (interfaces, type aliases, type-only imports). */
function localKinds(source: ts.SourceFile): Map<string, 'type' | 'value'> {
  const kinds = new Map<string, 'type' | 'value'>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))
      kinds.set(statement.name.text, kinds.get(statement.name.text) ?? 'type');
    else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) kinds.set(clause.name.text, clause.isTypeOnly ? 'type' : 'value');
      if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        for (const element of clause.namedBindings.elements)
          kinds.set(element.name.text, clause.isTypeOnly || element.isTypeOnly ? 'type' : 'value');
      }
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      if (statement.name) kinds.set(statement.name.text, 'value');
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) kinds.set(declaration.name.text, 'value');
    }
  }
  return kinds;
}
