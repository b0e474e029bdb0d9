import { API_ERROR_CODES, parseId, PrincipalV1Schema, RoleV1Schema, type Principal } from '@alphaswarm/core';
import { z } from 'zod';
import { fieldIssues } from '../server/field-issues.js';
import { ManageApiError } from '../server/manage-api-error.js';

/**
 * The request headers that carry the caller's identity when the controller trusts them: bound to
 * loopback (local use and tests) or started with `--trust-identity-headers` behind a gateway that
 * authenticates callers and sets them.
 */
export const IDENTITY_HEADERS = {
  tenant: 'x-alphaswarm-tenant',
  principal: 'x-alphaswarm-principal',
  roles: 'x-alphaswarm-roles',
} as const;

const once = z
  .array(z.string(), 'missing header')
  .min(1, 'missing header')
  .max(1, 'given more than once: send it exactly once')
  .transform(([value]) => value ?? '');
const identitySchema = z.object({
  [IDENTITY_HEADERS.tenant]: once.pipe(PrincipalV1Schema.shape.tenantId),
  [IDENTITY_HEADERS.principal]: once.pipe(PrincipalV1Schema.shape.id),
  [IDENTITY_HEADERS.roles]: once
    .transform((value) => value.split(',').map((role) => role.trim()))
    .pipe(z.array(RoleV1Schema).min(1, 'name at least one role')),
});

/**
 * The caller's {@link Principal} from its identity headers, each given as every value it was sent
 * with (Node's `headersDistinct`), or a 401 naming the missing, repeated or malformed header.
 */
export function identifyPrincipal(headers: Readonly<Record<string, readonly string[] | undefined>>): Principal {
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
