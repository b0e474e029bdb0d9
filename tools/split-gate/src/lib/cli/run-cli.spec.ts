import { ApiReportError } from '@alphaswarm/api-report';
import { PolicyError } from '@alphaswarm/policy';
import { describe, expect, it } from 'vitest';
import { SplitGateError } from '../split-gate-error.js';
import { isUserError } from './run-cli.js';

describe('isUserError', () => {
  it.each([
    ['a SplitGateError', new SplitGateError('ASW-1207', 'bad option'), true],
    ['a PolicyError', new PolicyError('ASW-002', 'inconsistent'), true],
    ['an ApiReportError, recognised without loading the API report tool', new ApiReportError('ASW-101', 'report drift'), true],
    ['a plain Error', new Error('ASW-1207 looks coded'), false],
    ['an Error named ApiReportError without a code', Object.assign(new Error('boom'), { name: 'ApiReportError' }), false],
    ['a string', 'ASW-1207 bad option', false],
  ])('%s: %s', (_name, error, expected) => {
    expect(isUserError(error)).toBe(expected);
  });
});
