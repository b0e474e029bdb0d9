import { spawnSync } from 'node:child_process';
import { CiError } from '../ci-error.js';

/** Run git in `root` and return its trimmed stdout, or `undefined` when git exits non-zero. */
export function git(root: string, args: readonly string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The commit a ref names, or a CiError naming the ref and the fix. */
export function commitOf(root: string, ref: string, flag: string): string {
  const commit = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (commit === undefined || commit === '') {
    throw new CiError(
      'ASW-962',
      `${flag} ${ref} is not a commit of this repository: fetch it (CI checkouts need \`fetch-depth: 0\`) or pass another ref`,
    );
  }
  return commit;
}
