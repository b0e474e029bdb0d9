import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSpecifiers, isSourceFile } from './extract-specifiers.js';
import { parseSpecifiers } from './internal/parse-specifiers.js';
import { scanSpecifiers } from './internal/scan-specifiers.js';
import type { ExtractedSpecifiers } from './source-specifier.js';

/** What a case expects: `form text` per specifier and `form ?expression` per unresolved one, in source order. */
const summary = ({ specifiers, unresolved }: ExtractedSpecifiers): string[] => [
  ...specifiers.map((specifier) => `${specifier.form} ${specifier.text}`),
  ...unresolved.map((entry) => `${entry.form} ?${entry.expression}`),
];

const cases: [string, string, string[]][] = [
  ['named import', "import { a } from '@x/a';", ['import @x/a']],
  ['default and namespace import', "import a, * as b from '@x/a';", ['import @x/a']],
  ['type-only import', "import type { A } from '@x/a';\nimport { type B, c } from '@x/b';", ['import @x/a', 'import @x/b']],
  ['side-effect import', "import '@x/a';", ['import @x/a']],
  ['import attributes', "import data from '../x/data.json' with { type: 'json' };", ['import ../x/data.json']],
  ['a default import named from', "import from from '@x/a';", ['import @x/a']],
  ['string names in a clause', "export { 'a-b' as c } from '@x/a';", ['export @x/a']],
  ['export from', "export { a, b as c } from '@x/a';\nexport type { T } from '@x/t';", ['export @x/a', 'export @x/t']],
  ['export star', "export * from '@x/a';\nexport * as ns from '@x/b';", ['export @x/a', 'export @x/b']],
  ['a local export is no specifier', "export { a };\nexport const from = 'x';\nexport default 'y';", []],
  ['export of a require', "export const a = require('@x/a');\nexport default require('@x/b');", ['require @x/a', 'require @x/b']],
  ['import equals', "import a = require('@x/a');\nexport import b = require('@x/b');", ['require @x/a', 'require @x/b']],
  ['import equals of a namespace', 'import a = Foo.Bar;', []],
  ['dynamic import', "const a = await import('@x/a');", ['dynamic-import @x/a']],
  ['dynamic import with options', "const a = import('@x/a', { with: { type: 'json' } });", ['dynamic-import @x/a']],
  [
    'template literal without substitutions',
    'const a = import(`@x/snippets`);\nrequire(`@x/b`);',
    ['dynamic-import @x/snippets', 'require @x/b'],
  ],
  ['typeof import', "type A = typeof import('@x/a');\ntype B = import('@x/b').B;", ['dynamic-import @x/a', 'dynamic-import @x/b']],
  ['require', "const a = require('@x/a');", ['require @x/a']],
  ['require.resolve', "const a = require.resolve('@x/a');", ['require-resolve @x/a']],
  ['import.meta.resolve', "const a = import.meta.resolve('@x/a');", ['import-meta-resolve @x/a']],
  ['import.meta.url alone', 'const a = import.meta.url;\nconst b = import.meta.dirname;', []],
  [
    'createRequire called at once',
    "import { createRequire } from 'node:module';\nconst a = createRequire(import.meta.url)('@x/a');\nconst b = createRequire(import.meta.url).resolve('@x/b');",
    ['import node:module', 'require @x/a', 'require-resolve @x/b'],
  ],
  [
    'a function createRequire returned',
    "const load = createRequire(import.meta.url);\nload('@x/a');\nload.resolve('@x/b');\nconst where = createRequire(__filename).resolve;\nwhere('../x/c.js');",
    ['require @x/a', 'require-resolve @x/b', 'require-resolve ../x/c.js'],
  ],
  [
    'a require defined by createRequire',
    "import module from 'node:module';\nconst require = module.createRequire(import.meta.url);\nrequire('@x/a');",
    ['import node:module', 'require @x/a'],
  ],
  [
    'createRequire from another base',
    "const other = createRequire(join(root, 'package.json'));\nother('nx/bin/nx.js');\nother('./local.js');",
    ['require nx/bin/nx.js', "require ?'./local.js'"],
  ],
  [
    'vitest module calls',
    "vi.mock('@x/a');\nvi.doMock('@x/b', () => ({}));\nconst c = await vi.importActual('@x/c');\nawait vi.importMock('@x/d');\nvi.unmock('@x/e');",
    ['mock @x/a', 'mock @x/b', 'mock @x/c', 'mock @x/d', 'mock @x/e'],
  ],
  [
    'jest module calls',
    "jest.mock('@x/a');\nconst b = jest.requireActual('@x/b');\njest.requireMock('@x/c');\njest.createMockFromModule('@x/d');",
    ['mock @x/a', 'mock @x/b', 'mock @x/c', 'mock @x/d'],
  ],
  [
    'type arguments of a module call',
    "const a = await vi.importActual<typeof import('@x/a')>('@x/a');\nconst b = jest.requireActual<Map<string, Set<number>>>('@x/b');",
    ['dynamic-import @x/a', 'mock @x/a', 'mock @x/b'],
  ],
  ['vi.mock of an import()', "vi.mock(import('@x/a'), () => ({}));", ['dynamic-import @x/a']],
  ['other vi and jest calls', "vi.fn('x');\njest.fn('y');\nvi.spyOn(a, 'b');", []],
  [
    'new URL from this module',
    "const a = new URL('../../other/dist/main.js', import.meta.url);\nconst b = fileURLToPath(new URL('.', import.meta.url));",
    ['url ../../other/dist/main.js', 'url .'],
  ],
  ['new URL of a web address', "const a = new URL('/manage', base);\nconst b = new URL(path, baseUrl);", []],
  [
    'reference directives',
    '/// <reference path="../other/src/types.d.ts" />\n/// <reference types="@x/a" />\n/// <reference lib="es2023" />\nexport {};',
    ['reference-path ../other/src/types.d.ts', 'reference-types @x/a'],
  ],
  ['a reference after code is ignored', "export {};\n/// <reference types='@x/a' />", []],
  [
    'non-literal specifiers',
    "const a = import(name);\nconst b = require('@x/' + name);\nconst c = import(`@x/${name}`);\nrequire.resolve(where);\nimport.meta.resolve(spec);\nvi.mock(path);\nnew URL(file, import.meta.url);",
    [
      'dynamic-import ?name',
      "require ?'@x/' + name",
      'dynamic-import ?`@x/${name}`',
      'require-resolve ?where',
      'import-meta-resolve ?spec',
      'mock ?path',
      'url ?file',
    ],
  ],
  [
    'nested forms inside a non-literal argument',
    "require(resolveFrom(require.resolve('@x/a')));",
    ['require-resolve @x/a', "require ?resolveFrom(require.resolve('@x/a'))"],
  ],
  ['require() with no argument', 'require();', []],
  [
    'definitions named like the forms are not calls',
    'class A { import(x) { return x; } require(id: string): unknown { return id; } }\nfunction require(id) { return id; }\ninterface R { require(id: string): unknown }',
    [],
  ],
  ['a ternary around a call is still a call', 'const a = c ? require(name) : undefined;', ['require ?name']],
  ['member calls are not the globals', "a.require('x');\nb.import('y');\nc?.require('z');\nthis.vi.mock('w');", []],
  [
    'comments and strings',
    "// import '@x/a';\n/* require('@x/b') */\nconst s = \"import('@x/c')\";\nconst t = `require('@x/d') ${'x'}`;\nconst u = 'from \\'@x/e\\'';",
    [],
  ],
  ['regular expressions', "const r = /import '@x\\/a'/g;\nconst s = x / 2 / y;\nif (/[/']/.test(s)) require('@x/b');", ['require @x/b']],
  ['escapes in specifiers', "import '@x/\\u0061';", ['import @x/a']],
  ['nested templates', "const a = `${`${require('@x/a')}`}`;\nconst b = `}${import('@x/b')}`;", ['require @x/a', 'dynamic-import @x/b']],
  ['a shebang', "#!/usr/bin/env node\nimport '@x/a';", ['import @x/a']],
  [
    'generics and arrows',
    "const a = new Map<string, Set<number>>();\nconst f = <T,>(x: T): T => x;\nimport('@x/a');",
    ['dynamic-import @x/a'],
  ],
];

