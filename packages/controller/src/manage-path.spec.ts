import { describe, expect, it } from 'vitest';
import { isManagePath } from './manage-path.js';

describe('isManagePath', () => {
  it.each([
    ['/manage', true],
    ['/manage/workloads', true],
    ['/managed', false],
    ['/api/manage', false],
  ])('%s -> %s', (path, expected) => {
    expect(isManagePath(path)).toBe(expected);
  });
});
