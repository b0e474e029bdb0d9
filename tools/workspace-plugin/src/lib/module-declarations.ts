import ts from 'typescript';
import { scriptKind } from './script-kind.js';

/** One name of an `import { … }` or `export { … } from` clause. */
export interface DeclarationElement {
  /** The local name (import) or the exported name (export). */
  readonly name: string;
  /** The name in the module the declaration names, when it differs (`a as b`: `a`). */
  readonly propertyName: string | undefined;
  /** An inline `type` modifier (`import { type A }`). */
  readonly typeOnly: boolean;
  /** The element as written, e.g. `type A as B`. */
  readonly text: string;
}

/** A top-level `import … from` or `export … from` statement, with the names it takes. */
export interface ModuleDeclaration {
  readonly kind: 'import' | 'export';
  /** The statement's span in the text (leading comments excluded). */
  readonly start: number;
  readonly end: number;
  readonly specifier: string;
  /** `import type` / `export type`. */
  readonly typeOnly: boolean;
  /** `import x from` (the local name). */
  readonly defaultName: string | undefined;
  /** `import * as ns` / `export * as ns` (the name). */
  readonly namespace: string | undefined;
  /** `export * from` without a name. */
  readonly exportAll: boolean;
  /** `{ … }` of an import or re-export; empty when there is none. */
  readonly named: readonly DeclarationElement[];
}

/**
 * The static `import … from` and `export … from` statements of a TypeScript or JavaScript file,
 * found with the TypeScript parser, with the names each one takes (what a move that splits a
 * package entry needs; the other forms of module reference are in `moduleSpecifiers`).
 */
export function moduleDeclarations(fileName: string, text: string): ModuleDeclaration[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const elementsOf = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>): DeclarationElement[] =>
    elements.map((element) => ({
      name: element.name.text,
      propertyName: element.propertyName?.text,
      typeOnly: element.isTypeOnly,
      text: element.getText(source),
    }));
  return source.statements.flatMap((statement): ModuleDeclaration[] => {
    const span = { start: statement.getStart(source), end: statement.getEnd() };
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      return [
        {
          kind: 'import',
          ...span,
          specifier: statement.moduleSpecifier.text,
          typeOnly: clause?.isTypeOnly ?? false,
          defaultName: clause?.name?.text,
          namespace: bindings && ts.isNamespaceImport(bindings) ? bindings.name.text : undefined,
          exportAll: false,
          named: bindings && ts.isNamedImports(bindings) ? elementsOf(bindings.elements) : [],
        },
      ];
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.exportClause;
      return [
        {
          kind: 'export',
          ...span,
          specifier: statement.moduleSpecifier.text,
          typeOnly: statement.isTypeOnly,
          defaultName: undefined,
          namespace: clause && ts.isNamespaceExport(clause) ? clause.name.text : undefined,
          exportAll: clause === undefined,
          named: clause && ts.isNamedExports(clause) ? elementsOf(clause.elements) : [],
        },
      ];
    }
    return [];
  });
}

/**
 * The statement `declaration` would be with only `named` left and `specifier` as its module:
 * keeps `import type` / `export type`, a default import, and each element as written.
 */
export function renderDeclaration(
  declaration: ModuleDeclaration,
  named: readonly DeclarationElement[],
  specifier: string,
  keepDefault: boolean,
): string {
  const head = `${declaration.kind}${declaration.typeOnly ? ' type' : ''}`;
  const names = named.length > 0 ? `{ ${named.map((element) => element.text).join(', ')} }` : '';
  const what = [keepDefault ? declaration.defaultName : undefined, names].filter((part) => part !== undefined && part !== '').join(', ');
  return `${head} ${what} from '${specifier}';`;
}
