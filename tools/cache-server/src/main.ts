#!/usr/bin/env node
// The cache server's executable: serve until SIGINT or SIGTERM, then shut down cleanly.
import { CacheServerError } from './cache-server-error.js';
import { parseServeArgs, SERVE_USAGE } from './cli/parse-serve-args.js';
import { serve } from './cli/serve.js';

try {
  const args = parseServeArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(SERVE_USAGE);
  } else {
    const server = await serve(args);
    process.stderr.write(`alphaswarm cache server listening on ${server.url}\n`);
    let stopping = false;
    const shutdown = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`alphaswarm cache server: ${signal}, finishing uploads in progress and shutting down\n`);
      server.close().then(
        () => {
          process.stderr.write('alphaswarm cache server: stopped\n');
          process.exit(0);
        },
        (error: unknown) => {
          process.stderr.write(`alphaswarm cache server: shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  }
} catch (error) {
  if (!(error instanceof CacheServerError)) throw error;
  process.stderr.write(`${error.code}: ${error.message}\n`);
  process.exitCode = 1;
}
