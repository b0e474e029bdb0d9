import type { Session } from '@alphaswarm/client';
import { ErrorNotice } from '../errors/error-notice.js';

/** Props of {@link SessionSummary}. */
export interface SessionSummaryProps {
  readonly session: Session | undefined;
  readonly error: unknown;
}

/** Who the API says the page acts as, and the permissions the API grants it now. */
export function SessionSummary({ session, error }: SessionSummaryProps) {
  return (
    <section class="session" aria-label="Session">
      <ErrorNotice error={error} action="Reading the session" />
      {session && (
        <p>
          The API knows you as <strong>{session.principal.id}</strong> of tenant <strong>{session.principal.tenantId}</strong> (
          {session.principal.roles.join(', ')}, by {session.authenticatedBy}) and grants: {session.permissions.join(', ') || 'nothing'}.
        </p>
      )}
    </section>
  );
}
