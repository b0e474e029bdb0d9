import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const report = fileURLToPath(new URL('../api/index.api.md', import.meta.url));

describe('the checked-in API report', () => {
  it('has no type a consumer can reach but not import (ae-forgotten-export)', async () => {
    const forgotten = (await readFile(report, 'utf8')).split('\n').filter((line) => line.includes('ae-forgotten-export'));
    expect(forgotten).toEqual([]);
  });
});
