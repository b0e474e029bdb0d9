import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { offlineInstallArgs, pnpmCommand, pnpmStoreDir } from '../lib/deep/pnpm-command.js';

/** The repository this test file lives in. */
export const repositoryRoot = join(import.meta.dirname, '../../../..');

/** A copy of the repository's files (tracked and new, nothing ignored) in a temporary folder, installed from its lockfile and the local store. */
export interface TempWorkspace {
  readonly root: string;
  /** The environment the CLIs run with there. */
  readonly env: NodeJS.ProcessEnv;
  /** Run one of the split-gate CLIs there (with `env` added to {@link env}). */
  cli(bin: 'boundaries' | 'gate', args: readonly string[], env?: NodeJS.ProcessEnv): { status: number; stdout: string; stderr: string };
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
  // NODE_PATH (set by pnpm's bin shims) would let Nx resolve imports into the real repository.
  const { NODE_PATH: _nodePath, ...inherited } = process.env;
  const env = { ...inherited, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', CI: 'true' };
  const pnpm = pnpmCommand();
  execFileSync(pnpm.command, [...pnpm.args, ...offlineInstallArgs(pnpmStoreDir(repositoryRoot))], { cwd: root, env, stdio: 'pipe' });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tools/split-gate/tsconfig.lib.json'], {
    cwd: root,
    env,
    stdio: 'pipe',
  });
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
