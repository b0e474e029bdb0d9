/**
 * Legacy `alphaswarm.llm.ollama_client` import path, kept by the repository split.
 *
 * @deprecated Import from `@alphaswarm/models/serving` instead.
 * @packageDocumentation
 */
import { warnDeprecatedImport } from '../internal/warn-deprecated-import.js';

warnDeprecatedImport('ASWDEP004', '@alphaswarm/monolith/llm/ollama-client', '@alphaswarm/models/serving');

export {
  /** @deprecated Import from `@alphaswarm/models/serving` instead. */
  OllamaClient,
  /** @deprecated Import from `@alphaswarm/models/serving` instead. */
  ServingError,
  /** @deprecated Import from `@alphaswarm/models/serving` instead. */
  servingBackend,
} from '@alphaswarm/models/serving';
export type {
  /** @deprecated Import from `@alphaswarm/models/serving` instead. */
  ChatClient,
  /** @deprecated Import from `@alphaswarm/models/serving` instead. */
  ChatTurn,
  /** @deprecated Import from `@alphaswarm/models/serving` instead. */
  GenerateResult,
  /** @deprecated Import from `@alphaswarm/models/serving` instead. */
  ServingClientOptions,
} from '@alphaswarm/models/serving';
