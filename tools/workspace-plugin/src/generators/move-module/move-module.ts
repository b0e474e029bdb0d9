import { formatFiles, logger, type Tree } from '@nx/devkit';
import { apiReportProjects } from '../../lib/api-report-projects.js';
import { updateDomainMap } from '../../lib/domain-map.js';
import { updateLegacyImports } from '../../lib/legacy-imports.js';
import { postGenerationTask, type PostGenerationCallback } from '../../lib/post-generation-task.js';
import { readWorkspaceProjects } from '../../lib/workspace-projects.js';
import { applyMove } from './lib/apply-move.js';
import { planMove } from './lib/plan-move.js';
import type { MoveModuleGeneratorSchema } from './schema.js';

export { planMove } from './lib/plan-move.js';
export type { MovePlan, PlannedBindingShim, PlannedModuleShim } from './lib/plan-move.js';

/**
 * `nx g @alphaswarm/workspace-plugin:move-module --from=<project>:<path> --to=<project>[:<path>]`:
 * the seed's strangler step. Moves a module, rewrites every import of it in the workspace (names
 * taken through a package entry included), and leaves what its old package published behind as
 * deprecated compatibility paths registered in the policy. Every check runs before the first
 * write; a refused move leaves the tree unchanged. The returned callback installs, rewrites the API
 * reports and regenerates the docs, and prints what it left to do.
 */
export async function moveModuleGenerator(tree: Tree, schema: MoveModuleGeneratorSchema): Promise<PostGenerationCallback> {
  const plan = planMove(tree, schema);
  applyMove(tree, plan, schema);
  updateDomainMap(tree, plan.policy);
  updateLegacyImports(tree, plan.policy);
  if (!schema.skipFormat) await formatFiles(tree);
  for (const note of plan.notes) logger.warn(`Note: ${note}.`);
  const changed = [...plan.edits.keys(), ...plan.moves.values()];
  const touched = readWorkspaceProjects(tree)
    .filter(
      (project) =>
        [plan.source.name, plan.destination.name, ...plan.dependencies.keys()].includes(project.name) ||
        changed.some((path) => path.startsWith(`${project.root}/`)),
    )
    .map((project) => project.name)
    .sort();
  const needsInstall = plan.dependencies.size > 0;
  const install = needsInstall && !schema.skipInstall;
  const reported = apiReportProjects(tree, touched);
  // Each step needs the one before: no build before the install, no readiness before the reports.
  const apiReports = (needsInstall && !install) || schema.skipApiReport ? [] : reported;
  const docs = !(needsInstall && !install) && apiReports.length === reported.length;
  const skipped = [
    ...(needsInstall && !install ? ['pnpm install'] : []),
    ...(apiReports.length < reported.length ? [`pnpm nx run-many -t api-report -p ${reported.join(',')} --update`] : []),
    ...(docs ? [] : ['pnpm docs:update']),
  ];
  return postGenerationTask(tree, { install, apiReports, docs }, skipped);
}

export default moveModuleGenerator;
