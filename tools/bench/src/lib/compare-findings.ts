import type { ViolationKind } from '@alphaswarm/policy';
import type { Finding } from './checkers/checker.js';
import type { GroundTruth } from './ground-truth.js';

/** A checker's findings against the ground truth, per file (the generator puts at most one violation in a file). */
export interface Comparison {
  /** Files the checker flagged. */
  readonly flagged: number;
  /** Injected violations whose file it did not flag, by kind. */
  readonly missed: Partial<Record<ViolationKind, number>>;
  readonly missedTotal: number;
  /** Files it flagged that hold no injected violation. */
  readonly falseFiles: readonly string[];
  /** True when it reports exactly the injected violations: file, line, column, kind and target of each (only a checker that says all of them can be exact). */
  readonly exact: boolean;
}

const key = (finding: Finding): string => `${finding.file}:${finding.line}:${finding.column}:${finding.kind}:${finding.target}`;

/** Compare `findings` with `truth`: what was missed (by kind), what was flagged falsely, and whether the findings are exactly the truth. */
export function compareFindings(truth: GroundTruth, findings: readonly Finding[]): Comparison {
  const flagged = new Set(findings.map((finding) => finding.file));
  const injected = new Set(truth.violations.map((violation) => violation.file));
  const missed: Partial<Record<ViolationKind, number>> = {};
  let missedTotal = 0;
  for (const violation of truth.violations) {
    if (flagged.has(violation.file)) continue;
    missed[violation.kind] = (missed[violation.kind] ?? 0) + 1;
    missedTotal += 1;
  }
  const expected = truth.violations.map((violation) => key(violation)).sort();
  const actual = findings.map(key).sort();
  return {
    flagged: flagged.size,
    missed,
    missedTotal,
    falseFiles: [...flagged].filter((file) => !injected.has(file)).sort(),
    exact: expected.length === actual.length && expected.every((entry, index) => entry === actual[index]),
  };
}
