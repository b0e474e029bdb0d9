import { describe, expect, it } from 'vitest';
import { manageUrl } from './manage-url.js';

describe('manageUrl', () => {
  it('joins the base URL and the path', () => {
    expect(manageUrl('http://127.0.0.1:4100', '/manage/workloads')).toBe('http://127.0.0.1:4100/manage/workloads');
  });

  it('refuses paths outside the manage API', () => {
    expect(() => manageUrl('http://h', '/admin')).toThrow('"/admin" is not a /manage/* path');
  });
});
