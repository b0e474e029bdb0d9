import { boundariesChecker } from './boundaries-checker.js';
import type { Checker } from './checker.js';
import { depcruiseChecker } from './depcruise-checker.js';
import { eslintChecker } from './eslint-checker.js';
import { floorChecker } from './floor-checker.js';
import { turboChecker } from './turbo-checker.js';

/** Every checker the bench runs, in the order it runs them (the floor first: it also warms the page cache). */
export function allCheckers(): Checker[] {
  return [
    floorChecker(),
    boundariesChecker('cold'),
    boundariesChecker('warm'),
    eslintChecker('nx'),
    eslintChecker('alphaswarm'),
    depcruiseChecker(),
    turboChecker(),
  ];
}
