/**
 * The control plane (`alphaswarm_controller`): the `/manage/*` API, workload lifecycle over a
 * durable PostgreSQL store, provider adapters, and the session and control API.
 *
 * @packageDocumentation
 */
export { MANAGE_PREFIX, isManagePath } from './manage-path.js';
export { ControlPlane } from './lifecycle/control-plane.js';
export type { ControlPlaneOptions, ReconcileReport } from './lifecycle/control-plane.js';
export { silentLogger } from './lifecycle/control-plane-logger.js';
export type { ControlPlaneLogger } from './lifecycle/control-plane-logger.js';
export type {
  ControlStore,
  AuditRecord,
  InsertOutcome,
  SessionRecord,
  TransitionOutcome,
  TransitionRecord,
} from './store/control-store.js';
export { openStore } from './store/open-store.js';
export { StoreOpenError } from './store/store-open-error.js';
export { describeStoreLocation } from './store/store-location.js';
export type { StoreLocation } from './store/store-location.js';
export { InProcessWorkloadProvider } from './providers/in-process-workload-provider.js';
export { LOCAL_IMAGE_PREFIX, LocalProcessWorkloadProvider } from './providers/local-process-workload-provider.js';
export type { LocalProcessProviderOptions } from './providers/local-process-workload-provider.js';
export { createManageServer } from './server/create-manage-server.js';
export type { LogLevel, ManageServer, ManageServerOptions } from './server/create-manage-server.js';
export { ACCEPTED_CONTENT_TYPE, registerManageApi, toFastifyPath } from './server/manage-api-plugin.js';
export type { ManageApiOptions, ManageAuthOptions } from './server/manage-api-plugin.js';
export { ManageApiError } from './server/manage-api-error.js';
export type { FieldIssue } from './server/manage-api-error.js';
export { IDENTITY_HEADERS, identifyPrincipal } from './auth/identify-principal.js';
export { TOKEN_CLAIMS, createJwtVerifier } from './auth/jwt-verifier.js';
export type { JwtOptions, TokenVerifier } from './auth/jwt-verifier.js';
export { loadJwtKey } from './auth/load-jwt-key.js';
export { manageRoutes } from './routes/manage-routes.js';
export { defineRoute } from './routes/manage-route.js';
export type {
  ManageMethod,
  ManageRoute,
  ManageRouteContext,
  ManageRouteDefinition,
  ManageRouteSuccess,
  RouteInput,
  RouteResult,
} from './routes/manage-route.js';
export { GENERATE_OPENAPI_COMMAND, buildManageOpenApi, renderManageOpenApi } from './openapi/build-manage-openapi.js';
export type { OpenApiDocument } from './openapi/build-manage-openapi.js';
export { MANAGE_API_VERSION } from './openapi/manage-api-version.js';
export { isLoopback, serve } from './cli/serve.js';
export type { RunningController, ServeOptions } from './cli/serve.js';
export { LOG_LEVELS, PROVIDERS } from './cli/parse-serve-args.js';
export type { ServeArgs } from './cli/parse-serve-args.js';
