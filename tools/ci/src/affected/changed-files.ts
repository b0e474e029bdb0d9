import { git } from './git.js';
import type { CommitRange } from './resolve-range.js';

/** One changed file, workspace-relative with forward slashes. */
export interface ChangedFile {
  readonly file: string;
  /** `added`, `modified` or `deleted` (renames count as a deletion and an addition, as Nx counts them). */
  readonly change: 'added' | 'modified' | 'deleted';
}

const changeOf = (status: string): ChangedFile['change'] =>
  status.startsWith('A') ? 'added' : status.startsWith('D') ? 'deleted' : 'modified';

/**
 * The files that differ between the range's merge base and its head — or, with no head, the working
 * tree including untracked files — sorted by path: the same set `nx affected` reads.
 */
export function changedFiles(root: string, range: CommitRange): ChangedFile[] {
  const diff =
    git(root, [
      'diff',
      '--name-status',
      '--no-renames',
      '--relative',
      range.mergeBase,
      ...(range.head === undefined ? [] : [range.head]),
    ]) ?? '';
  const files = new Map<string, ChangedFile>();
  for (const line of diff.split('\n').filter(Boolean)) {
    const [status = 'M', file = ''] = line.split('\t');
    files.set(file, { file, change: changeOf(status) });
  }
  if (range.head === undefined) {
    for (const file of (git(root, ['ls-files', '--others', '--exclude-standard']) ?? '').split('\n').filter(Boolean)) {
      files.set(file, { file, change: 'added' });
    }
  }
  return [...files.values()].sort((a, b) => a.file.localeCompare(b.file));
}
