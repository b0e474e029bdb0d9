import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyImports } from './legacy-imports.js';

const workspace = join(import.meta.dirname, '../../..');

/** A legacy shim of the policy: a module at a subpath of its own, or compatibility `bindings` its package's `entry` re-exports. */
interface Shim {
  readonly id: string;
  readonly file: string;
  readonly subpath: string;
  readonly target: string;
  readonly code: string;
  readonly bindings?: readonly string[];
  readonly entry?: string;
}
const policy = JSON.parse(readFileSync(join(workspace, 'tools/policy/policy.json'), 'utf8')) as { shims: Shim[] };

interface Manifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
}
const packages = readdirSync(join(workspace, 'packages'))
  .filter((folder) => existsSync(join(workspace, 'packages', folder, 'package.json')))
  .map((folder) => ({
    root: `packages/${folder}`,
    manifest: JSON.parse(readFileSync(join(workspace, 'packages', folder, 'package.json'), 'utf8')) as Manifest,
  }));
const packageNamed = (name: string) => packages.find((candidate) => candidate.manifest.name === name);

/** This package and its workspace dependencies, transitively: what its test task has built, so what a consumer can install. */
const installed = new Set<string>();
for (const queue = ['@alphaswarm/monolith']; queue.length > 0;) {
  const name = queue.shift() as string;
  if (installed.has(name) || !packageNamed(name)) continue;
  installed.add(name);
  queue.push(...Object.keys(packageNamed(name)?.manifest.dependencies ?? {}));
}
const packageOf = (file: string) => packages.find((candidate) => file.startsWith(`${candidate.root}/`))?.manifest.name ?? '';
const shims = policy.shims.map((shim) => ({ ...shim, legacyPath: `${packageOf(shim.file)}${shim.subpath.slice(1)}` }));
const moduleShims = shims.filter((shim) => shim.bindings === undefined);
const bindingShims = shims.filter((shim) => shim.bindings !== undefined);
/** Shims that stand for a whole package re-export all of it; the serving shims re-export a slice. */
const completeShims = new Set(['rl', 'ml']);

