import { describe, expect, it } from 'vitest';
import { moduleDeclarations, renderDeclaration } from './module-declarations.js';

describe('moduleDeclarations', () => {
  const text = [
    "import def, { a, type B, c as d } from 'x';",
    "import type { E } from 'y';",
    "import * as ns from 'z';",
    "export { f as g } from 'x';",
    "export * from 'w';",
    "const lazy = () => import('v');",
  ].join('\n');
  const found = moduleDeclarations('a.ts', text);

  it('lists the static import and export statements with the names each takes', () => {
    expect(
      found.map((declaration) => [
        declaration.kind,
        declaration.specifier,
        declaration.typeOnly,
        declaration.defaultName,
        declaration.namespace,
        declaration.exportAll,
        declaration.named.map((element) => [element.name, element.propertyName, element.typeOnly]),
      ]),
    ).toEqual([
      [
        'import',
        'x',
        false,
        'def',
        undefined,
        false,
        [
          ['a', undefined, false],
          ['B', undefined, true],
          ['d', 'c', false],
        ],
      ],
      ['import', 'y', true, undefined, undefined, false, [['E', undefined, false]]],
      ['import', 'z', false, undefined, 'ns', false, []],
      ['export', 'x', false, undefined, undefined, false, [['g', 'f', false]]],
      ['export', 'w', false, undefined, undefined, true, []],
    ]);
    expect(text.slice(found[1]?.start, found[1]?.end)).toBe("import type { E } from 'y';");
  });

  it('renders a declaration with some of its names and another module', () => {
    const [first, second, , fourth] = found;
    if (!first || !second || !fourth) throw new Error('declarations missing');
    expect([
      renderDeclaration(first, first.named.slice(0, 1), 'x', true),
      renderDeclaration(first, first.named.slice(1), '@alphaswarm/core', false),
      renderDeclaration(second, second.named, '@alphaswarm/core', false),
      renderDeclaration(fourth, fourth.named, './moved.js', false),
    ]).toEqual([
      "import def, { a } from 'x';",
      "import { type B, c as d } from '@alphaswarm/core';",
      "import type { E } from '@alphaswarm/core';",
      "export { f as g } from './moved.js';",
    ]);
  });
});
