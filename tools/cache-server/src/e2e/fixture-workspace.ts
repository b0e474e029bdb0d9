// A small Nx workspace for the end-to-end specs: three projects, each with a cacheable build
// (writes dist/<project>/out.txt) and test (prints a line), committed to a git repository that
// the specs clone. Every task appends "<project>:<target>" to $FIXTURE_RUN_LOG when it runs, so a
// restored task leaves no line.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The projects of the fixture workspace. */
export const FIXTURE_PROJECTS = ['a', 'b', 'c'] as const;

/** The targets every fixture project has. */
export const FIXTURE_TARGETS = ['build', 'test'] as const;

/** Every task id of the fixture, e.g. `a:build`. */
export const FIXTURE_TASKS: readonly string[] = FIXTURE_PROJECTS.flatMap((project) =>
  FIXTURE_TARGETS.map((target) => `${project}:${target}`),
);

const nxManifestPath = createRequire(import.meta.url).resolve('nx/package.json');

/** The folder of the Nx client this workspace has installed (the one under test). */
export const nxPackageDir: string = dirname(nxManifestPath);

/** The installed Nx client's version and executable, as its package.json declares them. */
export const nxClient: { readonly version: string; readonly bin: string } = (() => {
  const manifest = JSON.parse(readFileSync(nxManifestPath, 'utf8')) as { version: string; bin: { nx: string } };
  return { version: manifest.version, bin: join(nxPackageDir, manifest.bin.nx) };
})();

const taskScript = `// Fixture task: build writes dist/<project>/out.txt from the project's source, test reads it.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const [target, project] = process.argv.slice(2);
if (!process.env.FIXTURE_RUN_LOG) throw new Error('FIXTURE_RUN_LOG is not set');
appendFileSync(process.env.FIXTURE_RUN_LOG, \`\${project}:\${target}\\n\`);
if (target === 'build') {
  const source = readFileSync(\`libs/\${project}/src/value.txt\`, 'utf8').trim();
  mkdirSync(\`dist/\${project}\`, { recursive: true });
  writeFileSync(\`dist/\${project}/out.txt\`, \`built \${project} from "\${source}"\\n\`);
  console.log(\`built \${project}\`);
} else {
  console.log(\`tested \${project}: \${readFileSync(\`dist/\${project}/out.txt\`, 'utf8').trim()}\`);
}
`;

const write = (root: string, path: string, content: string): void => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const git = (cwd: string, ...args: string[]): void => {
  const result = spawnSync('git', ['-c', 'user.name=fixture', '-c', 'user.email=fixture@example.invalid', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr}`);
};

/** Write the fixture workspace as a git repository at `origin` (one commit). */
export function createFixtureRepository(origin: string): void {
  write(origin, 'package.json', json({ name: 'cache-fixture', version: '0.0.0', private: true }));
  write(origin, '.gitignore', 'node_modules\ndist\n.nx\n');
  write(
    origin,
    'nx.json',
    json({
      namedInputs: { default: ['{projectRoot}/**/*', '{workspaceRoot}/tools/task.mjs'] },
      targetDefaults: {
        build: { cache: true, dependsOn: ['^build'], inputs: ['default', '^default'], outputs: ['{workspaceRoot}/dist/{projectName}'] },
        test: { cache: true, dependsOn: ['build'], inputs: ['default'] },
      },
      neverConnectToCloud: true,
    }),
  );
  write(origin, 'tools/task.mjs', taskScript);
  for (const project of FIXTURE_PROJECTS) {
    write(
      origin,
      `libs/${project}/project.json`,
      json({
        name: project,
        ...(project === 'b' ? { implicitDependencies: ['a'] } : {}),
        targets: Object.fromEntries(FIXTURE_TARGETS.map((target) => [target, { command: `node tools/task.mjs ${target} ${project}` }])),
      }),
    );
    write(origin, `libs/${project}/src/value.txt`, `the value of ${project}\n`);
  }
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'fixture workspace');
}

/** Clone the fixture repository to `target` (a clean checkout: no `.nx`, no `dist`) and link the Nx client into it. */
export function cloneFixture(origin: string, target: string): void {
  git(dirname(target), 'clone', '-q', origin, target);
  mkdirSync(join(target, 'node_modules'));
  symlinkSync(nxPackageDir, join(target, 'node_modules', 'nx'), 'dir');
}

/** What one Nx run printed and how it ended. */
export interface NxRun {
  readonly status: number | null;
  /** stdout and stderr together, without colours. */
  readonly output: string;
}

/**
 * Run the installed Nx client in `cwd` as if on a machine of its own: `home` is its HOME (Nx 23
 * keeps its local cache in `~/.nx/<workspace id>/`, shared by every checkout of one repository,
 * so two clones under one HOME would share a cache) and no `NX_*` variable leaks in from the Nx
 * run that started the spec; `env` adds the remote cache settings and the run log. Asynchronous
 * on purpose: the server under test answers from this same process.
 */
export function runNx(cwd: string, home: string, args: readonly string[], env: Readonly<Record<string, string>>): Promise<NxRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NX_')));
  mkdirSync(home, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nxClient.bin, ...args], {
      cwd,
      env: { ...inherited, HOME: home, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}
