import type { CriterionId, GateCriterion } from './gate-report.js';

/**
 * What each criterion needs before it can be judged. packaging needs boundaries (the package of a
 * domain with forbidden imports is not the package that would leave; a build that fails because
 * of them is their consequence), contracts need packaging (the API reports come from the built,
 * packaged declarations), isolation needs docs (it judges the documented validation commands) and
 * boundaries (it judges the closure of allowed edges).
 */
export const prerequisites: Readonly<Record<CriterionId, readonly CriterionId[]>> = {
  docs: [],
  boundaries: [],
  packaging: ['boundaries'],
  contracts: ['packaging'],
  isolation: ['docs', 'boundaries'],
};

/**
 * Judge the criteria in dependency order: a criterion whose prerequisite did not pass is not
 * judged but reported `ok: null`, blocked by the criterion that failed — so one cause fails one
 * criterion, and its consequences say what they wait for.
 */
export function judgeInOrder(judges: Readonly<Record<CriterionId, () => GateCriterion>>, order: readonly CriterionId[]): GateCriterion[] {
  const verdicts = new Map<CriterionId, GateCriterion>();
  const rootCause = (id: CriterionId): CriterionId | undefined => {
    for (const needed of prerequisites[id]) {
      const verdict = verdicts.get(needed);
      if (verdict?.ok === false) return needed;
      if (verdict?.ok === null) return verdict.blockedBy;
    }
    return undefined;
  };
  for (const id of (['docs', 'boundaries', 'packaging', 'contracts', 'isolation'] as const).filter((candidate) =>
    order.includes(candidate),
  )) {
    const blockedBy = rootCause(id);
    verdicts.set(
      id,
      blockedBy === undefined
        ? judges[id]()
        : { id, ok: null, blockedBy, detail: `not checked (needs ${blockedBy}): fix ${blockedBy} first` },
    );
  }
  return order.map((id) => verdicts.get(id) as GateCriterion);
}
