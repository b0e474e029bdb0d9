#!/usr/bin/env node
// Committed launcher of the cache server: loads the build output, or says how to make it.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (existsSync(main)) {
  await import(main.href);
} else {
  process.stderr.write(
    'alphaswarm-cache-server is not built yet: run `pnpm nx run cache-server:build` (or `pnpm nx serve cache-server`)\n',
  );
  process.exitCode = 1;
}
