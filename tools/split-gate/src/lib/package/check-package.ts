import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import semver from 'semver';
import { explainInstallFailure } from '../deep/explain-install-failure.js';
import { isolatedEnv } from '../deep/isolated-env.js';
import { installOffline, offlineInstallArgs, pnpmStoreDir } from '../deep/pnpm-command.js';
import { SplitGateError } from '../split-gate-error.js';
import type { WorkspaceProject } from '../workspace-graph.js';
import { consumerFiles } from './consumer-lockfile.js';
import { packClosure, readPackageManifest, type PackedPackage } from './pack-closure.js';
import { binsOf, exportEntries, namedFiles, specifierOf } from './package-entries.js';
import type { PackageRecord } from './package-record.js';

/** Files a package must never ship: sources and tests. */
const unwanted = /(^|\/)(src\/|__fixtures__\/)|\.(spec|test)\.[cm]?[jt]sx?$/;
/** The root devDependencies a consumer needs to check the `types` condition with tsc. */
const typeTools = ['typescript', '@types/node'];

/** The last meaningful lines of a command's output, on one line. */
function tail(output: string, lines = 3): string {
  return stripVTControlCharacters(output)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('npm warn'))
    .slice(-lines)
    .join(' | ');
}

/**
 * The packaging check of one project, by behaviour: its manifest names a package, a semver
 * version and exports; after the build every file `exports`, `main`, `types` and `bin` name
 * exists; `pnpm pack` puts them in the tarball and ships no sources or tests; the tarball, with
 * the tarballs of the workspace packages it depends on, installs into an empty folder outside the
 * workspace (frozen, offline, from the local store, third-party packages at the monorepo's
 * versions); there every entry point imports with plain Node, every bin answers `--help`, and
 * every `types` entry resolves and type-checks with tsc. Expects the closure to be built.
 */
