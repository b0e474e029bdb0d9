import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rootFiles, type AssemblyPlan } from './assembly-plan.js';

/** Every `.js` file under `dir` but the end-to-end specs' helpers and the benchmark, sorted. */
function scripts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js') && !/^(e2e|bench)[\\/]/.test(file))
    .map((file) => join(dir, file))
    .sort();
}

/** The built code that performs a proof: this package's and the policy's (what `deep-proof` runs). */
function proofCode(): string[] {
  const own = fileURLToPath(new URL('../../', import.meta.url));
  const policy = dirname(createRequire(import.meta.url).resolve('@alphaswarm/policy'));
  return [...scripts(own), ...scripts(policy)];
}

/**
 * The fingerprint of what a deep proof of `plan` works on: the content of every file it copies
 * (the assembled projects' files as Nx lists them, the root configuration, the root manifest and
 * the lockfile it prunes), the proof's own built code, and Node's version. A proof is fresh while
 * the workspace fingerprints the same; any change to what it assembled makes it stale.
 */
export function deepFingerprint(root: string, plan: AssemblyPlan): string {
  const hash = createHash('sha256');
  const add = (label: string, path: string): void => {
    hash.update(`${label}\0${existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent'}\n`);
  };
  hash.update(`deep-proof v1 ${plan.domain} node ${process.version}\n`);
  for (const file of [...plan.projectFiles, ...rootFiles, 'package.json', 'pnpm-lock.yaml']) add(file, join(root, file));
  for (const file of proofCode()) add(relative(root, file).split('\\').join('/'), file);
  return hash.digest('hex');
}
