import { API_ERROR_CODES, parseId, PrincipalV1Schema, RoleV1Schema, type Principal } from '@alphaswarm/core';
import { z } from 'zod';
import { fieldIssues } from './field-issues.js';
import { ManageApiError } from './manage-api-error.js';

/** The request headers that carry the caller's identity, set by the authenticating gateway in front. */
export const IDENTITY_HEADERS = {
  tenant: 'x-alphaswarm-tenant',
  principal: 'x-alphaswarm-principal',
  roles: 'x-alphaswarm-roles',
} as const;

const missing = 'missing header (or given more than once)';
const identitySchema = z.object({
  [IDENTITY_HEADERS.tenant]: z.string(missing).pipe(PrincipalV1Schema.shape.tenantId),
  [IDENTITY_HEADERS.principal]: z.string(missing).pipe(PrincipalV1Schema.shape.id),
  [IDENTITY_HEADERS.roles]: z
    .string(missing)
    .transform((value) => value.split(',').map((role) => role.trim()))
    .pipe(z.array(RoleV1Schema).min(1, 'name at least one role')),
});

/**
 * The caller's {@link Principal} from its identity headers, or a 401 naming the missing or
 * malformed header. The controller trusts these headers: deploy it behind a gateway that
 * authenticates callers and sets them.
 */
export function identifyPrincipal(headers: Readonly<Record<string, string | string[] | undefined>>): Principal {
  const result = identitySchema.safeParse(headers);
  if (!result.success) {
    const byHeader = new Map(
      fieldIssues('header', result.error).map((issue) => [issue.field.split('.').slice(0, 2).join('.'), issue.message]),
    );
    const issues = [...byHeader].map(([field, message]) => ({ field, message }));
    const [first] = issues;
    throw new ManageApiError(
      401,
      API_ERROR_CODES.unauthenticated,
      `${first?.field ?? 'header'}: ${first?.message ?? 'missing identity'}`,
      issues,
    );
  }
  return {
    tenantId: parseId('tenant', result.data[IDENTITY_HEADERS.tenant]),
    id: parseId('principal', result.data[IDENTITY_HEADERS.principal]),
    roles: result.data[IDENTITY_HEADERS.roles],
  };
}
