import semver from 'semver';
import type { ApiSurfaceChange } from '@alphaswarm/api-report';

/** How far a version must move for an API change: `none`, `minor` (an addition) or `breaking`. */
export type ChangeKind = 'none' | 'minor' | 'breaking';

export function changeKind(change: ApiSurfaceChange): ChangeKind {
  if (change.removed.length > 0 || change.changed.length > 0) return 'breaking';
  return change.added.length > 0 ? 'minor' : 'none';
}

/**
 * The least version after `base` that a change of `kind` needs: a breaking change a major bump
 * (a minor one below 1.0, where the minor is the breaking digit), an addition a minor bump.
 * `undefined` when the change needs none or `base` is not semver.
 */
export function requiredVersion(base: string, kind: ChangeKind): string | undefined {
  if (kind === 'none' || semver.valid(base) === null) return undefined;
  const level = kind === 'breaking' && semver.major(base) >= 1 ? 'major' : 'minor';
  return semver.inc(base, level) ?? undefined;
}

/** Does `current` carry the bump `required` asks for? (A prerelease of the required version does not.) */
export function satisfiesBump(current: string, required: string): boolean {
  return semver.valid(current) !== null && semver.gte(current, required);
}
