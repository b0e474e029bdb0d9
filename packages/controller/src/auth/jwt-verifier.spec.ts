import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createServer, type Server } from 'node:http';
import { KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestServer, type TestServer } from '../__fixtures__/test-server.js';
import { createJwtVerifier } from './jwt-verifier.js';

let signing: CryptoKey;
let verifying: CryptoKey;
let stranger: CryptoKey;
let server: TestServer;

beforeAll(async () => {
  ({ privateKey: signing, publicKey: verifying } = await generateKeyPair('ES256'));
  ({ privateKey: stranger } = await generateKeyPair('ES256'));
});
afterEach(() => server.close());

const token = (claims: Record<string, unknown>, key = signing, expiresIn: string | number = '5m') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuedAt().setExpirationTime(expiresIn).sign(key);
const ada = { sub: 'ada', tenant: 'acme', roles: ['viewer'] };
const get = (authorization: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url: '/manage/session', headers: { authorization, ...headers } });

describe('bearer tokens', () => {
  it('accepts a valid token and takes the principal, tenant and roles from its claims', async () => {
    server = await startTestServer({
      auth: { verifyToken: createJwtVerifier({ key: KeyObject.from(verifying) }), trustIdentityHeaders: false },
    });
    const response = await get(`Bearer ${await token(ada)}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      principal: { id: 'ada', tenantId: 'acme', roles: ['viewer'] },
      authenticatedBy: 'bearer-token',
    });
  });

  it.each([
    ['an expired token', () => token(ada, signing, Math.floor(Date.now() / 1000) - 60), 'bearer token has expired: get a new one'],
    ['a token signed with another key', () => token(ada, stranger), 'bearer token signature does not verify against the configured key'],
    ['a token without claims', () => token({}), 'bearer token: claim "sub": missing claim'],
    [
      'a token without roles',
      () => token({ sub: 'ada', tenant: 'acme' }),
      'bearer token: claim "roles": missing claim (an array of roles)',
    ],
    [
      'a token with an unknown role',
      () => token({ ...ada, roles: ['root'] }),
      'bearer token: claim "roles": Invalid option: expected one of "viewer"|"operator"|"admin"|"platform-admin"',
    ],
    [
      'an unsigned token',
      async () => `${btoa('{"alg":"none"}')}.${btoa(JSON.stringify(ada))}.`,
      'bearer token algorithm is not accepted: sign with a public-key algorithm (RS*, PS*, ES*, EdDSA)',
    ],
  ])('answers 401 for %s', async (_case, make, message) => {
    server = await startTestServer({
      auth: { verifyToken: createJwtVerifier({ key: KeyObject.from(verifying) }), trustIdentityHeaders: false },
    });
    const response = await get(`Bearer ${await make()}`);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'ASW-201', field: 'header.authorization', message });
  });

  it('answers 403 when the token’s roles do not grant the action', async () => {
    server = await startTestServer({
      auth: { verifyToken: createJwtVerifier({ key: KeyObject.from(verifying) }), trustIdentityHeaders: false },
    });
    const response = await server.app.inject({
      method: 'POST',
      url: '/manage/workloads',
      headers: { authorization: `Bearer ${await token(ada)}` },
      payload: { name: 'feed', spec: { image: 'feed:1', replicas: 1 } },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'ASW-202', message: 'workload:create is not allowed for viewer' });
  });

  it('refuses identity headers when it does not trust them, and bearer tokens when it has no key', async () => {
    server = await startTestServer({
      auth: { verifyToken: createJwtVerifier({ key: KeyObject.from(verifying) }), trustIdentityHeaders: false },
    });
    const headersOnly = await server.app.inject({ method: 'GET', url: '/manage/session', headers: as('acme', 'admin') });
    expect(headersOnly.json()).toMatchObject({
      code: 'ASW-201',
      message: 'header.authorization: missing bearer token: this controller accepts only signed tokens ("Authorization: Bearer <JWT>")',
    });
    await server.close();
    server = await startTestServer({ auth: { trustIdentityHeaders: true } });
    const noKey = await get(`Bearer ${await token(ada)}`);
    expect(noKey.json()).toMatchObject({
      code: 'ASW-201',
      message: 'header.authorization: bearer tokens are not accepted: this controller has no --jwt-key or --jwks-url',
    });
  });

  describe('with a JWKS URL', () => {
    let jwks: Server;
    let url: URL;
    beforeAll(async () => {
      const jwk = { ...(await exportJWK(verifying)), kid: 'k1', alg: 'ES256', use: 'sig' };
      jwks = createServer((_request, response) =>
        response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
      );
      jwks.listen(0, '127.0.0.1');
      await once(jwks, 'listening');
      const address = jwks.address();
      url = new URL(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks.json`);
    });
    afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

    it('verifies tokens against the keys it serves, and refuses others', async () => {
      server = await startTestServer({
        auth: { verifyToken: createJwtVerifier({ key: url, issuer: 'https://idp.test' }), trustIdentityHeaders: false },
      });
      const good = await get(
        `Bearer ${await new SignJWT(ada).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer('https://idp.test').setExpirationTime('5m').sign(signing)}`,
      );
      expect(good.statusCode).toBe(200);
      const wrongIssuer = await get(`Bearer ${await token(ada)}`);
      expect(wrongIssuer.json()).toMatchObject({ message: 'bearer token claim "iss" is not accepted: missing' });
    });
  });
});
