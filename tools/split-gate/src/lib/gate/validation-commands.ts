import { parse } from 'shell-quote';
import yargsParser from 'yargs-parser';
/** One Nx task a documented command runs. */
export interface NxTask {
  readonly project: string;
  readonly target: string;
}

/** A documented command that runs Nx targets, with the tasks it names. */
export interface ValidationCommand {
  readonly command: string;
  readonly tasks: readonly NxTask[];
}

/** Nx commands that are not `nx <target> <project>` shorthands. */
const builtIns = new Set([
  'add',
  'affected',
  'connect',
  'daemon',
  'exec',
  'format',
  'format:check',
  'format:write',
  'g',
  'generate',
  'graph',
  'import',
  'init',
  'list',
  'migrate',
  'release',
  'repair',
  'report',
  'reset',
  'run',
  'run-many',
  'show',
  'sync',
  'sync:check',
  'view-logs',
  'watch',
]);
/** What may run Nx in a documented command: `nx`, or a package manager running it. */
const launchers: readonly (readonly string[])[] = [
  ['nx'],
  ['pnpm', 'nx'],
  ['pnpm', 'exec', 'nx'],
  ['npx', 'nx'],
  ['npx', '-y', 'nx'],
  ['yarn', 'nx'],
];

/**
 * The Nx tasks a documented command names: `nx run <project>:<target>`, `nx <project>:<target>`,
 * `nx <target> <project>` and `nx run-many -t <targets…> -p <projects…>`, each possibly after
 * `pnpm`/`npx` and chained with `&&`. Commands that are not about named projects (`nx affected`,
 * `nx graph`, root scripts such as `pnpm test`) and commands that write (`--update`, `--fix`)
 * name no validation task and are left out. Lines are split into words as a shell would
 * (shell-quote), and Nx's arguments are read as Nx reads them (yargs-parser).
 */
export function validationCommands(lines: readonly string[]): ValidationCommand[] {
  return lines.flatMap((line) =>
    commandsOf(line).flatMap((words) => {
      const tasks = tasksOf(words);
      return tasks.length > 0 ? [{ command: words.join(' '), tasks }] : [];
    }),
  );
}

/**
 * The words of each command of a shell line: commands end at an operator (`&&`, `;`, `||`, `|`),
 * and the line at a comment. Variables stay as written (`$HOME`), never expanded.
 */
function commandsOf(line: string): string[][] {
  const commands: string[][] = [[]];
  for (const token of parse(line, (name) => `$${name}`)) {
    if (typeof token === 'string') commands[commands.length - 1]?.push(token);
    else if ('comment' in token) break;
    else if ('pattern' in token) commands[commands.length - 1]?.push(token.pattern);
    else commands.push([]);
  }
  return commands.filter((words) => words.length > 0);
}

/** Flags that make a command write (regenerate reports, fix lint): maintenance, not validation. */
const writing = ['update', 'fix', 'write', 'updateSnapshot', 'u'] as const;

function tasksOf(words: readonly string[]): NxTask[] {
  const launcher = launchers.find((prefix) => prefix.every((word, index) => words[index] === word));
  if (!launcher) return [];
  const args = yargsParser(words.slice(launcher.length), {
    array: ['targets', 'projects'],
    string: ['targets', 'projects'],
    alias: { targets: ['t', 'target'], projects: ['p'] },
    configuration: { 'camel-case-expansion': false, 'populate--': true },
  });
  // Arguments after `--` go to the tool the target runs (`-- --update` makes vitest write snapshots).
  const passed = yargsParser((args['--'] ?? []).map(String), { configuration: { 'camel-case-expansion': false } });
  if ([args, passed].some((parsed) => writing.some((flag) => parsed[flag] !== undefined && parsed[flag] !== false))) return [];
  const [first = '', second] = args._.map(String);
  if (first === 'run') return splitTask(second);
  if (first === 'run-many') return runMany(listOf(args['targets']), listOf(args['projects']));
  if (first.includes(':') && !builtIns.has(first)) return splitTask(first);
  if (builtIns.has(first) || !second) return [];
  return [{ project: second, target: first }];
}

/** The values of a list option, each possibly comma-separated (`-t lint,test` or `-t lint test`). */
function listOf(value: unknown): string[] {
  const values: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((item) => String(item).split(',')).filter((item) => item.length > 0);
}

function splitTask(spec: string | undefined): NxTask[] {
  const [project, target] = (spec ?? '').split(':');
  return project && target ? [{ project, target }] : [];
}

function runMany(targets: readonly string[], projects: readonly string[]): NxTask[] {
  const named = projects.filter((project) => !project.includes('*') && !project.includes('tag:'));
  return named.flatMap((project) => targets.map((target) => ({ project, target })));
}
