/**
 * How a source names a module or a file:
 * - `import`: `import … from '…'`, `import '…'`, `import type …`, `import x = require('…')`;
 * - `export`: `export … from '…'`, `export * from '…'`;
 * - `dynamic-import`: `import('…')`, `typeof import('…')`;
 * - `require`: `require('…')`, and `createRequire(import.meta.url)('…')` or a function it returned;
 * - `require-resolve`: `require.resolve('…')` (also on a `createRequire` result);
 * - `import-meta-resolve`: `import.meta.resolve('…')`;
 * - `mock`: the module a test framework loads or replaces: `vi.mock('…')`, `vi.importActual('…')`,
 *   `jest.mock('…')`, `jest.requireActual('…')` and their siblings;
 * - `url`: `new URL('…', import.meta.url)`, a file reached by its path;
 * - `reference-path` / `reference-types`: `/// <reference path="…" />` / `/// <reference types="…" />`.
 */
export type SpecifierForm =
  | 'import'
  | 'export'
  | 'dynamic-import'
  | 'require'
  | 'require-resolve'
  | 'import-meta-resolve'
  | 'mock'
  | 'url'
  | 'reference-path'
  | 'reference-types';

/** One statically known specifier: its value and where its text sits (without the quotes). */
export interface SourceSpecifier {
  /** The specifier's value, escapes decoded. */
  readonly text: string;
  readonly form: SpecifierForm;
  /** Offset of the first character inside the quotes. */
  readonly start: number;
  /** Offset just past the last character inside the quotes. */
  readonly end: number;
}

/**
 * A place where the source names a module the engine cannot know without running the code:
 * `import(variable)`, `require(a + b)`, a template literal with substitutions, a relative path
 * given to a `createRequire` whose base is not this file.
 */
export interface UnresolvedSpecifier {
  readonly form: SpecifierForm;
  /** Offset of the argument expression (or of the specifier when only its base is unknown). */
  readonly start: number;
  readonly end: number;
  /** The argument as written (shortened to 80 characters). */
  readonly expression: string;
}

/** Everything a source names: what the engine can judge, and what it cannot. */
export interface ExtractedSpecifiers {
  readonly specifiers: readonly SourceSpecifier[];
  readonly unresolved: readonly UnresolvedSpecifier[];
}
