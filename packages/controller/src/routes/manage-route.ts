import type { Action, Principal, TenantResource } from '@alphaswarm/core';
import type { z } from 'zod';
import type { ControlPlane } from '../lifecycle/control-plane.js';

/** HTTP methods the manage API uses. */
export type ManageMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a route handler gets besides its validated input. */
export interface ManageRouteContext {
  /** The caller, as core's auth filter accepted it. */
  readonly principal: Principal;
  /** The state and lifecycle the handler acts on. */
  readonly controlPlane: ControlPlane;
  /** How the caller was identified. */
  readonly authenticatedBy: 'bearer-token' | 'identity-headers';
  /** Core's resource filter for one resource: throws a 404 when `principal` may not see it. */
  readonly requireVisible: <R extends TenantResource>(resource: R | undefined) => R;
}

/** The success response of a route: its status and, unless 204, a published wire model. */
export interface ManageRouteSuccess<R extends z.ZodType | undefined> {
  /** The HTTP status of success. */
  readonly status: 200 | 201 | 204;
  /** The response's description in the OpenAPI document. */
  readonly description: string;
  /** The response body's wire model; `undefined` for 204. */
  readonly schema: R;
}

/** What a route handler receives for a schema slot: the parsed value, or `undefined` without a schema. */
export type RouteInput<S> = S extends z.ZodType ? z.output<S> : undefined;
/** What a route handler returns for its success schema: the body, or nothing for 204. */
export type RouteResult<R> = R extends z.ZodType ? z.input<R> : void;

/** One manage API route as declared: the single source of the server's behaviour and the OpenAPI document. */
export interface ManageRouteDefinition<
  P extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | undefined,
  Q extends z.ZodObject | undefined = undefined,
> {
  /** The HTTP method. */
  readonly method: ManageMethod;
  /** OpenAPI path template, e.g. `/manage/workloads/{workloadId}`. */
  readonly path: string;
  /** The OpenAPI operationId, also the generated client's operation name. */
  readonly operationId: string;
  /** One line for the OpenAPI document. */
  readonly summary: string;
  /** The OpenAPI tag grouping the route. */
  readonly tag: 'session' | 'workloads' | 'control';
  /** The action core's auth filter checks before anything else. */
  readonly action: Action;
  /** Path parameters, as a zod object; `undefined` when the path has none. */
  readonly params: P;
  /** The request body's wire model; `undefined` when the route takes none. */
  readonly body: B;
  /** Query parameters, as a zod object of optional fields; omitted when the route takes none. */
  readonly query?: Q;
  /** The success response. */
  readonly success: ManageRouteSuccess<R>;
  /** True when the route can answer 409 (the request conflicts with current state). */
  readonly conflicts?: boolean;
  /** Do the work, after every filter and validation passed. */
  handle(input: { params: RouteInput<P>; body: RouteInput<B>; query: RouteInput<Q> }, context: ManageRouteContext): Promise<RouteResult<R>>;
}

/** A declared route with its types erased, as the server and the document builder see it. */
export interface ManageRoute {
  /** See {@link ManageRouteDefinition.method}. */
  readonly method: ManageMethod;
  /** See {@link ManageRouteDefinition.path}. */
  readonly path: string;
  /** See {@link ManageRouteDefinition.operationId}. */
  readonly operationId: string;
  /** See {@link ManageRouteDefinition.summary}. */
  readonly summary: string;
  /** See {@link ManageRouteDefinition.tag}. */
  readonly tag: string;
  /** See {@link ManageRouteDefinition.action}. */
  readonly action: Action;
  /** See {@link ManageRouteDefinition.params}. */
  readonly params: z.ZodObject | undefined;
  /** See {@link ManageRouteDefinition.body}. */
  readonly body: z.ZodType | undefined;
  /** See {@link ManageRouteDefinition.query}. */
  readonly query: z.ZodObject | undefined;
  /** See {@link ManageRouteDefinition.success}. */
  readonly success: ManageRouteSuccess<z.ZodType | undefined>;
  /** See {@link ManageRouteDefinition.conflicts}. */
  readonly conflicts: boolean;
  /** The handler, taking input the server has already parsed with the route's schemas. */
  handle(input: { params: unknown; body: unknown; query: unknown }, context: ManageRouteContext): Promise<unknown>;
}

/** Declare a route, typing its handler from its schemas. */
export function defineRoute<
  P extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | undefined,
  Q extends z.ZodObject | undefined = undefined,
>(route: ManageRouteDefinition<P, B, R, Q>): ManageRoute {
  return {
    ...route,
    query: route.query,
    conflicts: route.conflicts ?? false,
    // The server parses params, query and body with these same schemas before calling the handler.
    handle: (input, context) => route.handle(input as { params: RouteInput<P>; body: RouteInput<B>; query: RouteInput<Q> }, context),
  };
}
