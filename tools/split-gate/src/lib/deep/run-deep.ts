import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Policy } from '@alphaswarm/policy';
import { documentedCommands } from '../gate/check-docs.js';
import { projectsOfDomain } from '../gate/evaluate-gate.js';
import { monolithTag } from '../gate/check-isolation.js';
import { staticClosure } from '../gate/static-closure.js';
import type { WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';
import { SplitGateError } from '../split-gate-error.js';
import { assembleWorkspace } from './assemble-workspace.js';
import { deepTooling } from './deep-tooling.js';
import { explainInstallFailure } from './explain-install-failure.js';
import { offlineInstallArgs, pnpmCommand, pnpmStoreDir } from './pnpm-command.js';

/** One step of a deep check. */
export interface DeepStep {
  readonly step: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What `pnpm gate --deep <domain>` found. */
export interface DeepResult {
  readonly domain: string;
  readonly ok: boolean;
  readonly summary: string;
  /** The projects copied into the temporary workspace. */
  readonly assembled: readonly string[];
  /** domain:monolith projects the static closure needs (left out of the assembly). */
  readonly monolithNeeded: readonly string[];
  readonly steps: readonly DeepStep[];
}

export interface DeepOptions {
  readonly keep: boolean;
  readonly progress: (line: string) => void;
  /** Per-command time limit in milliseconds. */
  readonly timeoutMs?: number;
}

const defaultTargets = ['lint', 'typecheck', 'build', 'test'];

/** The error line of a command's output, or its last meaningful lines, for a one-line detail. */
function tail(output: string, lines = 4): string {
  const meaningful = output
    .split('\n')
    .map((line) => stripVTControlCharacters(line).trim())
    .filter((line) => line.length > 0 && !/^[│╭╰─]/.test(line) && !line.startsWith('npm warn'));
  const error = meaningful.find((line) => /ERR_PNPM_|error TS\d+|^Error:|✖ \d+ problem|Failed tasks/.test(line));
  return error ?? meaningful.slice(-lines).join(' | ');
}

/**
 * Prove isolation for real: copy the domain and its static dependency closure (without any
 * domain:monolith project) plus the tooling its targets name into a temporary workspace outside
 * the repository, install it from its pruned lockfile and the local pnpm store (frozen, offline:
 * no registry, no metadata cache), and run the domain's documented
 * validation commands there. The temporary workspace is removed afterwards unless `keep`.
 */
export function runDeep(root: string, policy: Policy, graph: WorkspaceGraph, domain: string, options: DeepOptions): DeepResult {
  const say = (line: string): void => options.progress(`[deep ${domain}] ${line}`);
  const own = projectsOfDomain(policy, graph, domain);
  if (own.length === 0) throw new SplitGateError('ASW-1208', `no project carries the tags of ${domain}: nothing to assemble`);
  const byName = new Map(graph.projects.map((project) => [project.name, project]));
  const closure = staticClosure(
    graph,
    own.map((project) => project.name),
  );
  const isMonolith = (name: string): boolean => byName.get(name)?.tags.includes(monolithTag) === true;
  const monolithNeeded = closure.projects.filter(isMonolith);
  const steps: DeepStep[] = [];
  if (monolithNeeded.length > 0) {
    const paths = monolithNeeded.map((name) => closure.pathTo(name).join(' → ')).join(', ');
    steps.push({
      step: 'isolation',
      ok: false,
      detail: `the static closure of ${domain} needs ${monolithNeeded.join(', ')} (${paths}); assembling without ${monolithNeeded.length === 1 ? 'it' : 'them'}`,
    });
    say(
      `isolation: ${domain} needs ${monolithNeeded.join(', ')} (${paths}); assembling without ${monolithNeeded.length === 1 ? 'it' : 'them'} to show what breaks`,
    );
  }
  const code = closure.projects.filter((name) => !isMonolith(name));
  const tooling = deepTooling(graph, code, isMonolith);
  const assembled = [...code, ...tooling]
    .map((name) => byName.get(name))
    .filter((project): project is WorkspaceProject => project !== undefined);
  const workspace = mkdtempSync(join(tmpdir(), `asw-deep-${domain}-`));
  if (!relative(root, workspace).startsWith('..'))
    throw new SplitGateError('ASW-1209', `the temporary folder ${workspace} is inside the repository: set TMPDIR to a folder outside it`);
  const finish = (ok: boolean, summary: string): DeepResult => {
    if (options.keep) say(`kept the temporary workspace at ${workspace}`);
    else rmSync(workspace, { recursive: true, force: true });
    return { domain, ok, summary, assembled: assembled.map((project) => project.name), monolithNeeded, steps };
  };
  const needs = monolithNeeded.length > 0 ? `${domain} needs ${monolithNeeded.join(', ')} of the monolith` : '';
  // NODE_PATH (set by pnpm's bin shims) would let the tools resolve packages from the repository;
  // `pnpm -s gate` sets a silent reporter that would hide why an install failed.
  const { NODE_PATH: _nodePath, npm_config_loglevel: _logLevel, npm_config_reporter: _reporter, ...inherited } = process.env;
  const run = (
    step: string,
    command: string,
    args: readonly string[],
    label = [command, ...args].join(' '),
    explain: (output: string) => string | undefined = () => undefined,
  ): boolean => {
    say(`${step}: ${label}`);
    const result = spawnSync(command, args, {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...inherited, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', CI: 'true' },
      timeout: options.timeoutMs ?? 20 * 60 * 1000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    const ok = result.status === 0;
    const why = ok ? undefined : explain(output);
    steps.push({ step, ok, detail: ok ? `${label} passed` : `${label} failed: ${tail(output)}${why ? ` — ${why}` : ''}` });
    say(`${step}: ${ok ? 'ok' : `failed: ${tail(output, 3)}`}`);
    if (why) say(`${step}: ${why}`);
    return ok;
  };

  say(`assembling ${assembled.map((project) => project.name).join(', ')} in ${workspace}`);
  const {
    droppedImplicitDependencies: dropped,
    unassembledWorkspaceDependencies: unassembled,
    droppedPlugins,
  } = assembleWorkspace(root, workspace, assembled);
  const implicitNote =
    (dropped.length > 0 ? `; left out implicit (integration) dependencies ${dropped.join(', ')}` : '') +
    (droppedPlugins.length > 0 ? `; left out the nx.json plugins of tooling not assembled: ${droppedPlugins.join(', ')}` : '');
  if (dropped.length > 0) say(`left out implicit dependencies on projects not assembled (integration, not code): ${dropped.join(', ')}`);
  if (droppedPlugins.length > 0)
    say(`left out nx.json plugins whose files were not assembled (tooling, not code): ${droppedPlugins.join(', ')}`);
  steps.push({
    step: 'assemble',
    ok: true,
    detail: `copied ${assembled.map((project) => project.root).join(', ')} and the root configuration${implicitNote}`,
  });

  if (unassembled.length > 0) {
    const detail = `the assembled manifests depend on workspace packages that were not assembled: ${unassembled.join(', ')}; pnpm cannot install them (a frozen install would leave the links dangling)`;
    steps.push({ step: 'install', ok: false, detail });
    say(`install: refused: ${detail}`);
    return finish(false, `${needs ? `${needs}: ` : ''}${domain} and its closure cannot even install on their own (${detail})`);
  }
  const pnpm = pnpmCommand();
  const storeDir = pnpmStoreDir(root);
  say(
    `install: from the lockfile pruned to the ${assembled.length} assembled projects, with no resolution and no network: every package comes from the pnpm store the repository's install filled (${storeDir ?? "pnpm's default store"})`,
  );
  const install = offlineInstallArgs(storeDir);
  if (!run('install', pnpm.command, [...pnpm.args, ...install], `pnpm ${install.join(' ')}`, explainInstallFailure)) {
    return finish(
      false,
      `${needs ? `${needs}: ` : ''}${domain} and its closure cannot even install on their own (${steps.at(-1)?.detail})`,
    );
  }

  const docs = own
    .map((project) => [readIfExists(join(root, project.root, 'README.md')), readIfExists(join(root, project.root, 'AGENTS.md'))])
    .flat();
  const names = own.map((project) => project.name);
  let commands = [...new Set(documentedCommands(docs, names).map((command) => command.command))];
  if (commands.length === 0) {
    const targets = defaultTargets.filter((target) => own.every((project) => target in project.targets));
    commands = [`pnpm nx run-many -t ${targets.join(' ')} -p ${names.join(',')}`];
    say(`no validation commands documented in README.md/AGENTS.md; running ${commands[0]}`);
  }
  const nx = createRequire(join(workspace, 'package.json')).resolve('nx/bin/nx.js');
  let passed = 0;
  for (const command of commands) {
    const args = command
      .slice(command.search(/\bnx\s/) + 3)
      .trim()
      .split(/\s+/);
    if (!run('validate', process.execPath, [nx, ...args, '--output-style=static'], command)) {
      const integration =
        dropped.length > 0
          ? `; the implicit dependencies ${dropped.join(', ')} were left out: if this is an integration test that needs them, document it as one and keep it out of the validation commands`
          : '';
      return finish(
        false,
        `${needs ? `${needs}: ` : ''}\`${command}\` fails in a workspace with only ${assembled.map((project) => project.name).join(', ')} (${steps.at(-1)?.detail})${integration}`,
      );
    }
    passed += 1;
  }
  if (needs)
    return finish(
      false,
      `${needs}; without ${monolithNeeded.length === 1 ? 'it' : 'them'} the ${passed} validation command${passed === 1 ? '' : 's'} still passed, so the dependency is declared but unused: remove it`,
    );
  return finish(
    true,
    `${domain} builds and validates without the monolith: ${assembled.map((project) => project.name).join(', ')} assembled in a temporary workspace, installed from the pruned lockfile and the local store (pnpm install --frozen-lockfile --offline), ${passed} validation command${passed === 1 ? '' : 's'} passed (${commands.map((command) => `\`${command}\``).join(', ')})`,
  );
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
