import { describe, expect, it } from 'vitest';
import { moduleSpecifiers, replaceSpecifiers } from './module-specifiers.js';

describe('moduleSpecifiers', () => {
  it('finds what the boundary checks judge, so a move rewrites every form', () => {
    const text = [
      "import { a } from '../reward/index.js';",
      "vi.mock('../reward/index.js');",
      "const b = await vi.importActual<typeof import('../reward/index.js')>('../reward/index.js');",
      "const c = require.resolve('../reward/index.js');",
      "// import '../reward/in-a-comment.js';",
    ].join('\n');
    const found = moduleSpecifiers('a.spec.ts', text);
    expect(found.map((specifier) => `${specifier.form} ${specifier.text}`)).toEqual([
      'import ../reward/index.js',
      'mock ../reward/index.js',
      'dynamic-import ../reward/index.js',
      'mock ../reward/index.js',
      'require-resolve ../reward/index.js',
    ]);
    expect(
      replaceSpecifiers(
        text,
        found.map((specifier) => ({ specifier, text: '@alphaswarm/rl/reward' })),
      ),
    ).toBe(text.replaceAll("'../reward/index.js'", "'@alphaswarm/rl/reward'"));
  });
});
