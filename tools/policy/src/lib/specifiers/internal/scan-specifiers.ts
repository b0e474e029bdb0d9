import type { ExtractedSpecifiers, SourceSpecifier, SpecifierForm, UnresolvedSpecifier } from '../source-specifier.js';
import { cookString } from './cook-string.js';
import { EOF, IDENT, Lexer, STRING } from './lexer.js';

/** Test-framework calls whose first argument is a module: vitest's `vi.*` and jest's `jest.*`. */
export const mockMethods: ReadonlySet<string> = new Set([
  'mock',
  'doMock',
  'unmock',
  'doUnmock',
  'dontMock',
  'importActual',
  'importMock',
  'requireActual',
  'requireMock',
  'setMock',
  'createMockFromModule',
  'genMockFromModule',
]);

/** First letter and length of `import`, `export`, `require`, `vi`, `jest`, `new` and `createRequire`, as `code * 16 + length`. */
const formKeys: ReadonlySet<number> = new Set(
  ['import', 'export', 'require', 'vi', 'jest', 'new', 'createRequire'].map((name) => name.charCodeAt(0) * 16 + name.length),
);

/** Where a `createRequire` resolves relative specifiers from: this file, or somewhere the engine cannot know. */
type RequireBase = 'file' | 'unknown';

/** Longest argument text kept for a message. */
const expressionLimit = 80;

/**
 * The specifiers of a source, found with {@link Lexer} in one pass; undefined when the lexer lost
 * its way (the caller then uses the full parser). Recognised:
 * `import`/`export … from`, `import '…'`, `import x = require()`, `import()` (also in types),
 * `import.meta.resolve()`, `require()`, `require.resolve()`, `createRequire(…)(…)` and the functions
 * `createRequire` returns from their declaration on, `vi.*`/`jest.*` module calls,
 * `new URL('…', import.meta.url)` and leading `/// <reference path|types>` directives.
 */
