import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { CiError } from '../ci-error.js';
import { runNxCaptured } from '../nx/nx-command.js';

/** Where `pnpm graph` writes, relative to the workspace root (CI uploads this folder). */
export const GRAPH_DIR = 'dist/graph';

/** What {@link exportGraph} wrote. */
export interface GraphExport {
  /** The page, relative to the workspace root. */
  readonly html: string;
  /** The JSON graph (Nx's `--file=*.json` export: project nodes with tags, and their dependencies). */
  readonly json: string;
  /** Every local file the page loads, relative to the page. */
  readonly assets: readonly string[];
  /** Assets Nx did not write that were copied from Nx's graph client. */
  readonly repaired: readonly string[];
}

/** The local files an HTML page loads (`src=` and `href=` that are not URLs or fragments). */
export function localReferences(html: string): string[] {
  const references = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
  const remote = references.filter((reference) => /^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//'));
  if (remote.length > 0)
    throw new CiError('ASW-964', `the graph page loads ${remote.join(', ')} from the network; an offline page may not`);
  return [...new Set(references.filter((reference) => !reference.startsWith('#')))].sort();
}

function nx(root: string, args: string[]): void {
  const result = runNxCaptured(root, args);
  if (result.status !== 0) {
    throw new CiError(
      'ASW-964',
      `\`pnpm exec nx ${args.join(' ')}\` failed: ${`${result.stdout}${result.stderr}`.trim().split('\n').slice(-3).join(' ')}`,
    );
  }
}

/**
 * `pnpm graph`: the project graph as a static page that renders offline (`graph.html` with the
 * files it loads beside it) and as JSON, in {@link GRAPH_DIR}. Nx's `nx graph --file=*.html` does
 * not always write every asset the page loads (`static/styles.css`, `static/styles.js` were seen
 * missing), and its favicon link points next to the page: every file the page references is
 * checked, a missing one is copied from Nx's own graph client, and a file found nowhere fails.
 */
export function exportGraph(root: string, dir = GRAPH_DIR): GraphExport {
  const out = join(root, dir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  nx(root, ['graph', `--file=${join(out, 'graph.html')}`]);
  nx(root, ['graph', `--file=${join(out, 'graph.json')}`]);
  const client = join(dirname(createRequire(import.meta.url).resolve('nx/package.json')), 'dist/src/core/graph');
  const html = readFileSync(join(out, 'graph.html'), 'utf8');
  const assets = localReferences(html);
  const repaired: string[] = [];
  const missing: string[] = [];
  for (const asset of assets) {
    const target = join(out, asset);
    if (existsSync(target)) continue;
    const source = join(client, asset.replace(/^static\//, ''));
    if (existsSync(source)) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
      repaired.push(asset);
    } else missing.push(asset);
  }
  if (missing.length > 0) {
    throw new CiError(
      'ASW-964',
      `the graph page loads ${missing.join(', ')}, which neither Nx wrote nor Nx's graph client (${client}) has`,
    );
  }
  writeFileSync(
    join(out, 'README.txt'),
    'Open graph.html in a browser (works offline). graph.json is the same graph as data. Written by `pnpm graph`.\n',
  );
  return { html: relative(root, join(out, 'graph.html')), json: relative(root, join(out, 'graph.json')), assets, repaired };
}
