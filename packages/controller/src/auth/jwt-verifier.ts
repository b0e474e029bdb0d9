import { API_ERROR_CODES, parseId, PrincipalV1Schema, RoleV1Schema, type Principal } from '@alphaswarm/core';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { ManageApiError } from '../server/manage-api-error.js';

/** Where the controller gets the key that verifies bearer tokens, and what the tokens must say. */
export interface JwtOptions {
  /** A public key (PEM or JWK file, loaded by `loadJwtKey`) or the URL of a JWKS. */
  readonly key: KeyObject | URL;
  /** The `iss` every token must carry, when set. */
  readonly issuer?: string;
  /** The `aud` every token must carry, when set. */
  readonly audience?: string;
}

/** Verifies one bearer token and returns the principal its claims name, or throws a 401. */
export type TokenVerifier = (token: string) => Promise<Principal>;

/** The claims a token must carry: `sub` (the principal), `tenant` and `roles`. */
export const TOKEN_CLAIMS = { principal: 'sub', tenant: 'tenant', roles: 'roles' } as const;

/** Only signatures with a public key: a shared secret would let every verifier mint tokens. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

const claimsSchema = z.object({
  [TOKEN_CLAIMS.principal]: z.string('missing claim').pipe(PrincipalV1Schema.shape.id),
  [TOKEN_CLAIMS.tenant]: z.string('missing claim').pipe(PrincipalV1Schema.shape.tenantId),
  [TOKEN_CLAIMS.roles]: z.array(RoleV1Schema, 'missing claim (an array of roles)').min(1, 'name at least one role'),
});

/**
 * A {@link TokenVerifier} for signed JWTs (jose): the signature must verify against the
 * configured key or JWKS, the token must not be expired or not yet valid, the issuer and audience
 * must match when configured, and the claims must name a principal, a tenant and its roles.
 */
export function createJwtVerifier({ key, issuer, audience }: JwtOptions): TokenVerifier {
  const getKey: KeyObject | JWTVerifyGetKey = key instanceof URL ? createRemoteJWKSet(key) : key;
  const options = { algorithms: ALGORITHMS, ...(issuer ? { issuer } : {}), ...(audience ? { audience } : {}) };
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      // jose takes a KeyObject or a key-resolving function; the union needs one call per branch.
      ({ payload } = getKey instanceof Function ? await jwtVerify(token, getKey, options) : await jwtVerify(token, getKey, options));
    } catch (error) {
      throw unauthenticated(describeJoseError(error));
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      const [issue] = claims.error.issues;
      throw unauthenticated(`bearer token: claim "${String(issue?.path[0] ?? '')}": ${issue?.message ?? 'invalid'}`);
    }
    return {
      id: parseId('principal', claims.data[TOKEN_CLAIMS.principal]),
      tenantId: parseId('tenant', claims.data[TOKEN_CLAIMS.tenant]),
      roles: claims.data[TOKEN_CLAIMS.roles],
    };
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'bearer token has expired: get a new one';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bearer token signature does not verify against the configured key';
  if (error instanceof errors.JWKSNoMatchingKey) return 'bearer token is signed with a key the JWKS does not hold';
  if (error instanceof errors.JWTClaimValidationFailed) return `bearer token claim "${error.claim}" is not accepted: ${error.reason}`;
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'bearer token algorithm is not accepted: sign with a public-key algorithm (RS*, PS*, ES*, EdDSA)';
  if (error instanceof errors.JOSEError) return `bearer token is not valid: ${error.message}`;
  return `bearer token cannot be verified: ${error instanceof Error ? error.message : String(error)}`;
}

function unauthenticated(message: string): ManageApiError {
  return new ManageApiError(401, API_ERROR_CODES.unauthenticated, message, [{ field: 'header.authorization', message }]);
}
