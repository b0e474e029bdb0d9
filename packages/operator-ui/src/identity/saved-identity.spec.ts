import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTITY, loadIdentity, saveIdentity } from './saved-identity.js';

const storageWith = (value: string | null) => ({ getItem: () => value });

describe('the identity remembered in the browser', () => {
  it.each([
    ['nothing saved', null, DEFAULT_IDENTITY],
    ['not JSON', '{', DEFAULT_IDENTITY],
    ['an unknown role', JSON.stringify({ tenant: 'acme', principal: 'ada', role: 'root' }), DEFAULT_IDENTITY],
    ['a missing tenant', JSON.stringify({ principal: 'ada', role: 'viewer' }), DEFAULT_IDENTITY],
    [
      'a saved identity',
      JSON.stringify({ tenant: 'globex', principal: 'bob', role: 'admin' }),
      { tenant: 'globex', principal: 'bob', role: 'admin' },
    ],
  ])('loads %s as the right identity', (_case, saved, identity) => {
    expect(loadIdentity(storageWith(saved))).toEqual(identity);
  });

  it('loads the default where the browser has no storage', () => {
    expect(loadIdentity(undefined)).toEqual(DEFAULT_IDENTITY);
  });

  it('saves what loads back', () => {
    const saved = new Map<string, string>();
    const storage = {
      setItem: (key: string, value: string) => void saved.set(key, value),
      getItem: (key: string) => saved.get(key) ?? null,
    };
    saveIdentity(storage, { tenant: 'initech', principal: 'milton', role: 'platform-admin' });
    expect(loadIdentity(storage)).toEqual({ tenant: 'initech', principal: 'milton', role: 'platform-admin' });
  });

  it('keeps working when the storage refuses to write', () => {
    const full = {
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(() => saveIdentity(full, DEFAULT_IDENTITY)).not.toThrow();
  });
});
