#!/usr/bin/env node
// pnpm links bins when it installs, before anything is built: run the built CLI, or say how to build it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/snippets.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('snippets is not built yet: run `pnpm nx run snippets:build`, then run it again.');
  process.exit(1);
}
await import('../dist/cli/snippets.js');
