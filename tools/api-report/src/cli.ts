#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiReportError } from './lib/api-report-error.js';
import { runApiReports } from './lib/api-reports.js';

const usage = `Usage: api-report [--update] [--json] [--project <name>] <package-folder>

Checks that the checked-in API reports (api/*.api.md) of a package match its built declarations.
  --update    write the reports instead of checking them
  --json      print the result as JSON
  --project   the Nx project name used in the report header (default: the folder name)
Exit codes: 0 all reports match (or were written), 1 a report is missing or changed, 2 usage error.`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        update: { type: 'boolean' },
        json: { type: 'boolean' },
        project: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length !== 1 || !positionals[0]) {
    process.stderr.write(`api-report: expected one package folder, got ${positionals.length}\n\n${usage}\n`);
    return 2;
  }
  const packageDir = resolve(positionals[0]);
  try {
    const results = runApiReports({ packageDir, update: values.update ?? false, ...(values.project ? { project: values.project } : {}) });
    const failed = results.filter((result) => result.status === 'missing' || result.status === 'changed');
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ package: packageDir, ok: failed.length === 0, reports: results }, null, 2)}\n`);
    } else {
      for (const result of results) {
        const line = `${result.status.padEnd(8)} ${result.report} (entry "${result.subpath}")`;
        (result.status === 'missing' || result.status === 'changed' ? process.stderr : process.stdout).write(`${line}\n`);
        if (result.diff) process.stderr.write(`${result.diff}\n`);
      }
      if (failed.length > 0) {
        const project = values.project ?? positionals[0].split('/').pop();
        process.stderr.write(
          `\nThe public API changed without its report. Review the change, then run: pnpm nx run ${project}:api-report --update\n(and bump the package version when the change is breaking).\n`,
        );
      }
    }
    return failed.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof ApiReportError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
