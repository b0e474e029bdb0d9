import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isolatedEnv } from '../lib/deep/isolated-env.js';
import { offlineInstallArgs, pnpmCommand, pnpmStoreDir } from '../lib/deep/pnpm-command.js';

/** The repository this test file lives in. */
export const repositoryRoot = join(import.meta.dirname, '../../../..');

/**
 * A copy of the repository's files (tracked and new, nothing ignored) in a temporary folder,
 * installed from its lockfile and the local store, committed on `main` of a git repository of its own.
 */
export interface TempWorkspace {
  readonly root: string;
  /** The environment the CLIs run with there. */
  readonly env: NodeJS.ProcessEnv;
  /** Run one of the split-gate CLIs there (with `env` added to {@link env}). */
  cli(bin: 'boundaries' | 'gate', args: readonly string[], env?: NodeJS.ProcessEnv): { status: number; stdout: string; stderr: string };
  /** Run the workspace's Nx there. */
  nx(args: readonly string[]): { status: number; output: string };
  read(file: string): string;
  write(file: string, text: string): void;
  remove(file: string): void;
  dispose(): void;
}

export function createTempWorkspace(): TempWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'asw-split-gate-e2e-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repositoryRoot, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    try {
      cpSync(join(repositoryRoot, file), join(root, file));
    } catch {
      // A tracked file deleted in the working tree is simply not part of the copy.
    }
  }
  // Nothing that ties the copy back to the repository: NODE_PATH, the outer Nx task's variables.
  const env = isolatedEnv();
  const pnpm = pnpmCommand();
  execFileSync(pnpm.command, [...pnpm.args, ...offlineInstallArgs(pnpmStoreDir(repositoryRoot))], { cwd: root, env, stdio: 'pipe' });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tools/split-gate/tsconfig.lib.json'], {
    cwd: root,
    env,
    stdio: 'pipe',
  });
  // A repository of its own, its files committed on main: the contracts criterion compares API
  // reports with the merge base with main, and a change a test makes is then a change since it.
  const git = (...args: string[]): void =>
    void execFileSync('git', args, {
      cwd: root,
      env: {
        ...env,
        GIT_AUTHOR_NAME: 'e2e',
        GIT_AUTHOR_EMAIL: 'e2e@localhost',
        GIT_COMMITTER_NAME: 'e2e',
        GIT_COMMITTER_EMAIL: 'e2e@localhost',
      },
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'the workspace as copied');
  return {
    root,
    env,
    cli(bin, args, extra = {}) {
      const result = spawnSync(process.execPath, [join(root, `tools/split-gate/dist/bin/${bin}.js`), ...args], {
        cwd: root,
        env: { ...env, ...extra },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    },
    nx(args) {
      const result = spawnSync(
        process.execPath,
        [createRequire(join(root, 'package.json')).resolve('nx/bin/nx.js'), ...args, '--output-style=static'],
        {
          cwd: root,
          env,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
    },
    read(file) {
      return readFileSync(join(root, file), 'utf8');
    },
    write(file, text) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    },
    remove(file) {
      rmSync(join(root, file), { force: true });
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
