import { ManageApiConnectionError, ManageApiRequestError, type ApiError } from '@alphaswarm/client';
import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error.js';

const refused = (status: number, body: ApiError) => new ManageApiRequestError(status, body, 'POST /manage/workloads');

describe('describeError', () => {
  it.each([
    [
      'an invalid request, every field the API named',
      refused(400, {
        code: 'ASW-200',
        message: 'body.spec.replicas: Too small',
        field: 'body.spec.replicas',
        issues: [
          { field: 'body.spec.replicas', message: 'Too small' },
          { field: 'body.name', message: 'use lowercase letters' },
        ],
      }),
      'The API refused the request as invalid (400): body.spec.replicas: Too small [ASW-200]',
      [
        { field: 'body.spec.replicas', message: 'Too small' },
        { field: 'body.name', message: 'use lowercase letters' },
      ],
    ],
    [
      'a field without issues',
      refused(400, { code: 'ASW-200', message: 'body: not JSON', field: 'body' }),
      'The API refused the request as invalid (400): body: not JSON [ASW-200]',
      [{ field: 'body', message: 'body: not JSON' }],
    ],
    [
      'an unknown caller',
      refused(401, { code: 'ASW-201', message: 'header.x-alphaswarm-tenant: missing header' }),
      'The API does not know who you are (401): header.x-alphaswarm-tenant: missing header [ASW-201]',
      [],
    ],
    [
      'a role the API refuses',
      refused(403, { code: 'ASW-202', message: 'control:write is not allowed for operator' }),
      'The API does not allow this for your role (403): control:write is not allowed for operator [ASW-202]',
      [],
    ],
    [
      'something missing',
      refused(404, { code: 'ASW-203', message: 'no workload wl-1 in tenant acme' }),
      'The API found no such thing in your tenant (404): no workload wl-1 in tenant acme [ASW-203]',
      [],
    ],
    [
      'a refused state change with the states it allows',
      refused(409, { code: 'ASW-204', message: 'workload wl-1 is failed and cannot become stopping', issues: [], allowedNextStates: [] }),
      'The API refused: it conflicts with the current state (409): workload wl-1 is failed and cannot become stopping [ASW-204] Allowed next states, as the API reports them: none.',
      [],
    ],
    [
      'a conflict that names the next states',
      refused(409, { code: 'ASW-204', message: 'cannot become pending', allowedNextStates: ['stopping', 'stopped'] }),
      'The API refused: it conflicts with the current state (409): cannot become pending [ASW-204] Allowed next states, as the API reports them: stopping, stopped.',
      [],
    ],
    [
      'a locked resource',
      refused(423, { code: 'ASW-205', message: 'workload:create is refused: the kill switch is engaged (drill)' }),
      'The API refused: locked (423): workload:create is refused: the kill switch is engaged (drill) [ASW-205]',
      [],
    ],
    [
      'an unavailable store',
      refused(503, { code: 'ASW-206', message: 'the store cannot be read' }),
      'The control plane is unavailable (503): the store cannot be read [ASW-206]',
      [],
    ],
    [
      'a proxy’s empty 502',
      refused(502, { code: 'ASW-299', message: 'unexpected 502 without an error body' }),
      'The controller, or a proxy in front of it, failed (502): unexpected 502 without an error body [ASW-299]',
      [],
    ],
    [
      'a status it has no words for',
      refused(418, { code: 'ASW-299', message: 'unexpected 418 without an error body' }),
      'The API answered 418: unexpected 418 without an error body [ASW-299]',
      [],
    ],
    [
      'no answer at all',
      new ManageApiConnectionError('GET', 'http://127.0.0.1:4100/manage/workloads', new TypeError('Failed to fetch')),
      'No answer from the controller: GET http://127.0.0.1:4100/manage/workloads got no answer: Failed to fetch. Is the controller running at http://127.0.0.1:4100?',
      [],
    ],
    ['a bug', new RangeError('index 3'), 'Unexpected error: index 3', []],
    ['a thrown string', 'boom', 'Unexpected error: boom', []],
  ])('describes %s', (_case, error, summary, fields) => {
    expect(describeError(error)).toEqual({ summary, fields });
  });
});
