#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectGraphAsync, workspaceRoot } from '@nx/devkit';
import {
  checkManifest,
  checkSource,
  isSourceFile,
  listProjectFiles,
  loadBoundaryWorkspace,
  SPECIFIER_CACHE_PATH,
  SpecifierCache,
  type BoundaryViolation,
} from '@alphaswarm/policy';

// The phases of `pnpm boundaries` timed one by one in the workspace this runs in (the same calls the
// CLI makes, in its order): the engine's project discovery, Nx's project graph (plugins in this
// process, as the CLI loads them), listing every project's files, reading them, loading the
// specifier cache, judging them (lexing the sources the cache does not know), saving the cache,
// and writing the JSON report. Prints the phases in milliseconds as JSON; the report is discarded.
// `performance.now()` counts from the start of the process, so the first lap is Node starting and
// loading Nx's devkit and the engine.
const phases: Record<string, number> = {};
let last = 0;
const lap = (phase: string): void => {
  const now = performance.now();
  phases[phase] = now - last;
  last = now;
};
lap('start');
const workspace = loadBoundaryWorkspace(workspaceRoot);
lap('discover');
process.env['NX_ISOLATE_PLUGINS'] ??= 'false';
await createProjectGraphAsync({ exitOnError: false });
lap('nxGraph');
const files = listProjectFiles(workspaceRoot, workspace);
lap('listFiles');
const texts = files.map(({ file }) => readFileSync(join(workspaceRoot, file), 'utf8'));
lap('read');
const cache = SpecifierCache.open(join(workspaceRoot, SPECIFIER_CACHE_PATH));
lap('cacheLoad');
const violations: BoundaryViolation[] = [];
files.forEach(({ file, project }, index) => {
  const text = texts[index] as string;
  if (isSourceFile(file)) violations.push(...checkSource(workspace, file, text, cache.extract).violations);
  else if (file === `${project.root}/package.json`) violations.push(...checkManifest(workspace, project, file, text));
});
lap('evaluate');
cache.save();
lap('cacheSave');
const output = JSON.stringify({ violations }, null, 2);
lap('output');
process.stdout.write(`${JSON.stringify({ phases, files: files.length, violations: violations.length, outputBytes: output.length })}\n`);
