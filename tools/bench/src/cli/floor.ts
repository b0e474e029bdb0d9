#!/usr/bin/env node
import { readdirSync, readFileSync } from 'node:fs';
import { init, parse } from 'es-module-lexer';

// The bench's floor: read every JavaScript/TypeScript file under the given folder once and list its
// import specifiers with es-module-lexer. Prints {"files", "specifiers", "unlexable"} as JSON.
const source = /\.[cm]?[jt]sx?$/;
const skipped = new Set(['node_modules', '.nx', 'dist', 'coverage', 'out-tsc', 'tmp', '.git']);
await init;
let files = 0;
let specifiers = 0;
let unlexable = 0;
const walk = (folder: string): void => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!skipped.has(entry.name)) walk(path);
    } else if (source.test(entry.name)) {
      files += 1;
      try {
        const [imports] = parse(readFileSync(path, 'utf8'), path);
        for (const found of imports) if (found.specifier !== undefined) specifiers += 1;
      } catch {
        unlexable += 1;
      }
    }
  }
};
walk(process.argv[2] ?? '.');
process.stdout.write(`${JSON.stringify({ files, specifiers, unlexable })}\n`);
