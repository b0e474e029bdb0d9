import { createManageClient } from '@alphaswarm/client';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { json, scriptedFetch } from '../__fixtures__/scripted-fetch.js';
import type { Pending } from '../progress/use-pending.js';
import { CreateWorkloadForm, inputForField } from './create-workload-form.js';

const pending: Pending = { labels: [], track: (_label, work) => work() };
const type = (name: string, value: string) => fireEvent.input(screen.getByRole('textbox', { name }), { target: { value } });
const descriptionOf = (name: string) => {
  const input = screen.getByRole('textbox', { name });
  return input.getAttribute('aria-invalid') === 'true'
    ? document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent
    : undefined;
};

afterEach(cleanup);

describe('CreateWorkloadForm', () => {
  it.each([
    ['body.name', 'name'],
    ['body.spec.image', 'image'],
    ['body.spec.replicas', 'replicas'],
    ['body.spec.command', 'command'],
    ['body.spec.command.2', 'command'],
    ['body.spec', undefined],
    ['body.spec.env.1X', undefined],
    ['body.owner', undefined],
  ])('puts the API’s field %s beside the %s input', (field, input) => {
    expect(inputForField(field)).toBe(input);
  });

  it('sends what was typed, unchecked, and shows the API’s 400 field by field', async () => {
    const api = scriptedFetch({
      'POST /manage/workloads': () =>
        json(400, {
          code: 'ASW-200',
          message: 'body.name: use lowercase letters (and 2 more)',
          field: 'body.name',
          issues: [
            { field: 'body.name', message: 'use lowercase letters' },
            { field: 'body.spec.replicas', message: 'Invalid input: expected number, received null' },
            { field: 'body.spec.env', message: 'not allowed here' },
          ],
        }),
    });
    const client = createManageClient({
      baseUrl: 'http://controller.test',
      identity: { tenant: 'acme', principal: 'ada', roles: ['operator'] },
      fetch: api.fetch,
    });
    render(<CreateWorkloadForm client={client} pending={pending} onCreated={() => undefined} />);
    type('Name', 'Bad Name');
    type('Command (words separated by spaces, optional)', ' sleep   60 ');
    type('Replicas', 'many');
    fireEvent.click(screen.getByRole('button', { name: 'Create workload' }));

    await waitFor(() => expect(descriptionOf('Name')).toBe('use lowercase letters'));
    expect(descriptionOf('Replicas')).toBe('Invalid input: expected number, received null');
    expect(descriptionOf('Image')).toBeUndefined();
    expect(descriptionOf('Command (words separated by spaces, optional)')).toBeUndefined();
    expect(screen.getByRole('alert').textContent).toBe(
      'Creating the workload failed. The API refused the request as invalid (400): body.name: use lowercase letters (and 2 more) [ASW-200]body.spec.env: not allowed here',
    );
    expect(api.seen.map((request) => request.body)).toEqual([
      { name: 'Bad Name', spec: { image: '', replicas: null, command: ['sleep', '60'] } },
    ]);
  });

  it('clears the form and reports the created workload', async () => {
    const created = { id: 'wl-1', name: 'feed' };
    const api = scriptedFetch({ 'POST /manage/workloads': () => json(201, created) });
    const client = createManageClient({
      baseUrl: 'http://controller.test',
      identity: { tenant: 'acme', principal: 'ada', roles: ['operator'] },
      fetch: api.fetch,
    });
    const reported: unknown[] = [];
    render(<CreateWorkloadForm client={client} pending={pending} onCreated={(workload) => reported.push(workload)} />);
    type('Name', 'feed');
    type('Image', 'feed:1');
    fireEvent.click(screen.getByRole('button', { name: 'Create workload' }));
    await waitFor(() => expect(reported).toEqual([created]));
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('');
    expect(api.seen.map((request) => request.body)).toEqual([{ name: 'feed', spec: { image: 'feed:1', replicas: 1 } }]);
  });
});
