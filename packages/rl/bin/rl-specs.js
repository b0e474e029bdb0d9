#!/usr/bin/env node
// pnpm links bins when it installs, before anything is built: run the built CLI, or say how to build it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/rl-specs.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('rl-specs is not built yet: run `pnpm nx run rl:build`, then run it again.');
  process.exit(1);
}
await import('../dist/cli/rl-specs.js');
