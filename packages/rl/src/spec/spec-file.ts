import { ContentAddressSchema } from '@alphaswarm/core';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { RLError } from '../rl-error.js';
import { RLExperimentSpecSchema } from './rl-experiment-spec.js';
import { specLock, verifySpecLock, type LockedRLExperimentSpec } from './spec-lock.js';

const SpecFileSchema = z.strictObject({
  lock: ContentAddressSchema,
  spec: RLExperimentSpecSchema,
});

function parseYaml(text: string, file: string) {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) throw new RLError('ASW-302', `${file}: not valid YAML: ${document.errors[0]?.message}`);
  return document;
}

/**
 * Parse an RL spec file (`lock:` plus `spec:`) and verify its lock.
 *
 * @throws RLError ASW-302 for invalid YAML or an invalid spec, ASW-301 when the lock does not match.
 */
export function parseSpecFile(text: string, file: string): LockedRLExperimentSpec {
  const parsed = SpecFileSchema.safeParse(parseYaml(text, file).toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RLError('ASW-302', `${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return verifySpecLock(parsed.data, file);
}

/**
 * Set a spec file's `lock:` to the hash of its current `spec:`, keeping comments and layout.
 * This is the deliberate act that approves a changed spec.
 *
 * @throws RLError ASW-302 when the file does not hold a valid spec.
 */
export function relockSpecFile(text: string, file: string): string {
  const document = parseYaml(text, file);
  const spec = RLExperimentSpecSchema.safeParse((document.toJS() as { spec?: unknown } | null)?.spec);
  if (!spec.success) {
    const issue = spec.error.issues[0];
    throw new RLError('ASW-302', `${file}: spec.${issue?.path.join('.')}: ${issue?.message}`);
  }
  document.set('lock', specLock(spec.data));
  return document.toString();
}
