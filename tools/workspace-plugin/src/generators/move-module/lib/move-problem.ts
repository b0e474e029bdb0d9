import { PolicyError, type DependencyVerdict } from '@alphaswarm/policy';
import type { MoveModuleGeneratorSchema } from '../schema.js';

/** A reason a move is refused: the sentence, and the rule it cites (stated once under the list). */
export interface Problem {
  /** The file the problem is about: each file is listed once, with its first problem. */
  readonly file?: string;
  readonly text: string;
  readonly verdict?: Extract<DependencyVerdict, { allowed: false }>;
}

/** ASW-1330 with each problem once, then each rule cited once with the seed's words and what to do instead. */
export function moveRefusal(schema: MoveModuleGeneratorSchema, problems: readonly Problem[]): PolicyError {
  const files = new Set<string>();
  const listed = problems.filter((problem) => {
    if (problem.file === undefined) return true;
    if (files.has(problem.file)) return false;
    files.add(problem.file);
    return true;
  });
  const lines = [...new Set(listed.map((problem) => problem.text))];
  const rules = new Map<string, Extract<DependencyVerdict, { allowed: false }>>();
  for (const problem of listed) if (problem.verdict && !rules.has(problem.verdict.rule)) rules.set(problem.verdict.rule, problem.verdict);
  return new PolicyError(
    'ASW-1330',
    [
      `move-module --from=${schema.from} --to=${schema.to} is refused; nothing was written:`,
      ...lines.map((line) => `  - ${line}`),
      ...[...rules.values()].map((verdict) => `Rule ${verdict.citation} ${verdict.fix}`),
    ].join('\n'),
  );
}
