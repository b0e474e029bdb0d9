/**
 * Legacy `alphaswarm.rl.*` import path, kept by the repository split.
 *
 * @deprecated Import from `@alphaswarm/rl` instead.
 * @packageDocumentation
 */
import { warnDeprecatedImport } from '../internal/warn-deprecated-import.js';

warnDeprecatedImport('ASWDEP001', '@alphaswarm/monolith/rl', '@alphaswarm/rl');

export {
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  canonicalJson,
} from '@alphaswarm/rl';
