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
const nxCall = /^(?:(?:pnpm(?:\s+exec)?|npx(?:\s+-y)?|yarn)\s+)?nx\s+(.+)$/;

/**
 * The Nx tasks a documented command names: `nx run <project>:<target>`, `nx <project>:<target>`,
 * `nx <target> <project>` and `nx run-many -t <targets…> -p <projects…>`, each possibly after
 * `pnpm`/`npx` and chained with `&&`. Commands that are not about named projects (`nx affected`,
 * `nx graph`, root scripts such as `pnpm test`) and commands that write (`--update`, `--fix`)
 * name no validation task and are left out.
 */
export function validationCommands(lines: readonly string[]): ValidationCommand[] {
  return lines.flatMap((line) =>
    line
      .split('&&')
      .map((part) => part.trim())
      .flatMap((command) => {
        const tasks = tasksOf(command);
        return tasks.length > 0 ? [{ command, tasks }] : [];
      }),
  );
}

/** Flags that make a command write (regenerate reports, fix lint): maintenance, not validation. */
const writing = new Set(['--update', '--fix', '--write', '--updateSnapshot', '-u']);

function tasksOf(command: string): NxTask[] {
  const args = nxCall.exec(command)?.[1]?.split(/\s+/);
  if (!args || args.length === 0 || args.some((arg) => writing.has(arg.split('=')[0] ?? arg))) return [];
  const [first = '', ...rest] = args;
  if (first === 'run') return splitTask(rest[0]);
  if (first === 'run-many') return runMany(rest);
  if (first.includes(':') && !builtIns.has(first)) return splitTask(first);
  const project = rest[0];
  if (builtIns.has(first) || first.startsWith('-') || !project || project.startsWith('-')) return [];
  return [{ project, target: first }];
}

function splitTask(spec: string | undefined): NxTask[] {
  const [project, target] = (spec ?? '').split(':');
  return project && target ? [{ project, target }] : [];
}

function runMany(args: readonly string[]): NxTask[] {
  const values = (names: readonly string[]): string[] => {
    const found: string[] = [];
    for (let index = 0; index < args.length; index += 1) {
      const arg = args[index] ?? '';
      const [flag, inline] = arg.split('=', 2);
      if (!names.includes(flag ?? '')) continue;
      if (inline !== undefined) found.push(...inline.split(','));
      else
        for (let next = index + 1; next < args.length && !(args[next] ?? '-').startsWith('-'); next += 1)
          found.push(...(args[next] ?? '').split(','));
    }
    return found.filter((value) => value.length > 0);
  };
  const targets = values(['-t', '--target', '--targets']);
  const projects = values(['-p', '--projects']).filter((project) => !project.includes('*') && !project.includes('tag:'));
  return projects.flatMap((project) => targets.map((target) => ({ project, target })));
}
