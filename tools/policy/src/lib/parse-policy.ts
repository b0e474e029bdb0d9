import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyError } from './policy-error.js';
import { policySchema, type Policy } from './policy-schema.js';
import { validatePolicy } from './validate-policy.js';

/** Where the policy lives, relative to the workspace root. */
export const POLICY_PATH = 'tools/policy/policy.json';

/** Parse and check a policy: its shape (schema) and its meaning (validatePolicy). */
export function parsePolicy(data: unknown, source = POLICY_PATH): Policy {
  const result = policySchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new PolicyError('ASW-001', `${source} does not match the policy schema:\n${issues.join('\n')}`);
  }
  const problems = validatePolicy(result.data);
  if (problems.length > 0) {
    throw new PolicyError('ASW-002', `${source} is inconsistent:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  return result.data;
}

/** Read the workspace's policy file. */
export function loadPolicy(workspaceRoot: string): Policy {
  const file = join(workspaceRoot, POLICY_PATH);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PolicyError('ASW-003', `${POLICY_PATH} not found under ${workspaceRoot}: run from the workspace root`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PolicyError('ASW-001', `${POLICY_PATH} is not valid JSON: ${(error as Error).message}`);
  }
  return parsePolicy(data, POLICY_PATH);
}