describe('extractSpecifiers', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(summary(extractSpecifiers(text, 'probe.ts'))).toEqual(
      expected.filter((line) => !line.includes(' ?')).concat(expected.filter((line) => line.includes(' ?'))),
    );
  });

  it.each(cases)('%s: the lexer and the parser agree, spans included', (_name, text) => {
    const scanned = scanSpecifiers(text);
    expect(scanned).toBeDefined();
    expect(scanned).toEqual(parseSpecifiers('probe.ts', text));
  });

  it('gives the span of each specifier without its quotes, for rewriting', () => {
    const text = 'import a from \'@x/a\';\nconst b = require("@x/b");\nconst c = import(`@x/c`);';
    expect(extractSpecifiers(text).specifiers.map(({ start, end }) => text.slice(start, end))).toEqual(['@x/a', '@x/b', '@x/c']);
  });

  it.each(['.tsx', '.jsx'])('reads JSX (%s) with the parser', (extension) => {
    const text = "import a from '@x/a';\nexport const view = <p>It's {require('@x/b')}</p>;";
    expect(summary(extractSpecifiers(text, `view${extension}`))).toEqual(['import @x/a', 'require @x/b']);
  });

  it('falls back to the parser when the lexer loses its way', () => {
    const text = "import a from '@x/a';\nexport const view = <p>It's</p>;\nrequire('@x/b');";
    expect(scanSpecifiers(text)).toBeUndefined();
    expect(summary(extractSpecifiers(text, 'view.js'))).toEqual(['import @x/a', 'require @x/b']);
  });

  it.each([
    ['a.ts', true],
    ['a.d.ts', true],
    ['a.tsx', true],
    ['a.mts', true],
    ['a.cts', true],
    ['a.js', true],
    ['a.jsx', true],
    ['a.mjs', true],
    ['a.cjs', true],
    ['a.json', false],
    ['a.md', false],
  ])('isSourceFile(%s) is %s', (file, expected) => {
    expect(isSourceFile(file)).toBe(expected);
  });
});

describe('the lexer on the workspace’s own sources', () => {
  const root = join(import.meta.dirname, '../../../../..');
  const files = execFileSync('git', ['ls-files', '-z', 'packages', 'tools'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((file) => isSourceFile(file) && !/\.[jt]sx$/.test(file));

  // TypeScript parses every source of the workspace here: seconds on a machine busy with other tasks.
  it('reads every file without falling back, and finds what the parser finds', () => {
    expect(files.length).toBeGreaterThan(100);
    const differences = files.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      const scanned = scanSpecifiers(text);
      const parsed = parseSpecifiers(file, text);
      return JSON.stringify(scanned) === JSON.stringify(parsed) ? [] : [file];
    });
    expect(differences).toEqual([]);
  }, 120_000);
});