/** Every `export` of a file with whether it carries a `@deprecated` tag. */
const deprecation = (file: string): { name: string; deprecated: boolean }[] => {
  const source = ts.createSourceFile(file, readFileSync(join(workspace, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  return source.statements.flatMap((statement) => {
    if (ts.isExportDeclaration(statement))
      return statement.exportClause && ts.isNamedExports(statement.exportClause)
        ? statement.exportClause.elements.map((element) => ({ name: element.name.text, deprecated: !!ts.getJSDocDeprecatedTag(element) }))
        : [];
    if (ts.isVariableStatement(statement) && exported(statement))
      return statement.declarationList.declarations.map((declaration) => ({
        name: declaration.name.getText(source),
        deprecated: ts.getJSDocTags(statement).some((tag) => tag.tagName.text === 'deprecated'),
      }));
    if (ts.isTypeAliasDeclaration(statement) && exported(statement))
      return [{ name: statement.name.text, deprecated: !!ts.getJSDocDeprecatedTag(statement) }];
    return [];
  });
};

describe('legacy shims (in-workspace)', () => {
  it('are each checked by this suite: their package is one a consumer of @alphaswarm/monolith installs', () => {
    expect(shims.filter((shim) => !installed.has(packageOf(shim.file))).map((shim) => `${shim.id} (${shim.file})`)).toEqual([]);
  });

  it.each(moduleShims)('$id marks every export @deprecated and uses the policy code', (shim) => {
    const exports = deprecation(shim.file);
    expect(exports.length).toBeGreaterThan(0);
    expect(exports.filter((entry) => !entry.deprecated).map((entry) => entry.name)).toEqual([]);
    expect(readFileSync(join(workspace, shim.file), 'utf8')).toContain(
      `warnDeprecatedImport('${shim.code}', '${shim.legacyPath}', '${shim.target}')`,
    );
  });

  it.each(bindingShims)('$id keeps each binding @deprecated under the policy code, and its entry re-exports exactly them', (shim) => {
    const exports = deprecation(shim.file);
    expect(exports.filter((entry) => !entry.deprecated).map((entry) => entry.name)).toEqual([]);
    expect(readFileSync(join(workspace, shim.file), 'utf8')).toContain(`code: '${shim.code}'`);
    const entryFile = shim.entry ?? '';
    const entry = ts.createSourceFile(entryFile, readFileSync(join(workspace, entryFile), 'utf8'), ts.ScriptTarget.Latest, true);
    const module = `./${relative(dirname(entryFile), shim.file).replace(/\.ts$/, '.js')}`.replace(/^\.\/\.\.\//, '../');
    const reExported = entry.statements
      .filter(ts.isExportDeclaration)
      .filter(
        (declaration) =>
          declaration.moduleSpecifier && ts.isStringLiteral(declaration.moduleSpecifier) && declaration.moduleSpecifier.text === module,
      )
      .flatMap((declaration) =>
        declaration.exportClause && ts.isNamedExports(declaration.exportClause) ? [...declaration.exportClause.elements] : [],
      );
    expect(reExported.map((element) => element.name.text).sort()).toEqual([...(shim.bindings ?? [])].sort());
    const kept = new Set(exports.map((entry) => entry.name));
    expect(reExported.map((element) => (element.propertyName ?? element.name).text).filter((name) => !kept.has(name))).toEqual([]);
  });

  it('lists every shim module of the monolith in legacyImports', () => {
    expect(legacyImports.map(({ shimPath, replacement, code }) => ({ shimPath, replacement, code }))).toEqual(
      moduleShims
        .filter((shim) => packageOf(shim.file) === '@alphaswarm/monolith')
        .map((shim) => ({ shimPath: shim.legacyPath, replacement: shim.target, code: shim.code })),
    );
  });
});

describe('legacy shims (built packages, plain Node, outside the workspace)', () => {
  let consumer: string;
  const node = (flags: string[], script: string) =>
    spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' });
  const deprecations = (stderr: string) => stderr.split('\n').filter((line) => line.includes('DeprecationWarning'));

  beforeAll(() => {
    consumer = mkdtempSync(join(tmpdir(), 'alphaswarm-shim-consumer-'));
    for (const name of installed) {
      const { root } = packageNamed(name) as (typeof packages)[number];
      const target = join(consumer, 'node_modules', name);
      cpSync(join(workspace, root, 'package.json'), join(target, 'package.json'));
      cpSync(join(workspace, root, 'dist'), join(target, 'dist'), { recursive: true });
      // Third-party dependencies come from the workspace install, as a package manager would provide them.
      const { dependencies = {} } = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as Manifest;
      for (const dependency of Object.keys(dependencies).filter((dependency) => !dependency.startsWith('@alphaswarm/'))) {
        const link = join(consumer, 'node_modules', dependency);
        mkdirSync(dirname(link), { recursive: true });
        if (!existsSync(link)) symlinkSync(realpathSync(join(workspace, root, 'node_modules', dependency)), link, 'dir');
      }
    }
    execFileSync(process.execPath, ['-e', 'require("node:fs").writeFileSync("package.json", JSON.stringify({ type: "module" }))'], {
      cwd: consumer,
    });
  });
  afterAll(() => rmSync(consumer, { recursive: true, force: true }));

  it.each(moduleShims)('$subpath warns once with $code and gives the same bindings', (shim) => {
    const result = node(
      [],
      `const a = await import('${shim.legacyPath}'); await import('${shim.legacyPath}'); const b = await import('${shim.target}');
       const names = Object.keys(a);
       console.log(JSON.stringify({ names, same: names.every((n) => a[n] === b[n]), target: Object.keys(b) }));`,
    );
    expect(result.status, result.stderr).toBe(0);
    const { names, same, target } = JSON.parse(result.stdout) as { names: string[]; same: boolean; target: string[] };
    expect(same).toBe(true);
    if (completeShims.has(shim.id)) expect(names).toEqual(target);
    else expect(names.filter((name) => !target.includes(name))).toEqual([]);
    expect(names.length).toBeGreaterThan(0);
    const warnings = deprecations(result.stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`[${shim.code}] DeprecationWarning: ${shim.legacyPath} is deprecated: import ${shim.target} instead.`);
  });

  it.each(bindingShims)('$legacyPath keeps $bindings working, warning once with $code when used', (shim) => {
    const result = node(
      [],
      `const a = await import('${shim.legacyPath}'); const b = await import('${shim.target}');
       // What a compatibility binding can stand behind a Proxy for: functions, classes, plain objects and arrays.
       const observable = (value) =>
         typeof value === 'function' ||
         (typeof value === 'object' && value !== null && (Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value))));
       const touch = (value) => (observable(value) ? value.constructor : value);
       const names = ${JSON.stringify(shim.bindings)}.filter((n) => n in a || n in b);
       const same = (x, y) =>
         typeof x === typeof y &&
         (typeof y === 'function' || (typeof y === 'object' && y !== null)
           ? Object.keys(y).every((k) => x[k] === y[k]) && (typeof y !== 'function' || x.prototype === y.prototype)
           : x === y);
       for (const n of names) touch(a[n]);
       await import('${shim.legacyPath}');
       for (const n of names) touch(a[n]);
       console.log(JSON.stringify({ names, different: names.filter((n) => !same(a[n], b[n])), observable: names.filter((n) => observable(b[n])) }));`,
    );
    expect(result.status, result.stderr).toBe(0);
    const { names, different, observable } = JSON.parse(result.stdout) as { names: string[]; different: string[]; observable: string[] };
    expect(different).toEqual([]);
    const warnings = deprecations(result.stderr);
    expect(warnings).toHaveLength(observable.length > 0 ? 1 : 0);
    if (observable.length > 0)
      expect(warnings[0]).toMatch(
        new RegExp(
          `\\[${shim.code}\\] DeprecationWarning: (${names.join('|')}) from ${shim.legacyPath} is deprecated: import it from ${shim.target} instead\\.`,
        ),
      );
  });

  it('stays silent under --no-deprecation and throws under --throw-deprecation', () => {
    const silent = node(['--no-deprecation'], `await import('@alphaswarm/monolith/rl');`);
    expect([silent.status, silent.stderr]).toEqual([0, '']);
    const thrown = node(['--throw-deprecation'], `await import('@alphaswarm/monolith/ml');`);
    expect(thrown.status).not.toBe(0);
    expect(thrown.stderr).toContain('ASWDEP002');
  });

  it.each([...installed])('does not warn when %s is only imported', (name) => {
    const result = node([], `await import('${name}');`);
    expect([result.status, result.stderr]).toEqual([0, '']);
  });
});
