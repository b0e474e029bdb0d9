import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceSpecifiers } from './evaluate-boundaries.js';
import { importSpecifiers } from './import-specifiers.js';
import type { SourcePrefilter } from './source-prefilter.js';

/**
 * Read the given workspace files and pre-process those the prefilter lets through; a file the
 * prefilter rules out names no specifier that can matter. A file that vanished since Nx saw it is
 * skipped. Returns the specifiers and how many files were pre-processed.
 */
export function readSourceSpecifiers(
  root: string,
  files: readonly { readonly file: string; readonly project: string }[],
  prefilter: SourcePrefilter,
): { specifiers: SourceSpecifiers; parsed: number } {
  const specifiers = new Map<string, readonly string[]>();
  let parsed = 0;
  for (const { file, project } of files) {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue;
    }
    if (!prefilter(file, project, text)) continue;
    parsed += 1;
    specifiers.set(file, importSpecifiers(text));
  }
  return { specifiers, parsed };
}
