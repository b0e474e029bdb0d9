import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';

/** The repository this file lives in. */
export const repositoryRoot = join(import.meta.dirname, '../../../..');

/** What a command printed and how it ended. */
export interface Ran {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A `git clone` of the repository's HEAD in a temporary folder, installed, with a HOME of its own. */
export interface TempClone {
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  /** Run a command in the clone. */
  run(command: string, args: readonly string[]): Ran;
  /** The same, without blocking (for a few commands side by side). */
  runAsync(command: string, args: readonly string[]): Promise<Ran>;
  /** `pnpm <args>` in the clone (stdin not a terminal). */
  pnpm(args: readonly string[]): Ran;
  /** `node <root>/tools/ci/dist/cli/<cli>.js …`: what `pnpm affected` / `pnpm graph` run. */
  cli(cli: 'affected' | 'graph', args: readonly string[]): Ran;
  cliAsync(cli: 'affected' | 'graph', args: readonly string[]): Promise<Ran>;
  /** Rewrite files and commit them with `message`; returns the new commit. */
  commit(message: string, edits: Readonly<Record<string, (text: string) => string>>): string;
  /** `git rev-parse HEAD`. */
  head(): string;
  dispose(): void;
}

/** How to run pnpm: the pnpm that runs this process when pnpm launched it, else the pinned one through npx. */
function pnpm(): { command: string; args: string[] } {
  const execPath = process.env['npm_execpath'];
  if (execPath && basename(execPath).startsWith('pnpm')) {
    return /\.[cm]?js$/.test(execPath) ? { command: process.execPath, args: [execPath] } : { command: execPath, args: [] };
  }
  const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { packageManager: string };
  return { command: 'npx', args: ['-y', manifest.packageManager] };
}

/**
 * Clone the repository (committed files only) into a temporary folder with an empty HOME — so Nx's
 * task cache (`~/.nx/<repository id>`) starts cold, as on a fresh machine — and install it from the
 * lockfile and the store the repository's own install filled, offline. Then build tools/ci there.
 */
export function cloneRepository(): TempClone {
  const dir = mkdtempSync(join(tmpdir(), 'asw-ci-e2e-'));
  const root = join(dir, 'ws');
  const home = join(dir, 'home');
  mkdirSync(home);
  execFileSync('git', ['clone', '--quiet', repositoryRoot, root]);
  const {
    NODE_PATH: _nodePath,
    NX_BASE: _base,
    NX_HEAD: _head,
    GITHUB_OUTPUT: _output,
    GITHUB_ACTIONS: _actions,
    NX_CACHE_DIRECTORY: _cache,
    NX_WORKSPACE_DATA_DIRECTORY: _data,
    NX_SELF_HOSTED_REMOTE_CACHE_SERVER: _server,
    NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: _token,
    ...inherited
  } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    HOME: home,
    CI: 'true',
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    FORCE_COLOR: '0',
    GIT_AUTHOR_NAME: 'CI e2e',
    GIT_AUTHOR_EMAIL: 'ci-e2e@example.invalid',
    GIT_COMMITTER_NAME: 'CI e2e',
    GIT_COMMITTER_EMAIL: 'ci-e2e@example.invalid',
  };
  const tool = pnpm();
  const store = spawnSync(tool.command, [...tool.args, 'store', 'path'], { cwd: repositoryRoot, encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .at(-1)
    ?.trim();
  const storeArgs = store && isAbsolute(store) ? ['--store-dir', store] : [];
  execFileSync(tool.command, [...tool.args, 'install', '--frozen-lockfile', '--offline', ...storeArgs], { cwd: root, env, stdio: 'pipe' });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tools/ci/tsconfig.lib.json'], {
    cwd: root,
    env,
    stdio: 'pipe',
  });
  const options = { cwd: root, env, encoding: 'utf8' as const, maxBuffer: 256 * 1024 * 1024 };
  const run = (command: string, args: readonly string[]): Ran => {
    const result = spawnSync(command, args, options);
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  const runAsync = (command: string, args: readonly string[]): Promise<Ran> =>
    new Promise((resolve) => {
      const child = spawn(command, args, { cwd: root, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
    });
  const cliPath = (cli: string) => join(root, `tools/ci/dist/cli/${cli}.js`);
  return {
    root,
    env,
    run,
    runAsync,
    pnpm: (args) => run(tool.command, [...tool.args, ...args]),
    cli: (cli, args) => run(process.execPath, [cliPath(cli), ...args]),
    cliAsync: (cli, args) => runAsync(process.execPath, [cliPath(cli), ...args]),
    commit(message, edits) {
      for (const [file, edit] of Object.entries(edits)) {
        const path = join(root, file);
        let text = '';
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          mkdirSync(dirname(path), { recursive: true });
        }
        writeFileSync(path, edit(text));
      }
      execFileSync('git', ['add', '-A'], { cwd: root, env });
      execFileSync('git', ['commit', '--quiet', '--no-verify', '-m', message], { cwd: root, env });
      return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, env, encoding: 'utf8' }).trim();
    },
    head: () => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, env, encoding: 'utf8' }).trim(),
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