export function scanSpecifiers(text: string): ExtractedSpecifiers | undefined {
  const specifiers: SourceSpecifier[] = [];
  const unresolved: UnresolvedSpecifier[] = [];
  const aliases = new Map<string, { readonly resolve: boolean; readonly base: RequireBase }>();
  /** Set when a nested scan lost its way: the whole source then goes to the parser. */
  let lost = false;
  const lexer = new Lexer(text, (form, start, end) =>
    specifiers.push({ text: text.slice(start, end), form: form === 'path' ? 'reference-path' : 'reference-types', start, end }),
  );

  const literal = (form: SpecifierForm, base: RequireBase): void => {
    const start = lexer.start + 1;
    const end = lexer.end - 1;
    const value = cookString(text, start, end);
    if (base === 'unknown' && /^\.\.?(\/|$)/.test(value))
      unresolved.push({ form, start, end, expression: text.slice(start - 1, end + 1).slice(0, expressionLimit) });
    else specifiers.push({ text: value, form, start, end });
  };

  /** From just after a `(` to the `,` or `)` that ends the argument at its depth. */
  const skipArgument = (): { readonly start: number; readonly end: number; readonly closedBy: ',' | ')' | '' } => {
    let depth = 0;
    let start = -1;
    let end = -1;
    for (;;) {
      const kind = lexer.next();
      if (kind === EOF) return { start, end, closedBy: '' };
      if (depth === 0 && (lexer.is(',') || lexer.is(')'))) return { start, end, closedBy: lexer.is(',') ? ',' : ')' };
      if (start === -1) start = lexer.start;
      end = lexer.end;
      if (lexer.is('(') || lexer.is('[') || lexer.is('{')) depth += 1;
      else if (lexer.is(')') || lexer.is(']') || lexer.is('}')) depth -= 1;
    }
  };

  /** After `name(`: is this a method or function definition (`name(x) {`, `name(x): T`) rather than a call? */
  const isDefinition = (beforeName: number): boolean => {
    for (;;) {
      const { closedBy } = skipArgument();
      if (closedBy !== ',') break;
    }
    lexer.next();
    return lexer.is('{') || (lexer.is(':') && !lexer.was(beforeName, '?'));
  };

  /**
   * The first argument of a call, the lexer just past its `(`: a literal is a specifier, an
   * `import()` is judged on its own, anything else is unresolved. The lexer is left where the main
   * loop must continue (inside the argument when it was not a literal).
   */
  const firstArgument = (form: SpecifierForm, base: RequireBase, beforeName: number): void => {
    const open = lexer.save();
    const kind = lexer.next();
    if (kind === STRING) {
      const literalState = lexer.save();
      lexer.next();
      if (lexer.is(')') || lexer.is(',')) {
        lexer.restore(literalState);
        literal(form, base);
        return;
      }
    } else if (lexer.isIdent('import')) {
      lexer.next();
      if (lexer.is('(')) {
        lexer.restore(open);
        return;
      }
    } else if (lexer.is(')')) {
      lexer.restore(open);
      return;
    }
    lexer.restore(open);
    const { start, end } = skipArgument();
    lexer.restore(open);
    const definition = isDefinition(beforeName);
    lexer.restore(open);
    if (!definition && start !== -1) unresolved.push({ form, start, end, expression: text.slice(start, end).slice(0, expressionLimit) });
  };

  /** `import` just read: a dynamic import, `import.meta.resolve`, a side-effect import or an import clause. */
  const importForm = (): void => {
    const before = lexer.prev1;
    const after = lexer.save();
    const kind = lexer.next();
    if (lexer.is('(')) return firstArgument('dynamic-import', 'file', before);
    if (lexer.is('.')) {
      if (lexer.next() === IDENT && lexer.isIdent('meta') && lexer.next() && lexer.is('.') && lexer.next() && lexer.isIdent('resolve')) {
        lexer.next();
        if (lexer.is('(')) return firstArgument('import-meta-resolve', 'file', before);
      }
      lexer.restore(after);
      return;
    }
    if (kind === STRING) {
      literal('import', 'file');
      return;
    }
    lexer.restore(after);
    clause('import');
  };

  /**
   * The clause of an `import`/`export` statement up to `from '…'`. Anything that cannot be part
   * of a clause puts the lexer back just after the keyword, so that nothing in it is skipped.
   */
  const clause = (form: 'import' | 'export'): void => {
    const after = lexer.save();
    let braces = 0;
    for (;;) {
      const kind = lexer.next();
      if (kind === IDENT) {
        if (lexer.isIdent('from')) {
          const from = lexer.save();
          if (lexer.next() === STRING && text.charCodeAt(lexer.start) !== 96) {
            literal(form, 'file');
            return;
          }
          lexer.restore(from);
        }
        continue;
      }
      if (kind === STRING && braces > 0) continue;
      if (lexer.is('{')) braces += 1;
      else if (lexer.is('}') && braces > 0) braces -= 1;
      else if (lexer.is('=') && form === 'import' && braces === 0) return;
      else if (!lexer.is(',') && !lexer.is('*')) {
        lexer.restore(after);
        return;
      }
    }
  };

  /** `require`, or a function `createRequire` returned, just read. */
  const requireForm = (base: RequireBase, resolveOnly: boolean): void => {
    const before = lexer.prev1;
    const after = lexer.save();
    lexer.next();
    if (lexer.is('(')) return firstArgument(resolveOnly ? 'require-resolve' : 'require', base, before);
    if (!resolveOnly && lexer.is('.') && lexer.next() === IDENT && lexer.isIdent('resolve')) {
      lexer.next();
      if (lexer.is('(')) return firstArgument('require-resolve', base, before);
    }
    lexer.restore(after);
  };

  /** `vi` or `jest` just read: `.mock('…')` and the other module calls, type arguments included (`vi.importActual<T>('…')`). */
  const mockForm = (): void => {
    const before = lexer.prev1;
    const after = lexer.save();
    lexer.next();
    if (lexer.is('.') && lexer.next() === IDENT && mockMethods.has(text.slice(lexer.start, lexer.end))) {
      lexer.next();
      if (lexer.is('<') && !typeArguments()) {
        lexer.restore(after);
        return;
      }
      if (lexer.is('(')) return firstArgument('mock', 'file', before);
    }
    lexer.restore(after);
  };

  /**
   * At the `<` of a call's type arguments: read the specifiers inside them (`typeof import('…')`)
   * and move to the token after the closing `>`. False when there is no closing `>`.
   */
  const typeArguments = (): boolean => {
    const start = lexer.end;
    let depth = 1;
    while (depth > 0) {
      if (lexer.next() === EOF) return false;
      if (lexer.is('<')) depth += 1;
      else if (lexer.is('>')) depth -= 1;
    }
    const inner = scanSpecifiers(text.slice(start, lexer.start));
    if (!inner) lost = true;
    for (const specifier of inner?.specifiers ?? [])
      specifiers.push({ ...specifier, start: specifier.start + start, end: specifier.end + start });
    for (const entry of inner?.unresolved ?? []) unresolved.push({ ...entry, start: entry.start + start, end: entry.end + start });
    lexer.next();
    return true;
  };

  /** `createRequire` just read: its base, then an immediate call or the name it is assigned to. */
  const createRequireForm = (): void => {
    const assigned =
      lexer.was(lexer.prev1, '=') && !lexer.was(lexer.prev3, ':') && !lexer.was(lexer.prev3, '.') && !lexer.was(lexer.prev3, '?.');
    const alias = assigned ? lexer.identifierOf(lexer.prev2) : undefined;
    const after = lexer.save();
    lexer.next();
    if (!lexer.is('(')) {
      lexer.restore(after);
      return;
    }
    const open = lexer.save();
    let base: RequireBase = 'unknown';
    lexer.next();
    if (lexer.isIdent('import') && lexer.next() && lexer.is('.') && lexer.next() && lexer.isIdent('meta')) {
      if (lexer.next() && lexer.is('.') && lexer.next() && lexer.isIdent('url') && lexer.next() && lexer.is(')')) base = 'file';
    } else if (lexer.isIdent('__filename') && lexer.next() && lexer.is(')')) base = 'file';
    lexer.restore(open);
    for (;;) {
      const { closedBy } = skipArgument();
      if (closedBy !== ',') break;
    }
    const closed = lexer.save();
    lexer.next();
    if (lexer.is('(')) return firstArgument('require', base, -1);
    if (lexer.is('.') && lexer.next() === IDENT && lexer.isIdent('resolve')) {
      const resolve = lexer.save();
      lexer.next();
      if (lexer.is('(')) return firstArgument('require-resolve', base, -1);
      lexer.restore(resolve);
      if (alias) aliases.set(alias, { resolve: true, base });
      return;
    }
    lexer.restore(closed);
    if (alias) aliases.set(alias, { resolve: false, base });
  };

  /** `new` just read: `new URL('…', import.meta.url)`. */
  const urlForm = (): void => {
    const after = lexer.save();
    if (!(lexer.next() === IDENT && lexer.isIdent('URL') && lexer.next() && lexer.is('('))) {
      lexer.restore(after);
      return;
    }
    const open = lexer.save();
    const isImportMetaUrl = (): boolean =>
      lexer.next() === IDENT &&
      lexer.isIdent('import') &&
      lexer.next() !== EOF &&
      lexer.is('.') &&
      lexer.next() !== EOF &&
      lexer.isIdent('meta') &&
      lexer.next() !== EOF &&
      lexer.is('.') &&
      lexer.next() !== EOF &&
      lexer.isIdent('url') &&
      lexer.next() !== EOF &&
      (lexer.is(')') || lexer.is(','));
    if (lexer.next() === STRING) {
      const specifier = lexer.save();
      lexer.next();
      if (lexer.is(',') && isImportMetaUrl()) {
        const end = lexer.save();
        lexer.restore(specifier);
        literal('url', 'file');
        lexer.restore(end);
        return;
      }
    }
    lexer.restore(open);
    const { start, end, closedBy } = skipArgument();
    if (closedBy === ',' && start !== -1 && isImportMetaUrl())
      unresolved.push({ form: 'url', start, end, expression: text.slice(start, end).slice(0, expressionLimit) });
    lexer.restore(open);
  };

  for (;;) {
    const kind = lexer.next();
    if (kind === EOF) break;
    if (kind !== IDENT) continue;
    // Every name this loop acts on starts with one of these letters; aliases may start with any.
    if (aliases.size === 0 && !formKeys.has(text.charCodeAt(lexer.start) * 16 + lexer.end - lexer.start)) continue;
    const name = text.slice(lexer.start, lexer.end);
    if (name === 'createRequire') {
      createRequireForm();
      continue;
    }
    if (lexer.afterMember) continue;
    switch (name) {
      case 'import':
        importForm();
        break;
      case 'export':
        clause('export');
        break;
      case 'require':
        if (!lexer.was(lexer.prev1, 'function')) requireForm('file', false);
        break;
      case 'vi':
      case 'jest':
        mockForm();
        break;
      case 'new':
        urlForm();
        break;
      default: {
        const alias = aliases.get(name);
        if (alias && !lexer.was(lexer.prev1, 'function')) requireForm(alias.base, alias.resolve);
      }
    }
  }
  if (lost || lexer.anomaly || !lexer.balanced) return undefined;
  return { specifiers: specifiers.sort((a, b) => a.start - b.start), unresolved: unresolved.sort((a, b) => a.start - b.start) };
}
