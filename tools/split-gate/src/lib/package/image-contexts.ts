import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { isolatedEnv } from '../deep/isolated-env.js';
import { installOffline, pnpmStoreDir } from '../deep/pnpm-command.js';
import { SplitGateError } from '../split-gate-error.js';
import type { WorkspaceProject } from '../workspace-graph.js';
import { consumerFiles } from './consumer-lockfile.js';
import { packClosure, readPackageManifest } from './pack-closure.js';
import { binsOf } from './package-entries.js';

/** One image build contract, as far as writing its context reads it (`images.json` of the deployment package). */
interface ImageContract {
  readonly image: string;
  readonly project: string;
  readonly dockerfile: string;
  readonly context: string;
}

/** What became of one image. */
export interface ImageContextResult {
  readonly image: string;
  readonly ok: boolean;
  readonly detail: string;
}

function readContracts(root: string, imagesFile: string): ImageContract[] {
  let data: { images?: unknown };
  try {
    data = JSON.parse(readFileSync(join(root, imagesFile), 'utf8')) as { images?: unknown };
  } catch {
    throw new SplitGateError(
      'ASW-1222',
      `${imagesFile} is missing or not JSON: pass the image build contracts file of the deployment package`,
    );
  }
  const images = Array.isArray(data.images) ? (data.images as Partial<ImageContract>[]) : [];
  return images.map((entry, index) => {
    if (
      typeof entry.image !== 'string' ||
      typeof entry.project !== 'string' ||
      typeof entry.dockerfile !== 'string' ||
      typeof entry.context !== 'string'
    ) {
      throw new SplitGateError(
        'ASW-1222',
        `${imagesFile}: images.${index} needs image, project, dockerfile and context: run \`pnpm nx run deployment:validate\``,
      );
    }
    return entry as ImageContract;
  });
}

const tail = (output: string): string =>
  stripVTControlCharacters(output)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-3)
    .join(' | ');

/**
 * Write each image's build context from the packaged subset of its project — the `pnpm pack`
 * tarballs of the project and of the workspace packages it depends on, and a lockfile that
 * installs them at the monorepo's versions — and prove it: the context installs (frozen, offline,
 * production only) in a copy outside the workspace and the project's bins answer `--help` there.
 * With a Docker engine, `docker build` then builds the image from that context; without one the
 * context is prepared and proven, and the result says so.
 */
export function writeImageContexts(
  root: string,
  projects: readonly WorkspaceProject[],
  imagesFile: string,
  progress: (line: string) => void,
): ImageContextResult[] {
  const env = isolatedEnv();
  const lockfile = readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8');
  const docker = spawnSync('docker', ['info'], { encoding: 'utf8', timeout: 30_000 }).status === 0;
  return readContracts(root, imagesFile).map((contract): ImageContextResult => {
    const project = projects.find((candidate) => candidate.name === contract.project);
    if (!project)
      return { image: contract.image, ok: false, detail: `${imagesFile} packages "${contract.project}", which is not a workspace project` };
    const manifest = readPackageManifest(root, project);
    const context = join(root, contract.context);
    rmSync(context, { recursive: true, force: true });
    progress(`${contract.image}: packing ${project.name} and the workspace packages it depends on into ${contract.context}`);
    const packed = packClosure(root, projects, project.name, join(context, 'tarballs'), env);
    const files = consumerFiles(lockfile, packed, { install: [String(manifest.name)], tools: [] });
    writeFileSync(join(context, 'package.json'), files.manifest);
    writeFileSync(join(context, 'pnpm-lock.yaml'), files.lockfile);
    const scratch = mkdtempSync(join(tmpdir(), 'asw-image-'));
    try {
      cpSync(context, scratch, { recursive: true });
      const installed = installOffline(scratch, pnpmStoreDir(root), { env, timeoutMs: 300_000, extra: ['--prod'] });
      if (!installed.ok) {
        return {
          image: contract.image,
          ok: false,
          detail: `the context of ${contract.image} does not install (pnpm ${installed.args.join(' ')}): ${tail(installed.output)}`,
        };
      }
      for (const [bin, file] of Object.entries(binsOf(manifest))) {
        const run = spawnSync(process.execPath, [join(scratch, 'node_modules', String(manifest.name), file), '--help'], {
          cwd: scratch,
          encoding: 'utf8',
          env,
          timeout: 60_000,
        });
        if (run.status !== 0)
          return {
            image: contract.image,
            ok: false,
            detail: `${bin} --help fails in the installed context of ${contract.image}: ${tail(`${run.stdout ?? ''}${run.stderr ?? ''}`)}`,
          };
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const proven = `${contract.context} holds ${packed.map((entry) => `${entry.name}@${entry.version}`).join(', ')} and a lockfile; it installs offline and its bins answer --help`;
    if (!docker)
      return {
        image: contract.image,
        ok: true,
        detail: `${proven}; no Docker engine here, so \`docker build -f ${contract.dockerfile} ${contract.context}\` was not run`,
      };
    const tag = `${contract.image}:${String(manifest.version)}`;
    progress(`${contract.image}: docker build -f ${contract.dockerfile} -t ${tag} ${contract.context}`);
    const built = spawnSync('docker', ['build', '-f', join(root, contract.dockerfile), '-t', tag, context], {
      encoding: 'utf8',
      timeout: 30 * 60 * 1000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return built.status === 0
      ? { image: contract.image, ok: true, detail: `${proven}; built ${tag}` }
      : {
          image: contract.image,
          ok: false,
          detail: `docker build of ${tag} failed: ${tail(`${built.stdout ?? ''}${built.stderr ?? ''}`)}`,
        };
  });
}
