import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { RLError } from '../rl-error.js';
import { relockSpecFile } from '../spec/spec-file.js';
import { readSpecSources, specLibraryDir, validateSpecLibrary } from '../spec/spec-library.js';

/** Where the CLI writes; `process` in production, a buffer in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const help = `Usage: rl-specs <validate|lock> [--dir <folder>] [--json]

  validate   check every spec of the library: YAML, RLExperimentSpec, lock, file name (exit 1 on a violation)
  lock       re-lock every spec whose content changed (the deliberate approval of a change)

Options:
  --dir      the spec library folder (default: the package's specs/)
  --json     print the result as JSON
  --help     show this help
`;

/** The `rl-specs` command; returns the exit code (1 on a user error or a violation). */
export function runRlSpecsCli(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { dir: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${help}`);
    return 1;
  }
  const { values, positionals } = parsed;
  const [command] = positionals;
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const dir = values.dir ?? (relative(process.cwd(), specLibraryDir) || '.');
  const sources = readSpecSources(dir);
  if (command === 'validate') {
    const violations = validateSpecLibrary(sources);
    if (values.json) io.stdout.write(`${JSON.stringify({ dir, specs: sources.length, violations }, null, 2)}\n`);
    else if (violations.length === 0) io.stdout.write(`rl-specs: ${sources.length} spec(s) in ${dir} are valid and locked\n`);
    else for (const violation of violations) io.stderr.write(`${violation.message}\n`);
    return violations.length === 0 ? 0 : 1;
  }
  if (command === 'lock') {
    const relocked: string[] = [];
    try {
      for (const { file } of sources) {
        const text = readFileSync(file, 'utf8');
        const next = relockSpecFile(text, file);
        if (next !== text) {
          writeFileSync(file, next);
          relocked.push(file);
        }
      }
    } catch (error) {
      if (!(error instanceof RLError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    io.stdout.write(
      values.json
        ? `${JSON.stringify({ relocked }, null, 2)}\n`
        : `rl-specs: re-locked ${relocked.length} spec(s)${relocked.map((file) => `\n  ${file}`).join('')}\n`,
    );
    return 0;
  }
  io.stderr.write(`rl-specs: unknown command "${command ?? ''}"\n\n${help}`);
  return 1;
}
