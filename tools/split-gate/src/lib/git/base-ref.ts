import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseRef } from '../gate/gate-facts.js';

function git(root: string, args: readonly string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** nx.json's `defaultBase` (the branch `nx affected` compares with), `main` when it names none. */
export function defaultBase(root: string): string {
  try {
    const nx = JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8')) as { defaultBase?: unknown };
    return typeof nx.defaultBase === 'string' ? nx.defaultBase : 'main';
  } catch {
    return 'main';
  }
}

/**
 * The commit the contracts criterion compares API reports with: `requested` when given (any ref
 * git knows), otherwise the merge base of HEAD with the default branch (local, then
 * `origin/<branch>`). When there is none the criterion cannot judge, and says why.
 */
export function resolveBase(root: string, requested: string | undefined): BaseRef {
  if (git(root, ['rev-parse', '--git-dir']) === undefined) {
    return {
      error: `${root} is not a git checkout, so there is no base to compare the API reports with: run the gate in the repository's clone`,
    };
  }
  if (requested !== undefined) {
    const commit = git(root, ['rev-parse', '--verify', '--quiet', `${requested}^{commit}`])?.trim();
    return commit ? { ref: requested, commit } : { error: `--base ${requested} is not a commit git knows: pass a branch, tag or commit` };
  }
  const branch = defaultBase(root);
  for (const candidate of [branch, `origin/${branch}`]) {
    if (git(root, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]) === undefined) continue;
    const commit = git(root, ['merge-base', 'HEAD', candidate])?.trim();
    if (commit) return { ref: candidate, commit };
  }
  return {
    error: `there is no ${branch} or origin/${branch} branch to compare the API reports with (a shallow or single-branch clone?): fetch it, or pass --base <ref>`,
  };
}

/** A file's text at a commit, `undefined` when it does not exist there. */
export function fileAt(root: string, commit: string, path: string): string | undefined {
  return git(root, ['show', `${commit}:${path}`]);
}
