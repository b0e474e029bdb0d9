import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSpecifiers } from './import-specifiers.js';
import type { SourceSpecifiers } from './evaluate-boundaries.js';

/** Read and scan the given workspace files; a file that vanished since Nx saw it is skipped. */
export function readSourceSpecifiers(root: string, files: readonly string[]): SourceSpecifiers {
  const specifiers = new Map<string, readonly string[]>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue;
    }
    specifiers.set(file, importSpecifiers(text));
  }
  return specifiers;
}
