import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { BotsError } from '../bots-error.js';
import { readBotSpecSources, templatesDir } from '../templates/bot-spec-files.js';
import { formatPublishedVersions, publishedVersionsFile, readPublishedVersions } from '../versioning/published-versions.js';
import { publishBotVersions, validateBots } from '../versioning/validate-bots.js';

/** Where the CLI writes; `process` in production, a buffer in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const help = `Usage: bot-versions <validate|publish> [--templates <folder>] [--lock <file>] [--json]

  validate   check every bot spec against BotSpecV1 and the published-versions lock (exit 1 on a violation)
  publish    add every spec version not yet published to the lock (published entries never change)

Options:
  --templates  the bot spec folder (default: the package's templates/)
  --lock       the published-versions lock (default: the package's published-versions.json)
  --json       print the result as JSON
  --help       show this help
`;

const here = (path: string) => relative(process.cwd(), path) || '.';

/** The `bot-versions` command; returns the exit code (1 on a user error or a violation). */
export function runBotVersionsCli(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { templates: { type: 'string' }, lock: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
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
  const [command] = positionals;
  if (command !== 'validate' && command !== 'publish') {
    io.stderr.write(`bot-versions: unknown command "${command ?? ''}"\n\n${help}`);
    return 1;
  }
  const lockFile = values.lock ?? here(publishedVersionsFile);
  try {
    const published = readPublishedVersions(lockFile);
    const { specs, violations } = validateBots(readBotSpecSources(values.templates ?? here(templatesDir)), published, lockFile);
    if (violations.length > 0) {
      if (values.json) io.stdout.write(`${JSON.stringify({ specs: specs.length, violations }, null, 2)}\n`);
      else for (const violation of violations) io.stderr.write(`${violation.message}\n`);
      return 1;
    }
    if (command === 'validate') {
      io.stdout.write(
        values.json
          ? `${JSON.stringify({ specs: specs.length, published: published.versions.length, violations }, null, 2)}\n`
          : `bot-versions: ${specs.length} spec(s) valid, ${published.versions.length} published version(s) unchanged\n`,
      );
      return 0;
    }
    const { lock, added } = publishBotVersions(specs, published);
    if (added.length > 0) writeFileSync(lockFile, formatPublishedVersions(lock));
    io.stdout.write(
      values.json
        ? `${JSON.stringify({ added }, null, 2)}\n`
        : `bot-versions: published ${added.length} new version(s)${added.map((id) => `\n  ${id}`).join('')}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BotsError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
}
