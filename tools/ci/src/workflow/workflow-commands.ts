import { parse } from 'yaml';

/** One `pnpm …` command of a workflow step, with the matrix values it runs with. */
export interface WorkflowCommand {
  readonly job: string;
  readonly step: string;
  /** The command's words, `${{ matrix.x }}` replaced by one matrix entry's value. */
  readonly words: readonly string[];
}

/** What a workflow's commands may name. */
export interface WorkspaceCommands {
  /** Root package.json scripts. */
  readonly scripts: ReadonlySet<string>;
  /** Project name → its Nx targets. */
  readonly targets: ReadonlyMap<string, ReadonlySet<string>>;
  /** The policy's domains. */
  readonly domains: ReadonlySet<string>;
}

interface Step {
  name?: string;
  run?: string;
}
interface Job {
  steps?: Step[];
  strategy?: { matrix?: { include?: Record<string, string>[] } };
}

/** pnpm's own commands a workflow may use besides the root scripts. */
const PNPM_COMMANDS = new Set(['install', 'exec']);
/** Nx commands (not targets) a workflow may run. */
const NX_COMMANDS = new Set(['sync', 'sync:check', 'run-many', 'affected', 'graph', 'release', 'show']);

/** Every `pnpm` command in the workflow's `run:` steps, once per matrix entry when the job has a matrix. */
export function workflowCommands(workflow: string): WorkflowCommand[] {
  const document = parse(workflow) as { jobs?: Record<string, Job> };
  const commands: WorkflowCommand[] = [];
  for (const [jobName, job] of Object.entries(document.jobs ?? {})) {
    const entries = job.strategy?.matrix?.include ?? [{}];
    for (const step of job.steps ?? []) {
      if (step.run === undefined) continue;
      for (const entry of entries) {
        const text = step.run.replace(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g, (_match, key: string) => entry[key] ?? `<matrix.${key} unset>`);
        for (const part of text.split(/&&|\|\||[|;\n]/)) {
          const words = part.trim().split(/\s+/).filter(Boolean);
          if (words[0] === 'pnpm') commands.push({ job: jobName, step: step.name ?? step.run, words });
        }
      }
    }
  }
  return commands;
}

const flagValue = (words: readonly string[], flags: readonly string[]): string[] => {
  const values: string[] = [];
  words.forEach((word, index) => {
    for (const flag of flags) {
      if (word === flag && words[index + 1] !== undefined) values.push(...(words[index + 1] as string).split(','));
      else if (word.startsWith(`${flag}=`)) values.push(...word.slice(flag.length + 1).split(','));
    }
  });
  return values;
};

/** Targets named after `-t` (space- or comma-separated, up to the next flag). */
function targetsAfterT(words: readonly string[]): string[] {
  const index = words.findIndex((word) => word === '-t' || word === '--targets' || word === '--target');
  if (index < 0) return flagValue(words, ['--targets', '--target']);
  const values: string[] = [];
  for (const word of words.slice(index + 1)) {
    if (word.startsWith('-')) break;
    values.push(...word.split(',').filter(Boolean));
  }
  return values;
}

/** Why a command names something that does not exist, or `undefined` when it all exists. */
export function missingIn(command: WorkflowCommand, workspace: WorkspaceCommands): string | undefined {
  const words = command.words.slice(1).filter((word) => word !== '-s' && word !== '--silent');
  const [first, ...rest] = words;
  if (first === undefined) return 'a bare `pnpm`';
  if (PNPM_COMMANDS.has(first)) return undefined;
  if (!workspace.scripts.has(first)) return `no root script "${first}"`;
  const anyProjectHas = (target: string) => [...workspace.targets.values()].some((targets) => targets.has(target));
  if (first === 'nx') {
    const [nxCommand, ...args] = rest;
    if (nxCommand === undefined || !NX_COMMANDS.has(nxCommand))
      return `\`nx ${nxCommand ?? ''}\` is not an Nx command this workflow may run`;
    const projects = flagValue(args, ['-p', '--projects']);
    for (const project of projects) if (!workspace.targets.has(project)) return `no Nx project "${project}"`;
    for (const target of targetsAfterT(args)) {
      const owners = projects.length > 0 ? projects : [...workspace.targets.keys()];
      if (!owners.some((project) => workspace.targets.get(project)?.has(target))) return `no Nx target "${target}" on ${owners.join(', ')}`;
    }
    return undefined;
  }
  if (first === 'affected' || first === 'gate') {
    const domains = rest.filter(
      (word, index) => !word.startsWith('-') && !['-t', '--targets', '--base', '--head'].includes(rest[index - 1] ?? ''),
    );
    for (const domain of domains) if (!workspace.domains.has(domain)) return `no domain "${domain}" in the policy`;
    for (const target of targetsAfterT(rest)) if (!anyProjectHas(target)) return `no Nx target "${target}" in the workspace`;
  }
  return undefined;
}
