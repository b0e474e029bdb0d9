import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';
import type { ExtractedSpecifiers, SourceSpecifier, SpecifierForm, UnresolvedSpecifier } from '../source-specifier.js';
import { mockMethods } from './scan-specifiers.js';

/** Loaded on first use: most sources never need the full parser, and loading it costs far more than scanning them. */
let typescript: typeof TypeScript | undefined;
function loadTypeScript(): typeof TypeScript {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof TypeScript;
  return typescript;
}

const expressionLimit = 80;

/**
 * The specifiers of a source, found with TypeScript's parser: the reference for what
 * {@link scanSpecifiers} finds, used for JSX and for any source the lexer could not tokenize.
 * It recognises the same forms with the same limits (a `createRequire` result is known from its
 * declaration on; `createRequire`'s own argument is not searched).
 */
export function parseSpecifiers(fileName: string, text: string): ExtractedSpecifiers {
  const ts = loadTypeScript();
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(ts, fileName));
  const specifiers: SourceSpecifier[] = [];
  const unresolved: UnresolvedSpecifier[] = [];
  const aliases = new Map<string, { readonly resolve: boolean; readonly base: 'file' | 'unknown' }>();

  for (const reference of source.referencedFiles) specifiers.push(directive(text, reference, 'reference-path'));
  for (const reference of source.typeReferenceDirectives) specifiers.push(directive(text, reference, 'reference-types'));

  const isLiteral = (node: TypeScript.Node | undefined): node is TypeScript.StringLiteral | TypeScript.NoSubstitutionTemplateLiteral =>
    node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));
  const add = (
    form: SpecifierForm,
    node: TypeScript.StringLiteral | TypeScript.NoSubstitutionTemplateLiteral,
    base: 'file' | 'unknown',
  ) => {
    const start = node.getStart(source) + 1;
    const end = node.getEnd() - 1;
    if (base === 'unknown' && /^\.\.?(\/|$)/.test(node.text))
      unresolved.push({ form, start, end, expression: text.slice(start - 1, end + 1).slice(0, expressionLimit) });
    else specifiers.push({ text: node.text, form, start, end });
  };
  const unknown = (form: SpecifierForm, node: TypeScript.Node) => {
    const start = node.getStart(source);
    const end = node.getEnd();
    unresolved.push({ form, start, end, expression: text.slice(start, end).slice(0, expressionLimit) });
  };
  const argument = (form: SpecifierForm, call: TypeScript.CallExpression, base: 'file' | 'unknown') => {
    const [first] = call.arguments;
    if (first === undefined) return;
    if (isLiteral(first)) add(form, first, base);
    else if (!(ts.isCallExpression(first) && first.expression.kind === ts.SyntaxKind.ImportKeyword)) unknown(form, first);
  };
  const isImportMeta = (node: TypeScript.Node, property: string): boolean =>
    ts.isPropertyAccessExpression(node) &&
    node.name.text === property &&
    ts.isMetaProperty(node.expression) &&
    node.expression.keywordToken === ts.SyntaxKind.ImportKeyword;
  const createRequireCall = (node: TypeScript.Node, bare: boolean): 'file' | 'unknown' | undefined => {
    if (!ts.isCallExpression(node) || node.questionDotToken) return undefined;
    const callee = node.expression;
    const named = ts.isIdentifier(callee)
      ? callee.text === 'createRequire'
      : !bare && ts.isPropertyAccessExpression(callee) && callee.name.text === 'createRequire';
    if (!named) return undefined;
    const [first] = node.arguments;
    return node.arguments.length === 1 && first && (isImportMeta(first, 'url') || (ts.isIdentifier(first) && first.text === '__filename'))
      ? 'file'
      : 'unknown';
  };
  const alias = (name: TypeScript.Node, typed: boolean, value: TypeScript.Node | undefined) => {
    if (!ts.isIdentifier(name) || typed || value === undefined) return;
    const direct = createRequireCall(value, true);
    if (direct) aliases.set(name.text, { resolve: false, base: direct });
    else if (ts.isPropertyAccessExpression(value) && value.name.text === 'resolve') {
      const base = createRequireCall(value.expression, true);
      if (base) aliases.set(name.text, { resolve: true, base });
    }
  };

  const visit = (node: TypeScript.Node): void => {
    if (ts.isImportDeclaration(node) && isLiteral(node.moduleSpecifier)) add('import', node.moduleSpecifier, 'file');
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && isLiteral(node.moduleSpecifier))
      add('export', node.moduleSpecifier, 'file');
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (isLiteral(expression)) add('require', expression, 'file');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && isLiteral(node.argument.literal))
      add('dynamic-import', node.argument.literal, 'file');
    else if (ts.isVariableDeclaration(node)) alias(node.name, node.type !== undefined, node.initializer);
    else if (ts.isPropertyDeclaration(node)) alias(node.name, node.type !== undefined, node.initializer);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) alias(node.left, false, node.right);
    else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [first, second] = node.arguments ?? [];
      if (first && second && isImportMeta(second, 'url')) {
        if (isLiteral(first)) add('url', first, 'file');
        else unknown('url', first);
      }
    } else if (ts.isCallExpression(node) && !node.questionDotToken) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) argument('dynamic-import', node, 'file');
      else if (ts.isIdentifier(callee)) {
        const known = callee.text === 'require' ? { resolve: false, base: 'file' as const } : aliases.get(callee.text);
        if (known) argument(known.resolve ? 'require-resolve' : 'require', node, known.base);
      } else if (ts.isPropertyAccessExpression(callee) && !callee.questionDotToken) {
        const object = callee.expression;
        const method = callee.name.text;
        if (isImportMeta(callee, 'resolve')) argument('import-meta-resolve', node, 'file');
        else if (ts.isIdentifier(object) && (object.text === 'vi' || object.text === 'jest') && mockMethods.has(method))
          argument('mock', node, 'file');
        else if (ts.isIdentifier(object) && method === 'resolve') {
          const known = object.text === 'require' ? { resolve: false, base: 'file' as const } : aliases.get(object.text);
          if (known && !known.resolve) argument('require-resolve', node, known.base);
        } else if (method === 'resolve') {
          const base = createRequireCall(object, false);
          if (base) {
            argument('require-resolve', node, base);
            return node.arguments.forEach(visit);
          }
        }
      } else {
        const base = createRequireCall(callee, false);
        if (base) {
          argument('require', node, base);
          return node.arguments.forEach(visit);
        }
      }
      if (createRequireCall(node, false)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers: specifiers.sort((a, b) => a.start - b.start), unresolved: unresolved.sort((a, b) => a.start - b.start) };
}

function directive(text: string, reference: TypeScript.FileReference, form: 'reference-path' | 'reference-types'): SourceSpecifier {
  const start = text.indexOf(reference.fileName, reference.pos);
  return { text: reference.fileName, form, start, end: start + reference.fileName.length };
}

function scriptKind(ts: typeof TypeScript, fileName: string): TypeScript.ScriptKind {
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
