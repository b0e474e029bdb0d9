import { CiError } from '../ci-error.js';
import { commitOf, git } from './git.js';

/** What `pnpm affected` compares: a base commit and a head commit, or the working tree. */
export interface CommitRange {
  /** The base as given (a ref) or derived. */
  readonly base: string;
  /** Where the base came from, for people: `--base`, `NX_BASE` or `the merge base with main`. */
  readonly baseSource: string;
  /** The head as given, or `undefined` for the working tree (uncommitted and untracked files included, as Nx does). */
  readonly head: string | undefined;
  readonly headSource: string;
  /** The commit changes are counted from: the merge base of base and head (what Nx diffs against). */
  readonly mergeBase: string;
}

/** The inputs of {@link resolveRange}. */
export interface RangeOptions {
  readonly base?: string | undefined;
  readonly head?: string | undefined;
  /** `process.env` or a stand-in: `NX_BASE` and `NX_HEAD` are read from it. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The default branch whose merge base is the last resort for the base. */
  readonly defaultBranch?: string;
}

/**
 * Resolve `--base`/`--head` the way the workspace documents them: each flag first, then `NX_BASE` /
 * `NX_HEAD` (what `nrwl/nx-set-shas` sets in CI), then the merge base of HEAD with the default
 * branch (`main`, or `origin/main` in a checkout without a local main) and the working tree.
 */
export function resolveRange(root: string, options: RangeOptions): CommitRange {
  const branch = options.defaultBranch ?? 'main';
  const env = (name: string): string | undefined => {
    const value = options.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const head = options.head ?? env('NX_HEAD');
  const headSource = options.head !== undefined ? '--head' : head !== undefined ? 'NX_HEAD' : 'the working tree';
  const headCommit = head === undefined ? 'HEAD' : commitOf(root, head, headSource);
  let base = options.base ?? env('NX_BASE');
  let baseSource = options.base !== undefined ? '--base' : 'NX_BASE';
  if (base === undefined) {
    const candidate = [branch, `origin/${branch}`].find((ref) => git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]));
    if (candidate === undefined) {
      throw new CiError(
        'ASW-962',
        `no --base given, NX_BASE is unset and neither ${branch} nor origin/${branch} exists: pass --base=<ref> (in CI, nrwl/nx-set-shas sets NX_BASE)`,
      );
    }
    base = candidate;
    baseSource = `the merge base with ${candidate}`;
  }
  const baseCommit = commitOf(root, base, baseSource);
  const mergeBase = git(root, ['merge-base', baseCommit, headCommit]);
  if (mergeBase === undefined || mergeBase === '') {
    throw new CiError('ASW-962', `${base} and ${head ?? 'HEAD'} have no common history: pass a --base that the head descends from`);
  }
  return { base, baseSource, head, headSource, mergeBase };
}
