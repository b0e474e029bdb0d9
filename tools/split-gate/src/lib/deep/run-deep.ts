import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Policy } from '@alphaswarm/policy';
import { requiredTargets } from '../gate/check-docs.js';
import { runNxTasks, succeeded } from '../nx/run-nx-tasks.js';
import { SplitGateError } from '../split-gate-error.js';
import type { WorkspaceGraph } from '../workspace-graph.js';
import { assembleWorkspace } from './assemble-workspace.js';
import { assemblyPlan } from './assembly-plan.js';
import { deepFingerprint } from './deep-fingerprint.js';
import type { DeepRecord, DeepStep } from './deep-record.js';
import { explainInstallFailure } from './explain-install-failure.js';
import { isolatedEnv } from './isolated-env.js';
import { installOffline, offlineInstallArgs, pnpmStoreDir } from './pnpm-command.js';

export type { DeepStep } from './deep-record.js';

export interface DeepOptions {
  readonly keep: boolean;
  readonly progress: (line: string) => void;
  /** Per-command time limit in milliseconds. */
  readonly timeoutMs?: number;
}

/** The error line of a command's output, or its last meaningful lines, for a one-line detail. */
function tail(output: string, lines = 4): string {
  const meaningful = output
    .split('\n')
    .map((line) => stripVTControlCharacters(line).trim())
    .filter((line) => line.length > 0 && !/^[│╭╰─]/.test(line) && !line.startsWith('npm warn'));
  const error = meaningful.find((line) => /ERR_PNPM_|error TS\d+|^Error:|✖ \d+ problem|FAIL /.test(line));
  return error ?? meaningful.slice(-lines).join(' | ');
}

/**
 * Prove isolation for real: copy the domain and its static dependency closure (without any
 * domain:monolith project) plus the tooling its targets name into a temporary workspace outside
 * the repository, install it from its pruned lockfile and the local pnpm store (frozen, offline:
 * no registry, no metadata cache), and run every task of the domain's documented validation
 * commands there (lint, typecheck, build and test of each project at least). The temporary
 * workspace is removed afterwards unless `keep`. The record carries the fingerprint of what was
 * assembled, so `pnpm gate` can tell a fresh proof from a stale one.
 */
