import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is calling, for which tenant, as every runtime call sees it. */
export interface RequestContextInit {
  readonly requestId: string;
  readonly tenantId: string;
  readonly principal: string;
  readonly roles?: readonly string[];
}

const storage = new AsyncLocalStorage<RequestContext>();

/** `RequestContext`: the caller of the current unit of work, carried across async calls. */
export class RequestContext {
  readonly requestId: string;
  readonly tenantId: string;
  readonly principal: string;
  readonly roles: readonly string[];

  constructor(init: RequestContextInit) {
    for (const key of ['requestId', 'tenantId', 'principal'] as const) {
      if (!init[key]) throw new TypeError(`RequestContext: ${key} is required`);
    }
    this.requestId = init.requestId;
    this.tenantId = init.tenantId;
    this.principal = init.principal;
    this.roles = Object.freeze([...(init.roles ?? [])]);
    Object.freeze(this);
  }

  hasRole(role: string): boolean {
    return this.roles.includes(role);
  }

  /** Run `fn` with this context as the current one. */
  run<T>(fn: () => T): T {
    return storage.run(this, fn);
  }

  /** The context of the unit of work in progress; throws outside of one. */
  static current(): RequestContext {
    const context = storage.getStore();
    if (!context) throw new Error('RequestContext.current() called outside RequestContext.run()');
    return context;
  }

  static tryCurrent(): RequestContext | undefined {
    return storage.getStore();
  }
}
