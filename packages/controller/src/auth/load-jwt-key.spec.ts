import { exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJwtKey } from './load-jwt-key.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jwt-key-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadJwtKey', () => {
  it('reads a PEM public key and a JWK as the same key', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    await writeFile(join(dir, 'key.pem'), await exportSPKI(publicKey));
    await writeFile(join(dir, 'key.jwk'), JSON.stringify(await exportJWK(publicKey)));
    const pem = await loadJwtKey(join(dir, 'key.pem'));
    const jwk = await loadJwtKey(join(dir, 'key.jwk'));
    expect(pem.asymmetricKeyType).toBe('ec');
    expect(pem.equals(jwk)).toBe(true);
  });

  it.each([
    ['missing.pem', undefined, 'cannot be read (ENOENT)'],
    ['garbage.pem', 'not a key', 'is not a PEM public key or a JWK'],
  ])('names %s and what is wrong with it', async (name, text, message) => {
    if (text !== undefined) await writeFile(join(dir, name), text);
    await expect(loadJwtKey(join(dir, name))).rejects.toThrow(`--jwt-key ${join(dir, name)} ${message}`);
  });
});
