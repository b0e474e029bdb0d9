import type { WorkspaceProject } from '../workspace-graph.js';
import type { GateCriterion } from './gate-report.js';
import { markdownFacts } from './markdown-facts.js';
import { validationCommands, type ValidationCommand } from './validation-commands.js';

/** The least prose that counts as a real README.md / AGENTS.md (words outside code). */
export const minimumWords = { readme: 60, agents: 40 } as const;

/** The documented validation commands of a project's README.md and AGENTS.md that name one of `projects`. */
export function documentedCommands(texts: readonly (string | undefined)[], projects: readonly string[]): ValidationCommand[] {
  return texts.flatMap((text) =>
    text === undefined
      ? []
      : validationCommands(markdownFacts(text).commands).filter((command) => command.tasks.some((task) => projects.includes(task.project))),
  );
}

/**
 * docs: README.md and AGENTS.md exist in each of the domain's project folders, are real prose
 * (a heading, at least {@link minimumWords} words outside code, no placeholder), each lists at
 * least one Nx command that validates the project, and every Nx target the two files name exists.
 */
export function checkDocs(
  domain: string,
  projects: readonly WorkspaceProject[],
  docs: ReadonlyMap<string, { readonly readme: string | undefined; readonly agents: string | undefined }>,
  allProjects: readonly WorkspaceProject[],
): GateCriterion {
  const byName = new Map(allProjects.map((project) => [project.name, project]));
  const problems: string[] = [];
  const listed: string[] = [];
  for (const project of projects) {
    const texts = docs.get(project.name);
    for (const [name, text, minimum, purpose] of [
      [
        'README.md',
        texts?.readme,
        minimumWords.readme,
        "the package's purpose, what it owns and does not own, its public API and its validation commands",
      ],
      [
        'AGENTS.md',
        texts?.agents,
        minimumWords.agents,
        'the commands that must pass before a change is done, the boundaries the package lives under and what not to edit',
      ],
    ] as const) {
      const path = `${project.root}/${name}`;
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
      const commands = validationCommands(facts.commands);
      const own = commands.filter((command) => command.tasks.some((task) => task.project === project.name));
      if (own.length === 0) {
        problems.push(
          `${path} lists no validation command: add e.g. \`pnpm nx run-many -t lint typecheck build test -p ${project.name}\` in a code block`,
        );
      }
      for (const command of commands) {
        for (const task of command.tasks) {
          const target = byName.get(task.project);
          if (!target) problems.push(`${path} runs \`${command.command}\` but there is no project "${task.project}": fix the project name`);
          else if (!(task.target in target.targets)) {
            problems.push(
              `${path} runs \`${command.command}\` but ${task.project} has no "${task.target}" target (it has ${Object.keys(target.targets).sort().join(', ')}): fix the command`,
            );
          }
        }
      }
      listed.push(...own.map((command) => command.command));
    }
  }
  if (projects.length === 0) problems.push(`no project carries the tags of ${domain}`);
  if (problems.length > 0) return { id: 'docs', ok: false, detail: problems.join('; ') };
  const unique = [...new Set(listed)];
  return {
    id: 'docs',
    ok: true,
    detail: `README.md and AGENTS.md are real prose and list ${unique.length} validation command${unique.length === 1 ? '' : 's'} (${unique.map((command) => `\`${command}\``).join(', ')}), all existing Nx targets`,
  };
}
