import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runApiReports } from './api-reports.js';

describe('runApiReports on a real declaration file', () => {
  let dir: string;
  const declare = (body: string) => writeFileSync(join(dir, 'dist/index.d.ts'), body);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'api-report-spec-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: '@alphaswarm/sample',
        version: '0.3.0',
        type: 'module',
        exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      }),
    );
    declare('/** Adds. */\nexport declare function add(a: number, b: number): number;\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missing report, writes it on update, then passes', () => {
    expect(runApiReports({ packageDir: dir, project: 'sample' })).toEqual([
      { subpath: '.', report: 'api/index.api.md', status: 'missing' },
    ]);
    expect(runApiReports({ packageDir: dir, project: 'sample', update: true })).toEqual([
      { subpath: '.', report: 'api/index.api.md', status: 'written' },
    ]);
    const report = readFileSync(join(dir, 'api/index.api.md'), 'utf8');
    expect(report.split('\n')[0]).toContain('Public API of @alphaswarm/sample@0.3.0');
    expect(report).toContain('export function add(a: number, b: number): number;');
    expect(runApiReports({ packageDir: dir, project: 'sample' })).toEqual([{ subpath: '.', report: 'api/index.api.md', status: 'ok' }]);
  });

  it('fails with a diff when the API changes without the report', () => {
    runApiReports({ packageDir: dir, project: 'sample', update: true });
    declare('/** Adds. */\nexport declare function add(a: number, b: number, c?: number): number;\n');
    const [result] = runApiReports({ packageDir: dir, project: 'sample' });
    expect(result?.status).toBe('changed');
    expect(result?.diff).toContain('- export function add(a: number, b: number): number;');
    expect(result?.diff).toContain('+ export function add(a: number, b: number, c?: number): number;');
  });

  it('fails when the version changes without the report', () => {
    runApiReports({ packageDir: dir, project: 'sample', update: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, version: '0.4.0' }));
    expect(runApiReports({ packageDir: dir, project: 'sample' })[0]?.status).toBe('changed');
  });

  it('is unchanged by a reformat that moves undocumented declarations to other lines', () => {
    declare('export interface Point {\n  x: number;\n}\n');
    runApiReports({ packageDir: dir, project: 'sample', update: true });
    const report = readFileSync(join(dir, 'api/index.api.md'), 'utf8');
    expect(report).toContain('// dist/index.d.ts - (ae-undocumented) Missing documentation for "Point".');
    declare('// a comment and blank lines, as a formatter might leave them\n\n\nexport interface Point {\n  x: number;\n}\n');
    expect(runApiReports({ packageDir: dir, project: 'sample' })).toEqual([{ subpath: '.', report: 'api/index.api.md', status: 'ok' }]);
  });

  it('resolves DOM types for a package whose tsconfig.lib.json compiles against the DOM', () => {
    declare('/** Mounts. */\nexport declare function mount(element: Element): () => void;\n');
    writeFileSync(join(dir, 'tsconfig.lib.json'), JSON.stringify({ compilerOptions: { lib: ['es2023', 'dom'] } }));
    expect(runApiReports({ packageDir: dir, project: 'sample', update: true })[0]?.status).toBe('written');
    expect(readFileSync(join(dir, 'api/index.api.md'), 'utf8')).toContain('export function mount(element: Element): () => void;');
  });

  it('says to build first when the declarations are missing', () => {
    rmSync(join(dir, 'dist'), { recursive: true });
    expect(() => runApiReports({ packageDir: dir })).toThrow(/ASW-104 .*build the package first/);
  });
});
