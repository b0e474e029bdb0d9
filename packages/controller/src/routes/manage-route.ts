import type { Action, Principal, TenantResource } from '@alphaswarm/core';
import type { z } from 'zod';
import type { ControlPlane } from '../lifecycle/control-plane.js';

/** HTTP methods the manage API uses. */
export type ManageMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a route handler gets besides its validated input. */
export interface ManageRouteContext {
  readonly principal: Principal;
  readonly controlPlane: ControlPlane;
  /** Core's resource filter for one resource: throws a 404 when `principal` may not see it. */
  readonly requireVisible: <R extends TenantResource>(resource: R | undefined) => R;
}

/** The success response of a route: its status and, unless 204, a published wire model. */
export interface ManageRouteSuccess<R extends z.ZodType | undefined> {
  readonly status: 200 | 201 | 204;
  readonly description: string;
  readonly schema: R;
}

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;
type Result<R> = R extends z.ZodType ? z.input<R> : void;

/** One manage API route as declared: the single source of the server's behaviour and the OpenAPI document. */
export interface ManageRouteDefinition<P extends z.ZodObject | undefined, B extends z.ZodType | undefined, R extends z.ZodType | undefined> {
  readonly method: ManageMethod;
  /** OpenAPI path template, e.g. `/manage/workloads/{workloadId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: 'session' | 'workloads' | 'control';
  /** The action core's auth filter checks before anything else. */
  readonly action: Action;
  readonly params: P;
  readonly body: B;
  readonly success: ManageRouteSuccess<R>;
  /** True when the route can answer 409 (the request conflicts with current state). */
  readonly conflicts?: boolean;
  handle(input: { params: Infer<P>; body: Infer<B> }, context: ManageRouteContext): Promise<Result<R>>;
}

/** A declared route with its types erased, as the server and the document builder see it. */
export interface ManageRoute {
  readonly method: ManageMethod;
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  readonly action: Action;
  readonly params: z.ZodObject | undefined;
  readonly body: z.ZodType | undefined;
  readonly success: ManageRouteSuccess<z.ZodType | undefined>;
  readonly conflicts: boolean;
  handle(input: { params: unknown; body: unknown }, context: ManageRouteContext): Promise<unknown>;
}

/** Declare a route, typing its handler from its schemas. */
export function defineRoute<P extends z.ZodObject | undefined, B extends z.ZodType | undefined, R extends z.ZodType | undefined>(
  route: ManageRouteDefinition<P, B, R>,
): ManageRoute {
  return {
    ...route,
    conflicts: route.conflicts ?? false,
    // The server parses params and body with these same schemas before calling the handler.
    handle: (input, context) => route.handle(input as { params: Infer<P>; body: Infer<B> }, context),
  };
}
