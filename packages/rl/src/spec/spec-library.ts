import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RLError } from '../rl-error.js';
import { parseSpecFile } from './spec-file.js';
import type { LockedRLExperimentSpec } from './spec-lock.js';

/** One problem found in the spec library. */
export interface SpecLibraryViolation {
  readonly file: string;
  readonly code: RLError['code'];
  readonly message: string;
}

/** A spec file as read from disk (or built in a test). */
export interface SpecSource {
  readonly file: string;
  readonly text: string;
}

/** The `*.yaml` files of a spec library folder, sorted by name. */
export function readSpecSources(dir: string): SpecSource[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Check every spec of a library: valid YAML and spec, lock matching, file named after the
 * experiment (`<name>.yaml`), no experiment name used twice. Returns every violation, `[]` when
 * the library is sound.
 */
export function validateSpecLibrary(sources: readonly SpecSource[]): SpecLibraryViolation[] {
  const violations: SpecLibraryViolation[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of sources) {
    let locked: LockedRLExperimentSpec;
    try {
      locked = parseSpecFile(text, file);
    } catch (error) {
      if (!(error instanceof RLError)) throw error;
      violations.push({ file, code: error.code, message: error.message });
      continue;
    }
    const { name } = locked.spec;
    if (basename(file) !== `${name}.yaml`) {
      violations.push({ file, code: 'ASW-302', message: `ASW-302 ${file}: holds experiment "${name}"; rename the file to ${name}.yaml` });
    }
    const other = seen.get(name);
    if (other) violations.push({ file, code: 'ASW-302', message: `ASW-302 ${file}: experiment "${name}" is already defined in ${other}` });
    seen.set(name, file);
  }
  return violations;
}

/**
 * Load every spec of a library folder, each with its lock verified.
 *
 * @throws RLError for the first violation found.
 */
export function loadSpecLibrary(dir: string): LockedRLExperimentSpec[] {
  const sources = readSpecSources(dir);
  const [first] = validateSpecLibrary(sources);
  if (first) throw new RLError(first.code, first.message.replace(/^ASW-\d+ /, ''));
  return sources.map(({ file, text }) => parseSpecFile(text, file));
}

/** The package's own spec library folder (`packages/rl/specs`), shipped with the package. */
export const specLibraryDir: string = fileURLToPath(new URL('../../specs', import.meta.url));
