#!/usr/bin/env node
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CI_CACHE_WIRING } from '@alphaswarm/cache-server';
import { decideRemoteCache, JOB_TOKEN_ENV } from '../remote-cache/decide-remote-cache.js';
import { runCli, usageError } from './run-cli.js';

const help = `Usage: pnpm ci:remote-cache

Turn the self-hosted Nx remote cache on for the rest of a CI job, or leave it off and say why.
Reads ${CI_CACHE_WIRING.serverUrlVariable} (the server's URL) and ${JOB_TOKEN_ENV} (the token the workflow gives
this job: the read token, or the write token on a push to the default branch). When the server
answers ${CI_CACHE_WIRING.healthPath} and accepts the token, writes ${CI_CACHE_WIRING.serverEnv} and
${CI_CACHE_WIRING.tokenEnv} to $GITHUB_ENV (outside GitHub Actions it prints what to export).
Always exits 0 except on a usage error: without a usable server, Nx runs with its local cache.
`;

runCli(async () => {
  try {
    if (parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: false }).values.help) {
      process.stdout.write(help);
      return 0;
    }
  } catch (error) {
    throw usageError('ci:remote-cache', error);
  }
  const decision = await decideRemoteCache(process.env);
  const inActions = process.env['GITHUB_ACTIONS'] === 'true';
  process.stdout.write(`${decision.warning && inActions ? '::warning::' : ''}${decision.message}\n`);
  if (!decision.enabled) return 0;
  const file = process.env['GITHUB_ENV'];
  if (file) {
    appendFileSync(
      file,
      Object.entries(decision.env)
        .map(([name, value]) => `${name}=${value}\n`)
        .join(''),
    );
  } else {
    process.stdout.write(
      `to use it in this shell: export ${CI_CACHE_WIRING.serverEnv}=${decision.env[CI_CACHE_WIRING.serverEnv]} ${CI_CACHE_WIRING.tokenEnv}=<the token>\n`,
    );
  }
  return 0;
});
