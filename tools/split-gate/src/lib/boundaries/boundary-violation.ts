// The boundary checker's violations are the engine's (@alphaswarm/policy): one type for ESLint, `pnpm boundaries` and the gate.
export type { BoundaryViolation, ViolationEvidence, ViolationKind } from '@alphaswarm/policy';
