#!/usr/bin/env node
// Writes (or with --check, verifies) the manage API's checked-in OpenAPI document.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CliError } from './cli/cli-error.js';
import { GENERATE_OPENAPI_COMMAND, renderManageOpenApi } from './openapi/build-manage-openapi.js';
import { manageRoutes } from './routes/manage-routes.js';

const usage = `Usage: alphaswarm-controller-openapi [--check] [--out <file>]

Renders the manage API's OpenAPI 3.1 document from the controller's route schemas.

  --out <file>   where the document lives (default: the package's openapi/manage-api.openapi.json)
  --check        write nothing; exit 1 when the file differs from the routes
  -h, --help     show this help
`;

try {
  const { values } = (() => {
    try {
      return parseArgs({
        options: {
          out: { type: 'string', default: fileURLToPath(new URL('../openapi/manage-api.openapi.json', import.meta.url)) },
          check: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
      });
    } catch (error) {
      throw new CliError('ASW-210', `${(error as Error).message}; see --help`);
    }
  })();
  const rendered = renderManageOpenApi(manageRoutes);
  if (values.help) {
    process.stdout.write(usage);
  } else if (values.check) {
    const current = await readFile(values.out, 'utf8').catch(() => '');
    if (current !== rendered)
      throw new CliError('ASW-213', `${values.out} is out of date with the route schemas: run \`${GENERATE_OPENAPI_COMMAND}\``);
    process.stdout.write(`${values.out} is up to date\n`);
  } else {
    await writeFile(values.out, rendered);
    process.stdout.write(`wrote ${values.out}\n`);
  }
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  process.stderr.write(`${error.code}: ${error.message}\n`);
  process.exitCode = 1;
}