export function runDeep(root: string, policy: Policy, graph: WorkspaceGraph, domain: string, options: DeepOptions): DeepRecord {
  const say = (line: string): void => options.progress(`[deep ${domain}] ${line}`);
  const plan = assemblyPlan(root, policy, graph, domain);
  const fingerprint = deepFingerprint(root, plan);
  const assembledNames = plan.assembled.map((project) => project.name);
  const steps: DeepStep[] = [];
  const { monolithNeeded } = plan;
  if (monolithNeeded.length > 0) {
    const paths = monolithNeeded.map((name) => plan.closure.pathTo(name).join(' → ')).join(', ');
    steps.push({
      step: 'isolation',
      ok: false,
      detail: `the static closure of ${domain} needs ${monolithNeeded.join(', ')} (${paths}); assembling without ${monolithNeeded.length === 1 ? 'it' : 'them'}`,
    });
    say(
      `isolation: ${domain} needs ${monolithNeeded.join(', ')} (${paths}); assembling without ${monolithNeeded.length === 1 ? 'it' : 'them'} to show what breaks`,
    );
  }
  const workspace = mkdtempSync(join(tmpdir(), `asw-deep-${domain}-`));
  if (!relative(root, workspace).startsWith('..'))
    throw new SplitGateError('ASW-1209', `the temporary folder ${workspace} is inside the repository: set TMPDIR to a folder outside it`);
  const finish = (ok: boolean, summary: string): DeepRecord => {
    if (options.keep) say(`kept the temporary workspace at ${workspace}`);
    else rmSync(workspace, { recursive: true, force: true });
    return { version: 1, domain, fingerprint, ok, summary, assembled: assembledNames, monolithNeeded, steps };
  };
  const needs = monolithNeeded.length > 0 ? `${domain} needs ${monolithNeeded.join(', ')} of the monolith` : '';
  const env = isolatedEnv();

  say(`assembling ${assembledNames.join(', ')} in ${workspace}`);
  const {
    droppedReferences: dropped,
    unassembledWorkspaceDependencies: unassembled,
    droppedPlugins,
  } = assembleWorkspace(root, workspace, plan);
  const droppedNote =
    (dropped.length > 0 ? `; left out references to projects not assembled (integration, not code): ${dropped.join(', ')}` : '') +
    (droppedPlugins.length > 0 ? `; left out the nx.json plugins of tooling not assembled: ${droppedPlugins.join(', ')}` : '');
  if (dropped.length > 0) say(`left out references to projects not assembled (integration, not code): ${dropped.join(', ')}`);
  if (droppedPlugins.length > 0)
    say(`left out nx.json plugins whose files were not assembled (tooling, not code): ${droppedPlugins.join(', ')}`);
  steps.push({
    step: 'assemble',
    ok: true,
    detail: `copied ${plan.assembled.map((project) => project.root).join(', ')} and the root configuration${droppedNote}`,
  });

  if (unassembled.length > 0) {
    const detail = `the assembled manifests depend on workspace packages that were not assembled: ${unassembled.join(', ')}; pnpm cannot install them (a frozen install would leave the links dangling)`;
    steps.push({ step: 'install', ok: false, detail });
    say(`install: refused: ${detail}`);
    return finish(false, `${needs ? `${needs}: ` : ''}${domain} and its closure cannot even install on their own (${detail})`);
  }
  const storeDir = pnpmStoreDir(root);
  const install = offlineInstallArgs(storeDir);
  const label = `pnpm ${install.filter((arg) => arg !== '--store-dir' && arg !== storeDir).join(' ')}`;
  say(
    `install: ${label}, from the lockfile pruned to the ${plan.assembled.length} assembled projects and the pnpm store the repository's install filled (${storeDir ?? "pnpm's default store"})`,
  );
  const installed = installOffline(workspace, storeDir, { env, timeoutMs: options.timeoutMs ?? 20 * 60 * 1000 });
  if (!installed.ok) {
    const why = explainInstallFailure(installed.output);
    const detail = `${label} failed: ${tail(installed.output)}${why ? ` — ${why}` : ''}`;
    steps.push({ step: 'install', ok: false, detail });
    say(`install: ${detail}`);
    return finish(false, `${needs ? `${needs}: ` : ''}${domain} and its closure cannot even install on their own (${detail})`);
  }
  steps.push({ step: 'install', ok: true, detail: `${label} passed` });
  say('install: ok');

  const names = plan.own.map((project) => project.name);
  const tasks = plan.tasks;
  if (!plan.documented) say(`no validation commands documented in README.md/AGENTS.md; running ${requiredTargets.join(', ')}`);
  const nxBin = createRequire(join(workspace, 'package.json')).resolve('nx/bin/nx.js');
  const ids = [...new Set(tasks.map((task) => `${task.project}:${task.target}`))].sort();
  for (const project of names) {
    const targets = [...new Set(tasks.filter((task) => task.project === project).map((task) => task.target))];
    if (targets.length === 0) continue;
    const command = `nx run-many -t ${targets.join(' ')} -p ${project}`;
    say(`validate: ${command}`);
    const run = runNxTasks(workspace, ['run-many', '-t', ...targets, '-p', project], env, {
      nxBin,
      timeoutMs: options.timeoutMs ?? 30 * 60 * 1000,
    });
    const failed = targets.map((target) => `${project}:${target}`).filter((id) => !succeeded(run.results.get(id)));
    if (!run.ok || failed.length > 0) {
      const detail = `${command} failed (${failed.length > 0 ? failed.map((id) => `${id} ${run.results.get(id)?.status ?? 'did not run'}`).join(', ') : 'Nx exited with an error'}): ${tail(run.output)}`;
      steps.push({ step: 'validate', ok: false, detail });
      say(`validate: ${detail}`);
      const integration =
        dropped.length > 0
          ? `; the references ${dropped.join(', ')} were left out: if what fails is an integration test that needs them, move it into its own target and declare it in integrationTests of tools/policy/policy.json`
          : '';
      return finish(
        false,
        `${needs ? `${needs}: ` : ''}\`${command}\` fails in a workspace with only ${assembledNames.join(', ')} (${detail})${integration}`,
      );
    }
    steps.push({ step: 'validate', ok: true, detail: `${command} passed` });
    say('validate: ok');
  }
  if (needs) {
    return finish(
      false,
      `${needs}; without ${monolithNeeded.length === 1 ? 'it' : 'them'} the validation tasks still passed, so the dependency is declared but unused: remove it`,
    );
  }
  return finish(
    true,
    `${domain} builds and validates alone: ${assembledNames.join(', ')} assembled in an empty workspace, installed from the pruned lockfile offline, and ${ids.length} validation tasks passed there (${ids.join(', ')})`,
  );
}
