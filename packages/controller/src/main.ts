#!/usr/bin/env node
// The controller's executable: `serve` until SIGINT or SIGTERM (see --help).
import { CliError } from './cli/cli-error.js';
import { parseServeArgs, SERVE_USAGE } from './cli/parse-serve-args.js';
import { serve } from './cli/serve.js';

try {
  const args = parseServeArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(SERVE_USAGE);
  } else {
    const controller = await serve(args);
    const shutdown = (signal: NodeJS.Signals): void => {
      process.stdout.write(`alphaswarm controller: ${signal}, shutting down\n`);
      controller.close().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`alphaswarm controller: shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    // Announced only once the handlers are in place: a supervisor that signals as soon as it reads
    // this line would otherwise kill the process before it can shut down cleanly.
    process.stdout.write(`alphaswarm controller listening on ${controller.url} (state: ${controller.store}; data dir ${args.dataDir})\n`);
  }
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  process.stderr.write(`${error.code}: ${error.message}\n`);
  process.exitCode = 1;
}
