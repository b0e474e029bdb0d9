import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWorkspace } from '../check/check-workspace.js';
import { loadBoundaryWorkspace } from '../workspace/load-boundary-workspace.js';
import { extractSpecifiers } from './extract-specifiers.js';
import { SpecifierCache } from './specifier-cache.js';

const repository = join(import.meta.dirname, '../../../../..');
const source = [
  "import { a } from '@alphaswarm/core';",
  "export * from './local.js';",
  'const lazy = await import(name);',
  "vi.mock('@alphaswarm/controller');",
  "// import '@alphaswarm/not-an-import';",
].join('\n');

let folder: string;
let file: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'asw-specifier-cache-'));
  file = join(folder, 'nested/cache.json');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('SpecifierCache', () => {
  it('answers exactly what extractSpecifiers does, lexing each text once', () => {
    const cache = SpecifierCache.open(file);
    const first = cache.extract(source, 'packages/client/src/a.ts');
    const second = cache.extract(source, 'packages/client/src/b.ts');
    expect(first).toEqual(extractSpecifiers(source, 'a.ts'));
    expect(first.specifiers.map((specifier) => specifier.text)).toEqual(['@alphaswarm/core', './local.js', '@alphaswarm/controller']);
    expect(first.unresolved.map((place) => place.expression)).toEqual(['name']);
    expect(second).toEqual(first);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
  });

  it('keeps the answers of a run for the next one, and only the answers that run used', () => {
    const writer = SpecifierCache.open(file);
    writer.extract(source, 'a.ts');
    writer.extract("import 'old';", 'old.ts');
    expect(writer.save()).toBe(true);

    const reader = SpecifierCache.open(file);
    expect(reader.extract(source, 'a.ts')).toEqual(extractSpecifiers(source, 'a.ts'));
    expect(reader.stats).toEqual({ hits: 1, misses: 0 });
    expect(reader.save()).toBe(true);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(kept.entries)).toHaveLength(1);
  });

  it('does not rewrite the file for a change in under 1% of the sources, and does at 1%', () => {
    const texts = Array.from({ length: 200 }, (_, index) => `import '@alphaswarm/core';\nexport const n = ${index};\n`);
    const writer = SpecifierCache.open(file);
    for (const text of texts) writer.extract(text, 'a.ts');
    writer.save();
    const written = readFileSync(file, 'utf8');

    const oneChanged = SpecifierCache.open(file);
    for (const text of [...texts.slice(1), `${texts[0]}// edited\n`]) oneChanged.extract(text, 'a.ts');
    expect(oneChanged.stats).toEqual({ hits: 199, misses: 1 });
    expect(oneChanged.save()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(written);

    const twoChanged = SpecifierCache.open(file);
    for (const text of [...texts.slice(2), `${texts[0]}// edited\n`, `${texts[1]}// edited\n`]) twoChanged.extract(text, 'a.ts');
    expect(twoChanged.stats).toEqual({ hits: 198, misses: 2 });
    twoChanged.save();
    const again = SpecifierCache.open(file);
    again.extract(`${texts[0]}// edited\n`, 'a.ts');
    expect(again.stats).toEqual({ hits: 1, misses: 0 });
  });

  it.each([
    ['a JSX file', 'a.tsx'],
    ['a JavaScript file', 'a.js'],
    ['a declaration file', 'a.d.ts'],
  ])('keeps %s apart from a .ts file with the same text (it is read differently)', (_name, other) => {
    const cache = SpecifierCache.open(file);
    cache.extract(source, 'a.ts');
    cache.extract(source, other);
    expect(cache.stats).toEqual({ hits: 0, misses: 2 });
  });

  it.each([
    ['not JSON', '{"format": 1, "reader": '],
    ['another format', JSON.stringify({ format: 0, reader: 'x', entries: {} })],
    ['entries that are not answers', null],
  ])('treats a cache file that is %s as empty', (_name, content) => {
    if (content === null) {
      const writer = SpecifierCache.open(file);
      writer.extract(source, 'a.ts');
      writer.save();
      const written = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown> };
      for (const key of Object.keys(written.entries)) written.entries[key] = 'nonsense';
      writeFileSync(file, JSON.stringify(written));
    } else {
      writeFileSync(join(folder, 'cache.json'), content);
      file = join(folder, 'cache.json');
    }
    const cache = SpecifierCache.open(file);
    expect(cache.extract(source, 'a.ts')).toEqual(extractSpecifiers(source, 'a.ts'));
    expect(cache.stats).toEqual({ hits: 0, misses: 1 });
  });

  it('never reads answers written by other code (another lexer or TypeScript version)', () => {
    const writer = SpecifierCache.open(file);
    writer.extract(source, 'a.ts');
    writer.save();
    const written = JSON.parse(readFileSync(file, 'utf8')) as { reader: string };
    writeFileSync(file, JSON.stringify({ ...written, reader: 'another lexer' }));
    const cache = SpecifierCache.open(file);
    cache.extract(source, 'a.ts');
    expect(cache.stats).toEqual({ hits: 0, misses: 1 });
  });

  it('reports a cache it cannot write instead of failing the check', () => {
    writeFileSync(join(folder, 'a-file'), '');
    const cache = SpecifierCache.open(join(folder, 'a-file/cache.json'));
    cache.extract(source, 'a.ts');
    expect(cache.save()).toBe(false);
  });

  it('gives the same verdict on the real workspace as the lexer, cold and warm', () => {
    const workspace = loadBoundaryWorkspace(repository);
    const direct = checkWorkspace(repository, workspace);
    const cold = SpecifierCache.open(file);
    expect(checkWorkspace(repository, workspace, cold.extract)).toEqual(direct);
    expect(cold.stats.misses).toBeGreaterThan(100);
    cold.save();
    const warm = SpecifierCache.open(file);
    expect(checkWorkspace(repository, workspace, warm.extract)).toEqual(direct);
    expect(warm.stats).toEqual({ hits: direct.summary.files, misses: 0 });
  });
});
