import { describe, expect, it } from 'vitest';
import { parseId } from '../ids.js';
import { isVisibleTo, scopeToTenant } from './tenant-scope.js';

const principal = { id: parseId('principal', 'ada'), tenantId: parseId('tenant', 'acme'), roles: ['admin'] as const };

describe('tenant scope', () => {
  it.each([
    ['acme', true],
    ['globex', false],
    ['acme-2', false],
  ])('a resource of tenant %s is visible: %s', (tenantId, visible) => {
    expect(isVisibleTo(principal, { tenantId })).toBe(visible);
  });

  it('keeps only the own tenant, in order', () => {
    const resources = [
      { tenantId: 'acme', n: 1 },
      { tenantId: 'globex', n: 2 },
      { tenantId: 'acme', n: 3 },
    ];
    expect(scopeToTenant(principal, resources).map((resource) => resource.n)).toEqual([1, 3]);
  });
});
