import { contentAddressOfJson, type ContentAddress } from '@alphaswarm/core';
import { RLError } from '../rl-error.js';
import type { RLExperimentSpec } from './rl-experiment-spec.js';

/** A spec together with the lock it was approved under. */
export interface LockedRLExperimentSpec {
  readonly spec: RLExperimentSpec;
  /** The content address of the spec's canonical JSON. */
  readonly lock: string;
}

/** The lock of a spec: the content address of its canonical JSON (RFC 8785). */
export function specLock(spec: RLExperimentSpec): ContentAddress {
  return contentAddressOfJson(spec);
}

/** Lock a spec as it is now. */
export function lockSpec(spec: RLExperimentSpec): LockedRLExperimentSpec {
  return { spec, lock: specLock(spec) };
}

/**
 * Refuse a spec whose content no longer matches its lock, showing both hashes; returns the spec
 * unchanged when it matches.
 *
 * @throws RLError ASW-301 on a mismatch.
 */
export function verifySpecLock(locked: LockedRLExperimentSpec, source = `experiment "${locked.spec.name}"`): LockedRLExperimentSpec {
  const actual = specLock(locked.spec);
  if (actual !== locked.lock) {
    throw new RLError(
      'ASW-301',
      `${source}: the spec does not match its lock (locked ${locked.lock}, spec hashes to ${actual}). Revert the change, or re-lock it on purpose with \`nx run rl:lock-specs\`.`,
    );
  }
  return locked;
}
