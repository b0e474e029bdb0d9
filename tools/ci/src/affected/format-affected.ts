import type { AffectedReport } from './affected-report.js';
import { describeReason } from './explain-projects.js';

/** The report for people: what changed, which projects and tasks were chosen and why, what ran. */
export function formatAffected(report: AffectedReport): string {
  const lines: string[] = [];
  const head = report.head ?? 'the working tree';
  lines.push(
    `pnpm affected ${report.domain}: ${report.baseSource} ${report.base} (merge base ${report.mergeBase.slice(0, 12)}) .. ${head}`,
  );
  lines.push(
    `changed files: ${report.changedFiles.length}${
      report.changedFiles.length > 0
        ? ` (${report.changedFiles
            .slice(0, 8)
            .map((change) => change.file)
            .join(', ')}${report.changedFiles.length > 8 ? ', …' : ''})`
        : ''
    }`,
  );
  if (report.domainProjects.length === 0) {
    lines.push(`domain ${report.domain} has no projects: nothing to run.`);
    return `${lines.join('\n')}\n`;
  }
  if (report.projects.length === 0) {
    lines.push(`nothing in domain ${report.domain} (${report.domainProjects.join(', ')}) is affected: no task runs.`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`affected projects of ${report.domain}:`);
  for (const project of report.projects) {
    lines.push(`  ${project.name}`);
    for (const reason of project.reasons) lines.push(`    - ${describeReason(reason)}`);
  }
  const chosen = report.tasks.filter((task) => task.chosen);
  lines.push(`tasks (${chosen.length} of ${report.tasks.length} chosen; targets ${report.targets.join(', ')}):`);
  const width = Math.max(...report.tasks.map((task) => task.id.length));
  for (const task of report.tasks) lines.push(`  ${task.chosen ? 'run ' : 'skip'} ${task.id.padEnd(width)}  ${task.reason}`);
  if (chosen.length === 0) {
    lines.push('no task of the affected projects has a changed input: nothing runs.');
    return `${lines.join('\n')}\n`;
  }
  for (const command of report.commands) lines.push(`${report.dryRun ? 'would run' : 'ran'}: ${command}`);
  if (report.ran.length > 0) {
    lines.push(report.dryRun ? 'Nx would run (chosen tasks and their prerequisites):' : 'what Nx did:');
    const note = (task: (typeof report.ran)[number]): string =>
      !task.prerequisite
        ? ''
        : task.inputsChanged
          ? ' (prerequisite; its inputs changed)'
          : ' (prerequisite; inputs unchanged since the base: a cache with the base’s result restores it)';
    const taskWidth = Math.max(width, ...report.ran.map((task) => task.id.length));
    for (const task of report.ran) lines.push(`  ${task.id.padEnd(taskWidth)}  ${task.status}${note(task)}`);
  }
  if (!report.dryRun) lines.push(report.ok ? '✓ every task succeeded' : '✗ a task failed: see its output above');
  return `${lines.join('\n')}\n`;
}
