import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { installPackagesTask, logger, readJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { PolicyError } from '@alphaswarm/policy';

const DOCS_UPDATE = 'pnpm docs:update';
const DOCS_UPDATE_WHY =
  ' (regenerates docs/split-readiness.md: the policy changed, so it proves every domain again, which takes minutes; `pnpm test` fails its docs check until then)';

/** What a generator leaves to do once its files are on disk, in this order. */
export interface PostGenerationSteps {
  /** `pnpm install`: links the workspace dependencies the generator declared (and updates the lockfile). */
  readonly install: boolean;
  /** Projects whose API reports are rewritten (`api-report --update` builds them first). */
  readonly apiReports: readonly string[];
  /**
   * Whether `pnpm docs:update` can run now (its prerequisites ran). It is never run here: the split
   * readiness it regenerates proves every domain again (the policy changed), which takes minutes, so
   * it is the first next step.
   */
  readonly docs: boolean;
}

interface Step {
  readonly command: string;
  readonly run: () => void;
}

/** The callback `nx g` runs after writing the files, with the commands it runs and those it leaves to the user. */
export type PostGenerationCallback = GeneratorCallback & {
  readonly commands: readonly string[];
  readonly skipped: readonly string[];
};

/**
 * The callback `nx g` runs after writing the files: the steps that need the files on disk (an
 * install through the devkit's `installPackagesTask`, the API reports, the generated docs). It
 * prints each command before it runs it, and at the end the next steps that are left to the user:
 * those they skipped, and reviewing and testing the change. A failing step stops the rest and
 * names what to run by hand (ASW-1341).
 */
export function postGenerationTask(tree: Tree, steps: PostGenerationSteps, skipped: readonly string[]): PostGenerationCallback {
  const root = tree.root;
  const pnpm = pnpmCommand(tree);
  const run = (args: readonly string[]) => execFileSync(pnpm[0] as string, [...pnpm.slice(1), ...args], { cwd: root, stdio: 'inherit' });
  const planned: Step[] = [
    ...(steps.install
      ? [
          {
            command: 'pnpm install',
            run: () => (pnpm[0] === 'pnpm' ? installPackagesTask(tree, true, '', 'pnpm') : run(['install', '--no-frozen-lockfile'])),
          },
        ]
      : []),
    ...(steps.apiReports.length > 0
      ? [
          {
            command: `pnpm nx run-many -t api-report -p ${steps.apiReports.join(',')} --update`,
            run: () => {
              const nx = createRequire(join(root, 'package.json')).resolve('nx/bin/nx.js');
              execFileSync(
                process.execPath,
                [nx, 'run-many', '-t', 'api-report', '-p', steps.apiReports.join(','), '--update', '--outputStyle=static'],
                { cwd: root, stdio: 'inherit' },
              );
            },
          },
        ]
      : []),
  ];
  const next = steps.docs ? [...skipped, DOCS_UPDATE] : skipped;
  const callback = () => {
    for (const [index, step] of planned.entries()) {
      logger.info(`> ${step.command}`);
      try {
        step.run();
      } catch (error) {
        const left = [...planned.slice(index).map((step) => step.command), ...next];
        throw new PolicyError(
          'ASW-1341',
          `\`${step.command}\` failed after the generator wrote its files (${(error as Error).message.split('\n')[0]}); fix the cause, then run: ${left.join(' && ')}.`,
        );
      }
    }
    logger.info(
      [
        '',
        'Next steps:',
        ...next.map((command) => `  - ${command}${command === DOCS_UPDATE ? DOCS_UPDATE_WHY : ''}`),
        '  - review the changes, run `pnpm test`, and commit',
        '',
      ].join('\n'),
    );
  };
  return Object.assign(callback, { commands: planned.map((step) => step.command), skipped: next });
}

/** pnpm as this machine has it: on the PATH (as under `npx pnpm …`), else through npx at the root's pinned version. */
function pnpmCommand(tree: Tree): string[] {
  const onPath = (process.env['PATH'] ?? '').split(delimiter).some((folder) => {
    try {
      accessSync(join(folder, 'pnpm'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (onPath) return ['pnpm'];
  const pinned = readJson<{ packageManager?: string }>(tree, 'package.json').packageManager ?? 'pnpm';
  return ['npx', '-y', pinned.split('+')[0] as string];
}
