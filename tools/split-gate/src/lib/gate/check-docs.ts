import type { PolicyIntegrationTest } from '@alphaswarm/policy';
import type { WorkspaceProject } from '../workspace-graph.js';
import type { GateCriterion } from './gate-report.js';
import { isIntegrationSection, isValidationSection, markdownFacts } from './markdown-facts.js';
import { validationCommands, type ValidationCommand } from './validation-commands.js';

/** The least prose that counts as a real README.md / AGENTS.md (words outside code). */
export const minimumWords = { readme: 60, agents: 40 } as const;

/** What the validation commands must run for every project of a domain. */
export const requiredTargets = ['lint', 'typecheck', 'build', 'test'] as const;

/** README.md and AGENTS.md of one project (undefined when missing). */
export interface ProjectDocs {
  readonly readme: string | undefined;
  readonly agents: string | undefined;
}

/** Is `task` an integration test the policy declares? */
const isIntegrationTask = (tests: readonly PolicyIntegrationTest[], task: { project: string; target: string }): boolean =>
  tests.some((test) => test.project === task.project && test.target === task.target);

/**
 * The Nx commands of some documents: the validation commands — the Nx tasks under a "Validation" or
 * "Before a change is done" heading, except the integration tests the policy declares, which are
 * never validation — the commands under an "Integration tests" heading, and every Nx command
 * anywhere (whose targets must exist). Commands that write (`--update`, `--fix`) are none of these.
 */
export function documentedCommands(
  texts: readonly (string | undefined)[],
  integrationTests: readonly PolicyIntegrationTest[],
): { validation: ValidationCommand[]; integration: ValidationCommand[]; misplaced: ValidationCommand[]; all: ValidationCommand[] } {
  const all = texts.flatMap((text) => (text === undefined ? [] : markdownFacts(text).commands));
  const listed = validationCommands(all.filter((command) => isValidationSection(command.section)).map((command) => command.line));
  return {
    validation: listed
      .map((command) => ({ ...command, tasks: command.tasks.filter((task) => !isIntegrationTask(integrationTests, task)) }))
      .filter((command) => command.tasks.length > 0),
    integration: validationCommands(all.filter((command) => isIntegrationSection(command.section)).map((command) => command.line)),
    misplaced: listed.filter((command) => command.tasks.some((task) => isIntegrationTask(integrationTests, task))),
    all: validationCommands(all.map((command) => command.line)),
  };
}

/** The validation commands a domain's docs list that name one of `projects` (what `--deep` runs). */
export function domainValidationCommands(
  docs: ReadonlyMap<string, ProjectDocs>,
  projects: readonly string[],
  integrationTests: readonly PolicyIntegrationTest[],
): ValidationCommand[] {
  const texts = projects.flatMap((project) => [docs.get(project)?.readme, docs.get(project)?.agents]);
  return documentedCommands(texts, integrationTests).validation.filter((command) =>
    command.tasks.some((task) => projects.includes(task.project)),
  );
}

const purposes = {
  readme: "the package's purpose, what it owns and does not own, its public API and its validation commands",
  agents: 'the commands that must pass before a change is done, the boundaries the package lives under and what not to edit',
} as const;

/**
 * docs: README.md and AGENTS.md exist in each of the domain's project folders and are real prose
 * (a heading, at least {@link minimumWords} words outside code, no placeholder); each lists
 * validation commands (under "Validation" / "Before a change is done"), which together run lint,
 * typecheck, build and test for every project of the domain; every Nx target the files name
 * exists; and every integration test the policy declares for these projects is listed under an
 * "Integration tests" heading (and only those are), never with the validation commands.
 */
