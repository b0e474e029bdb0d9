/**
 * The control plane (`alphaswarm_controller`): the `/manage/*` API, workload lifecycle, provider
 * adapters, and the session and control API.
 *
 * @packageDocumentation
 */
export { MANAGE_PREFIX, isManagePath } from './manage-path.js';
export { ControlPlane } from './lifecycle/control-plane.js';
export type { ControlPlaneOptions } from './lifecycle/control-plane.js';
export { InProcessWorkloadProvider } from './providers/in-process-workload-provider.js';
export { createManageServer } from './server/create-manage-server.js';
export type { ManageServerOptions } from './server/create-manage-server.js';
export { registerManageApi, toFastifyPath } from './server/manage-api-plugin.js';
export type { ManageApiOptions } from './server/manage-api-plugin.js';
export { ManageApiError } from './server/manage-api-error.js';
export type { FieldIssue } from './server/manage-api-error.js';
export { IDENTITY_HEADERS, identifyPrincipal } from './server/identify-principal.js';
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
export { serve } from './cli/serve.js';
export type { RunningController } from './cli/serve.js';
export type { ServeArgs } from './cli/parse-serve-args.js';
