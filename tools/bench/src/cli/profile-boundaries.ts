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
  type BoundaryViolation,
} from '@alphaswarm/policy';

// The phases of `pnpm boundaries` timed one by one in the workspace this runs in (the same calls the
// CLI makes, in its order): Nx's project graph, the engine's project discovery, listing every
// project's files, reading them, judging them, and writing the JSON report. Prints the phases in
// milliseconds as JSON; the report itself is discarded.
const phases: Record<string, number> = {};
let last = process.hrtime.bigint();
const lap = (phase: string): void => {
  const now = process.hrtime.bigint();
  phases[phase] = Number(now - last) / 1e6;
  last = now;
};
await createProjectGraphAsync({ exitOnError: false });
lap('nxGraph');
const workspace = loadBoundaryWorkspace(workspaceRoot);
lap('discover');
const files = listProjectFiles(workspaceRoot, workspace);
lap('listFiles');
const texts = files.map(({ file }) => readFileSync(join(workspaceRoot, file), 'utf8'));
lap('read');
const violations: BoundaryViolation[] = [];
files.forEach(({ file, project }, index) => {
  const text = texts[index] as string;
  if (isSourceFile(file)) violations.push(...checkSource(workspace, file, text).violations);
  else if (file === `${project.root}/package.json`) violations.push(...checkManifest(workspace, project, file, text));
});
lap('evaluate');
const output = JSON.stringify({ violations }, null, 2);
lap('output');
process.stdout.write(`${JSON.stringify({ phases, files: files.length, violations: violations.length, outputBytes: output.length })}\n`);
