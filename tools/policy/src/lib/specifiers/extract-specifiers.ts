import { parseSpecifiers } from './internal/parse-specifiers.js';
import { scanSpecifiers } from './internal/scan-specifiers.js';
import type { ExtractedSpecifiers } from './source-specifier.js';

/** The file extensions whose sources the engine reads: every JavaScript and TypeScript flavour. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** True when `file` is a JavaScript or TypeScript source by its extension (declaration files included). */
export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => file.endsWith(extension));
}

/**
 * Every module specifier a JavaScript or TypeScript source names, in source order, with the places
 * it names one the engine cannot know statically: static, type-only and side-effect imports,
 * `export … from`, `import x = require()`, `import()` and `typeof import()`, `require()`,
 * `require.resolve()`, `import.meta.resolve()`, `createRequire(import.meta.url)(…)` (and the
 * function it returns), `vi.mock()`/`vi.importActual()`/`jest.mock()`/`jest.requireActual()` and
 * their siblings, `new URL('…', import.meta.url)`, and `/// <reference path|types="…" />`.
 * Comments and strings are never mistaken for imports.
 *
 * A fast single-pass lexer reads most sources; JSX files, and any source the lexer cannot
 * tokenize with certainty, are read with TypeScript's parser, which recognises the same forms.
 *
 * @param fileName decides JSX and the script kind (`.tsx`, `.jsx`, `.js`…); defaults to a `.ts` file.
 */
export function extractSpecifiers(text: string, fileName = 'source.ts'): ExtractedSpecifiers {
  if (/\.[jt]sx$/.test(fileName)) return parseSpecifiers(fileName, text);
  return scanSpecifiers(text) ?? parseSpecifiers(fileName, text);
}
