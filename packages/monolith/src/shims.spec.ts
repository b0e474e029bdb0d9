import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyImports } from './legacy-imports.js';

const workspace = join(import.meta.dirname, '../../..');
const policy = JSON.parse(readFileSync(join(workspace, 'tools/policy/policy.json'), 'utf8')) as {
  shims: { id: string; file: string; subpath: string; target: string; code: string }[];
};
/** Shims that stand for a whole package re-export all of it; the serving shims re-export a slice. */
const completeShims = new Set(['rl', 'ml']);

describe('legacy shims (in-workspace)', () => {
  it.each(policy.shims)('$id marks every export @deprecated and uses the policy code', (shim) => {
    const text = readFileSync(join(workspace, shim.file), 'utf8');
    const source = ts.createSourceFile(shim.file, text, ts.ScriptTarget.Latest, true);
    const specifiers = source.statements
      .filter(ts.isExportDeclaration)
      .flatMap((declaration) =>
        declaration.exportClause && ts.isNamedExports(declaration.exportClause) ? [...declaration.exportClause.elements] : [],
      );
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => !ts.getJSDocDeprecatedTag(specifier)).map((specifier) => specifier.name.text)).toEqual([]);
    expect(text).toContain(`warnDeprecatedImport('${shim.code}', '@alphaswarm/monolith${shim.subpath.slice(1)}', '${shim.target}')`);
  });

  it('lists every policy shim in legacyImports', () => {
    expect(legacyImports.map(({ shimPath, replacement, code }) => ({ shimPath, replacement, code }))).toEqual(
      policy.shims.map((shim) => ({ shimPath: `@alphaswarm/monolith${shim.subpath.slice(1)}`, replacement: shim.target, code: shim.code })),
    );
  });
});

describe('legacy shims (built packages, plain Node, outside the workspace)', () => {
  let consumer: string;
  const node = (flags: string[], script: string) =>
    spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' });

  beforeAll(() => {
    consumer = mkdtempSync(join(tmpdir(), 'alphaswarm-shim-consumer-'));
    for (const name of ['core', 'monolith-primitives', 'rl', 'models', 'monolith']) {
      const installed = join(consumer, 'node_modules/@alphaswarm', name);
      cpSync(join(workspace, 'packages', name, 'package.json'), join(installed, 'package.json'));
      cpSync(join(workspace, 'packages', name, 'dist'), join(installed, 'dist'), { recursive: true });
      // Third-party dependencies come from the workspace install, as a package manager would provide them.
      const { dependencies = {} } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      for (const dependency of Object.keys(dependencies).filter((dependency) => !dependency.startsWith('@alphaswarm/'))) {
        const link = join(consumer, 'node_modules', dependency);
        mkdirSync(dirname(link), { recursive: true });
        if (!existsSync(link)) symlinkSync(realpathSync(join(workspace, 'packages', name, 'node_modules', dependency)), link, 'dir');
      }
    }
    execFileSync(process.execPath, ['-e', 'require("node:fs").writeFileSync("package.json", JSON.stringify({ type: "module" }))'], {
      cwd: consumer,
    });
  });
  afterAll(() => rmSync(consumer, { recursive: true, force: true }));

  it.each(policy.shims)('$subpath warns once with $code and gives the same bindings', (shim) => {
    const legacy = `@alphaswarm/monolith${shim.subpath.slice(1)}`;
    const result = node(
      [],
      `const a = await import('${legacy}'); await import('${legacy}'); const b = await import('${shim.target}');
       const names = Object.keys(a);
       console.log(JSON.stringify({ names, same: names.every((n) => a[n] === b[n]), target: Object.keys(b) }));`,
    );
    expect(result.status, result.stderr).toBe(0);
    const { names, same, target } = JSON.parse(result.stdout) as { names: string[]; same: boolean; target: string[] };
    expect(same).toBe(true);
    if (completeShims.has(shim.id)) expect(names).toEqual(target);
    else expect(names.filter((name) => !target.includes(name))).toEqual([]);
    expect(names.length).toBeGreaterThan(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('DeprecationWarning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`[${shim.code}] DeprecationWarning: ${legacy} is deprecated: import ${shim.target} instead.`);
  });

  it('stays silent under --no-deprecation and throws under --throw-deprecation', () => {
    const silent = node(['--no-deprecation'], `await import('@alphaswarm/monolith/rl');`);
    expect([silent.status, silent.stderr]).toEqual([0, '']);
    const thrown = node(['--throw-deprecation'], `await import('@alphaswarm/monolith/ml');`);
    expect(thrown.status).not.toBe(0);
    expect(thrown.stderr).toContain('ASWDEP002');
  });

  it('does not warn for the package root', () => {
    const result = node([], `await import('@alphaswarm/monolith');`);
    expect([result.status, result.stderr]).toEqual([0, '']);
  });
});
