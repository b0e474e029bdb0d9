/**
 * A self-hosted Nx remote cache server that cannot be poisoned: Nx's self-hosted cache API
 * (`GET`/`PUT /v1/cache/{hash}`), tokens with a scope each (`read` for pull requests,
 * `read-write` for the default branch), write-once entries stored whole or not at all.
 *
 * @packageDocumentation
 */
export { CacheServerError } from './cache-server-error.js';
export type { CacheServerErrorCode } from './cache-server-error.js';
export { MIN_TOKEN_LENGTH, TokenDefinitionSchema, TokenScopeSchema, TokensDocumentSchema } from './auth/tokens-schema.js';
export type { TokenDefinition, TokenScope, TokensDocument } from './auth/tokens-schema.js';
export { TokenRegistry } from './auth/token-registry.js';
export type { AccessToken, RegisteredToken } from './auth/token-registry.js';
export { parseTokens } from './auth/parse-tokens.js';
export { TOKENS_ENV, loadTokens } from './auth/load-tokens.js';
export type { CacheEntry, CacheStorage, StorageUsage, WriteOutcome } from './storage/cache-storage.js';
export { DirectoryStorage } from './storage/directory-storage.js';
export type { DirectoryStorageOptions } from './storage/directory-storage.js';
export { IncompleteUploadError } from './storage/incomplete-upload-error.js';
export { MAX_HASH_LENGTH, isValidHash } from './storage/is-valid-hash.js';
export { CACHE_ROUTE, LOG_LEVELS, createCacheServer } from './server/create-cache-server.js';
export type { CacheServerLogger, CacheServerOptions, LogLevel } from './server/create-cache-server.js';
export { DEFAULT_PORT, SERVE_USAGE, parseServeArgs } from './cli/parse-serve-args.js';
export type { ServeArgs } from './cli/parse-serve-args.js';
export { serve } from './cli/serve.js';
export type { RunningCacheServer, ServeContext } from './cli/serve.js';
export { CI_CACHE_WIRING, cacheScopeFor } from './ci/ci-cache-wiring.js';
export type { CiTrigger } from './ci/ci-cache-wiring.js';