export function checkDocs(
  domain: string,
  projects: readonly WorkspaceProject[],
  docs: ReadonlyMap<string, ProjectDocs>,
  allProjects: readonly WorkspaceProject[],
  integrationTests: readonly PolicyIntegrationTest[],
): GateCriterion {
  const byName = new Map(allProjects.map((project) => [project.name, project]));
  const problems: string[] = [];
  const listed: string[] = [];
  const integrationListed: string[] = [];
  const exists = (path: string, command: ValidationCommand): void => {
    for (const task of command.tasks) {
      const target = byName.get(task.project);
      if (!target) problems.push(`${path} runs \`${command.command}\` but there is no project "${task.project}": fix the project name`);
      else if (!(task.target in target.targets)) {
        problems.push(
          `${path} runs \`${command.command}\` but ${task.project} has no "${task.target}" target (it has ${Object.keys(target.targets).sort().join(', ')}): fix the command`,
        );
      }
    }
  };
  for (const project of projects) {
    const texts = docs.get(project.name);
    const covered = new Set<string>();
    for (const [file, text, minimum, purpose] of [
      ['README.md', texts?.readme, minimumWords.readme, purposes.readme],
      ['AGENTS.md', texts?.agents, minimumWords.agents, purposes.agents],
    ] as const) {
      const path = `${project.root}/${file}`;
      if (text === undefined) {
        problems.push(`${path} is missing: add it with ${purpose}`);
        continue;
      }
      const facts = markdownFacts(text);
      if (facts.headings === 0) problems.push(`${path} has no heading: start it with "# ${project.packageName ?? project.name}"`);
      if (facts.proseWords < minimum)
        problems.push(`${path} has ${facts.proseWords} words of prose, fewer than ${minimum}: write ${purpose}`);
      if (facts.placeholders.length > 0)
        problems.push(`${path} still has placeholders (${facts.placeholders.join(', ')}): replace them with the real text`);
      const { validation, integration, misplaced, all } = documentedCommands([text], integrationTests);
      const own = validation.filter((command) => command.tasks.some((task) => task.project === project.name));
      if (own.length === 0) {
        problems.push(
          `${path} lists no validation command: add e.g. \`pnpm nx run-many -t lint typecheck build test -p ${project.name}\` in a code block under a "${file === 'README.md' ? 'Validation' : 'Before a change is done'}" heading`,
        );
      }
      for (const command of misplaced) {
        problems.push(
          `${path} lists \`${command.command}\` with the validation commands, but it runs an integration test (tools/policy/policy.json): list it under an "Integration tests" heading instead, so the domain's CI does not need the projects it reaches`,
        );
      }
      for (const command of all) exists(path, command);
      for (const command of own) for (const task of command.tasks) if (task.project === project.name) covered.add(task.target);
      listed.push(...own.map((command) => command.command));
      for (const command of integration) {
        for (const task of command.tasks) {
          const declared = integrationTests.some((test) => test.project === task.project && test.target === task.target);
          if (declared) integrationListed.push(`${task.project}:${task.target}`);
          else {
            problems.push(
              `${path} lists \`${command.command}\` as an integration test, but tools/policy/policy.json declares no integration test ${task.project}:${task.target}: add it to integrationTests (with what it reaches and why) or list it with the validation commands`,
            );
          }
        }
      }
    }
    const uncovered = requiredTargets.filter((target) => !covered.has(target));
    if (texts?.readme !== undefined || texts?.agents !== undefined) {
      for (const target of uncovered) {
        problems.push(
          target in project.targets
            ? `the validation commands of ${project.name} do not run ${project.name}:${target}: add \`pnpm nx run ${project.name}:${target}\` to the list in ${project.root}/README.md`
            : `${project.name} has no "${target}" target, so its validation commands cannot run it: give the project a ${target} target`,
        );
      }
    }
    for (const test of integrationTests.filter((candidate) => candidate.project === project.name)) {
      const id = `${test.project}:${test.target}`;
      if (!(test.target in project.targets)) {
        problems.push(
          `tools/policy/policy.json declares the integration test ${id}, but ${project.name} has no "${test.target}" target: add the target or fix the policy`,
        );
      } else if (!integrationListed.includes(id)) {
        problems.push(
          `the integration test ${id} (tools/policy/policy.json) is not listed in the docs: add \`pnpm nx run ${id}\` under an "Integration tests" heading in ${project.root}/README.md, saying what it needs`,
        );
      }
    }
  }
  if (projects.length === 0) problems.push(`no project carries the tags of ${domain}`);
  if (problems.length > 0) return { id: 'docs', ok: false, detail: problems.join('; ') };
  const unique = [...new Set(listed)];
  const integration = [...new Set(integrationListed)];
  return {
    id: 'docs',
    ok: true,
    detail: `README.md and AGENTS.md are real prose; ${unique.length} validation command${unique.length === 1 ? '' : 's'} (${unique.map((command) => `\`${command}\``).join(', ')}) run ${requiredTargets.join(', ')} of ${projects.map((project) => project.name).join(', ')}, all existing Nx targets${integration.length > 0 ? `; integration test${integration.length === 1 ? '' : 's'} listed apart: ${integration.join(', ')}` : ''}`,
  };
}
