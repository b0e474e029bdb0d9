import { PolicyError } from '@alphaswarm/policy';
import type { MoveModuleGeneratorSchema } from '../schema.js';

/** The subpath `--legacy-export` names (`reward` → `./reward`), or undefined; refuses one that is not a package subpath (ASW-1331). */
export function legacyExportOf(schema: MoveModuleGeneratorSchema): string | undefined {
  if (schema.legacyExport === undefined || schema.legacyExport.trim() === '') return undefined;
  const requested = `./${schema.legacyExport.trim().replace(/^\.\//, '')}`;
  const segments = requested.slice(2).split('/');
  if (
    !/^\.\/[a-z0-9][a-z0-9._/-]*$/.test(requested) ||
    segments.some((segment) => segment === '..' || segment === '.' || segment === '') ||
    requested.endsWith('/')
  ) {
    throw new PolicyError(
      'ASW-1331',
      `--legacy-export=${schema.legacyExport} is not a package subpath; give one like ./reward (lowercase, no "..").`,
    );
  }
  return requested;
}
