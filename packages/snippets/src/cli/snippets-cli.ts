import { execFileSync } from 'node:child_process';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { snippetFilesIn, snippetsDir } from '../load-snippets.js';
import { RawSnippetIndexSchema, type SnippetSource } from '../provenance/snippet-entry.js';
import { indexOf, validateSnippets, verifySnippetSources } from '../provenance/validate-snippets.js';

/** Where the CLI writes; `process` in production, a buffer in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const help = `Usage: snippets validate [--dir <folder>] [--verify-sources] [--json]

  validate          check provenance-index.json against curated/: provenance, licence, sha256 (exit 1 on a violation)

Options:
  --dir             the snippets folder (default: this package)
  --verify-sources  also check each snippet of this repository (source.repository ".") against git history
  --json            print the result as JSON
  --help            show this help
`;

/** Lines of a file of this repository at a commit, through `git show`; undefined for other repositories or unknown commits. */
function gitSource(cwd: string) {
  return (source: SnippetSource): string | undefined => {
    if (source.repository !== '.') return undefined;
    try {
      return execFileSync('git', ['show', `${source.commit}:${source.path}`], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      return undefined;
    }
  };
}

/** The `snippets` command; returns the exit code (1 on a user error or a violation). */
export function runSnippetsCli(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { dir: { type: 'string' }, 'verify-sources': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${help}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  if (positionals[0] !== 'validate') {
    io.stderr.write(`snippets: unknown command "${positionals[0] ?? ''}"\n\n${help}`);
    return 1;
  }
  const dir = values.dir ?? snippetsDir;
  const files = snippetFilesIn(dir);
  const violations = validateSnippets(files);
  let unchecked: string[] = [];
  if (violations.length === 0 && values['verify-sources']) {
    const verified = verifySnippetSources(indexOf(files.indexText), files.readFile, gitSource(dir));
    violations.push(...verified.violations);
    unchecked = verified.unchecked;
  }
  // Without ASW-801 the index is { version: 1, snippets: [...] }, whatever is wrong inside its entries.
  const count = violations.some((violation) => violation.code === 'ASW-801')
    ? 0
    : RawSnippetIndexSchema.parse(JSON.parse(files.indexText)).snippets.length;
  if (values.json)
    io.stdout.write(`${JSON.stringify({ dir: relative(process.cwd(), dir) || '.', snippets: count, violations, unchecked }, null, 2)}\n`);
  else if (violations.length > 0) for (const violation of violations) io.stderr.write(`${violation.message}\n`);
  else
    io.stdout.write(
      `snippets: ${count} snippet(s) with valid provenance, licence and sha256${values['verify-sources'] ? `; sources verified${unchecked.length > 0 ? ` except ${unchecked.join(', ')}` : ''}` : ''}\n`,
    );
  return violations.length === 0 ? 0 : 1;
}
