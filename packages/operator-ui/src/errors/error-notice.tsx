import { describeError } from './describe-error.js';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  /** What the failed call threw; nothing is shown while it is undefined. */
  readonly error: unknown;
  /** What was being done, e.g. `Create workload`. */
  readonly action: string;
  /** Field problems shown beside their inputs are left out here. */
  readonly shownFields?: readonly string[];
}

/** A failed call, in words, announced to assistive technology as it appears. */
export function ErrorNotice({ error, action, shownFields = [] }: ErrorNoticeProps) {
  if (error === undefined) return null;
  const { summary, fields } = describeError(error);
  const rest = fields.filter((problem) => !shownFields.includes(problem.field));
  return (
    <div class="error" role="alert">
      <p>
        <strong>{action} failed.</strong> {summary}
      </p>
      {rest.length > 0 && (
        <ul>
          {rest.map((problem) => (
            <li key={problem.field}>
              <code>{problem.field}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
