import { ManageApiRequestError, type ManageClient, type Workload } from '@alphaswarm/client';
import { useState } from 'preact/hooks';
import { describeError } from '../errors/describe-error.js';
import { ErrorNotice } from '../errors/error-notice.js';
import type { Pending } from '../progress/use-pending.js';

/** Props of {@link CreateWorkloadForm}. */
export interface CreateWorkloadFormProps {
  readonly client: ManageClient;
  readonly pending: Pending;
  /** Called with the workload the API created. */
  readonly onCreated: (workload: Workload) => void;
}

type FieldName = 'name' | 'image' | 'command' | 'replicas';

/** The form input an API field path belongs to (`body.spec.command.0` → `command`), if any. */
export function inputForField(field: string): FieldName | undefined {
  if (field === 'body.name') return 'name';
  if (field === 'body.spec.image') return 'image';
  if (field === 'body.spec.replicas') return 'replicas';
  if (field === 'body.spec.command' || field.startsWith('body.spec.command.')) return 'command';
  return undefined;
}

/**
 * Create a workload. The form checks nothing itself: it sends what was typed and shows the API's
 * 400 answer field by field, beside the input each field belongs to.
 */
export function CreateWorkloadForm({ client, pending, onCreated }: CreateWorkloadFormProps) {
  const [values, setValues] = useState<Record<FieldName, string>>({ name: '', image: '', command: '', replicas: '1' });
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const problems = describeError(error).fields;
  const fieldErrors = new Map<FieldName, string[]>();
  for (const problem of error instanceof ManageApiRequestError ? problems : []) {
    const input = inputForField(problem.field);
    if (input) fieldErrors.set(input, [...(fieldErrors.get(input) ?? []), problem.message]);
  }
  const shownFields = problems.filter((problem) => inputForField(problem.field) !== undefined).map((problem) => problem.field);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    const command = values.command
      .trim()
      .split(/\s+/)
      .filter((word) => word.length > 0);
    try {
      const created = await pending.track('POST /manage/workloads', () =>
        client.createWorkload({
          name: values.name,
          spec: { image: values.image, replicas: Number(values.replicas), ...(command.length > 0 ? { command } : {}) },
        }),
      );
      setValues({ name: '', image: '', command: '', replicas: '1' });
      onCreated(created);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: FieldName, label: string, inputMode: 'text' | 'numeric' = 'text') => {
    const messages = fieldErrors.get(name);
    const id = `create-${name}`;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          name={name}
          value={values[name]}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setValues((current) => ({ ...current, [name]: value }));
          }}
          aria-invalid={messages ? true : undefined}
          aria-describedby={messages ? `${id}-error` : undefined}
          autocomplete="off"
          inputMode={inputMode}
        />
        {messages && (
          <p id={`${id}-error`} class="field-error">
            {messages.join('; ')}
          </p>
        )}
      </div>
    );
  };

  return (
    <section class="panel" aria-labelledby="create-heading">
      <h2 id="create-heading">Create a workload</h2>
      <form
        aria-labelledby="create-heading"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {field('name', 'Name')}
        {field('image', 'Image')}
        {field('command', 'Command (words separated by spaces, optional)')}
        {field('replicas', 'Replicas', 'numeric')}
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? 'Creating…' : 'Create workload'}
        </button>
      </form>
      <ErrorNotice error={error} action="Creating the workload" shownFields={shownFields} />
    </section>
  );
}
