/**
 * Legacy `alphaswarm.ml.*` import path, kept by the repository split.
 *
 * @deprecated Import from `@alphaswarm/models` instead.
 * @packageDocumentation
 */
import { warnDeprecatedImport } from '../internal/warn-deprecated-import.js';

warnDeprecatedImport('ASWDEP002', '@alphaswarm/monolith/ml', '@alphaswarm/models');

export {
  /** @deprecated Import from `@alphaswarm/models` instead. */
  walkForwardWindows,
} from '@alphaswarm/models';
export type {
  /** @deprecated Import from `@alphaswarm/models` instead. */
  WalkForwardOptions,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  WalkForwardWindow,
} from '@alphaswarm/models';
