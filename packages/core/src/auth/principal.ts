import type { PrincipalId, TenantId } from '../ids.js';
import type { Role } from './role.js';

/** An authenticated caller: who it is, which tenant it acts for and the roles it holds there. */
export interface Principal {
  readonly id: PrincipalId;
  readonly tenantId: TenantId;
  readonly roles: readonly Role[];
}