export function checkPackage(
  root: string,
  projects: readonly WorkspaceProject[],
  projectName: string,
  progress: (line: string) => void = () => undefined,
): PackageRecord {
  const project = projects.find((candidate) => candidate.name === projectName);
  if (!project) throw new SplitGateError('ASW-1219', `there is no project "${projectName}" in the workspace`);
  const manifestPath = `${project.root}/package.json`;
  const problems: string[] = [];
  const checked: string[] = [];
  const manifest = readPackageManifest(root, project);
  const name = typeof manifest.name === 'string' && manifest.name.length > 0 ? manifest.name : undefined;
  const version = typeof manifest.version === 'string' ? manifest.version : undefined;
  const record = (): PackageRecord => ({
    version: 1,
    project: project.name,
    package: name && version ? `${name}@${version}` : undefined,
    ok: problems.length === 0,
    problems,
    checked,
  });
  if (!name) problems.push(`${manifestPath} has no "name": add the package name`);
  if (version === undefined || semver.valid(version) === null) {
    problems.push(
      `${manifestPath} has ${version === undefined ? 'no "version"' : `version "${version}", not semver`}: set a semver version such as "0.1.0"`,
    );
  }
  const entries = exportEntries(manifest);
  if (entries.every((entry) => entry.files.filter((file) => !file.endsWith('package.json')).length === 0)) {
    problems.push(`${manifestPath} has no "exports" pointing at files: add an exports map (types first, then import/default)`);
  }
  const files = namedFiles(manifest);
  const absent = files.filter((file) => !existsSync(join(root, project.root, file)));
  if (absent.length > 0) {
    problems.push(
      `${manifestPath} names ${absent.map((file) => `./${file}`).join(', ')}, which ${absent.length === 1 ? 'does' : 'do'} not exist after ${project.name}:build: point exports, main, types and bin at what the build writes`,
    );
  }
  if (problems.length > 0 || !name) return record();
  checked.push(`${files.length} files named by exports, main, types and bin exist after the build`);

  const scratch = mkdtempSync(join(tmpdir(), `asw-package-${project.name}-`));
  const env = isolatedEnv();
  try {
    progress(`packing ${project.name} and the workspace packages it depends on`);
    const packed = packClosure(root, projects, project.name, join(scratch, 'tarballs'), env);
    const own = packed.find((entry) => entry.project === project.name) as PackedPackage;
    const missing = files.filter((file) => !own.files.includes(file));
    if (missing.length > 0)
      problems.push(
        `the tarball of ${name} lacks ${missing.join(', ')}: add ${missing.length === 1 ? 'it' : 'them'} to "files" in ${manifestPath}`,
      );
    const shipped = own.files.filter((file) => unwanted.test(file));
    if (shipped.length > 0) {
      problems.push(
        `the tarball of ${name} ships sources or tests (${shipped.slice(0, 3).join(', ')}${shipped.length > 3 ? `, and ${shipped.length - 3} more` : ''}): narrow "files" in ${manifestPath} to the build output`,
      );
    }
    if (problems.length > 0) return record();
    checked.push(`pnpm pack ships them (${own.files.length} files, no sources or tests)`);

    const consumer = join(scratch, 'consumer');
    mkdirSync(join(consumer, 'tarballs'), { recursive: true });
    for (const entry of packed) copyFileSync(entry.path, join(consumer, entry.tarball));
    const withTypes = entries.some((entry) => entry.types !== undefined) || typeof manifest['types'] === 'string';
    const { manifest: consumerManifest, lockfile } = consumerFiles(readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8'), packed, {
      install: [name],
      tools: withTypes ? typeTools : [],
    });
    writeFileSync(join(consumer, 'package.json'), consumerManifest);
    writeFileSync(join(consumer, 'pnpm-lock.yaml'), lockfile);
    const storeDir = pnpmStoreDir(root);
    progress(
      `installing ${packed.map((entry) => `${entry.name}@${entry.version}`).join(', ')} into an empty folder (pnpm ${offlineInstallArgs(storeDir).join(' ')})`,
    );
    const installed = installOffline(consumer, storeDir, { env, timeoutMs: 300_000 });
    if (!installed.ok) {
      const why = explainInstallFailure(installed.output);
      problems.push(`the packed tarball does not install into an empty folder (${tail(installed.output)})${why ? `: ${why}` : ''}`);
      return record();
    }
    checked.push(
      `the tarball${
        packed.length > 1
          ? `, with ${packed
              .filter((entry) => entry !== own)
              .map((entry) => entry.name)
              .join(', ')},`
          : ''
      } installs into an empty folder offline`,
    );

    const imports = entries
      .filter((entry) => entry.files.length > 0)
      .map((entry) => ({ specifier: specifierOf(name, entry.subpath), json: entry.files.every((file) => file.endsWith('.json')) }));
    writeFileSync(
      join(consumer, 'import-check.mjs'),
      `const results = [];\nfor (const { specifier, json } of ${JSON.stringify(imports)}) {\n  try {\n    if (json) import.meta.resolve(specifier);\n    else await import(specifier);\n    results.push({ specifier, ok: true });\n  } catch (error) {\n    results.push({ specifier, ok: false, error: String(error?.message ?? error).split('\\n')[0] });\n  }\n}\nprocess.stdout.write(JSON.stringify(results));\n`,
    );
    const imported = spawnSync(process.execPath, ['import-check.mjs'], { cwd: consumer, encoding: 'utf8', env, timeout: 120_000 });
    const results = (() => {
      try {
        return JSON.parse(imported.stdout) as { specifier: string; ok: boolean; error?: string }[];
      } catch {
        return [{ specifier: name, ok: false, error: tail(`${imported.stdout ?? ''}${imported.stderr ?? ''}`) }];
      }
    })();
    for (const failed of results.filter((result) => !result.ok)) {
      problems.push(`\`import('${failed.specifier}')\` fails with plain Node in a consumer: ${failed.error ?? 'unknown error'}`);
    }
    if (results.every((result) => result.ok))
      checked.push(`${results.map((result) => result.specifier).join(', ')} import with plain Node`);

    const bins = Object.entries(binsOf(manifest));
    for (const [bin, file] of bins) {
      const linked = existsSync(join(consumer, 'node_modules/.bin', bin));
      const run = spawnSync(process.execPath, [join(consumer, 'node_modules', name, file), '--help'], {
        cwd: consumer,
        encoding: 'utf8',
        env,
        timeout: 60_000,
      });
      if (!linked) problems.push(`installing ${name} does not link its bin ${bin}: check "bin" in ${manifestPath}`);
      else if (run.status !== 0)
        problems.push(
          `\`${bin} --help\` fails in a consumer (exit ${String(run.status)}): ${tail(`${run.stdout ?? ''}${run.stderr ?? ''}`)}`,
        );
    }
    if (bins.length > 0 && problems.length === 0)
      checked.push(
        `${bins.length === 1 ? 'bin' : 'bins'} ${bins.map(([bin]) => bin).join(', ')} ${bins.length === 1 ? 'answers' : 'answer'} --help`,
      );

    if (withTypes) {
      const typed = entries.filter((entry) => entry.types !== undefined);
      writeFileSync(
        join(consumer, 'types-check.mts'),
        `${typed.map((entry, index) => `import * as entry${index} from '${specifierOf(name, entry.subpath)}';`).join('\n')}\nexport const entries = [${typed.map((_, index) => `entry${index}`).join(', ')}];\n`,
      );
      writeFileSync(
        join(consumer, 'tsconfig.json'),
        `${JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2023', lib: ['es2023'], types: ['node'], strict: true, noEmit: true, skipLibCheck: true }, files: ['types-check.mts'] }, null, 2)}\n`,
      );
      const tsc = spawnSync(process.execPath, [join(consumer, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
        cwd: consumer,
        encoding: 'utf8',
        env,
        timeout: 300_000,
      });
      if (tsc.status !== 0)
        problems.push(`the types condition does not resolve for a consumer (tsc): ${tail(`${tsc.stdout ?? ''}${tsc.stderr ?? ''}`)}`);
      else checked.push(`the types of ${typed.map((entry) => specifierOf(name, entry.subpath)).join(', ')} resolve with tsc`);
    }
    return record();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
