import { render } from 'preact';
import { OperatorApp } from './app/operator-app.js';
import type { OperatorIdentity } from './identity/operator-identity.js';
import { loadIdentity, saveIdentity } from './identity/saved-identity.js';

/** Options of {@link mountOperatorUi}. */
export interface OperatorUiOptions {
  /** The origin that serves `/manage/*`; the page's own origin by default (the dev server and the web server proxy it). */
  readonly baseUrl?: string;
  /** Who the page acts as first; the identity picked last in this browser, else an operator of `acme`. */
  readonly identity?: OperatorIdentity;
  /** How often the workloads and the kill switch are read again, in ms; 2000 by default. */
  readonly refreshMs?: number;
  /** The fetch the client uses; the global one by default. */
  readonly fetch?: (request: Request) => Promise<Response>;
}

/**
 * Render the operator UI into `element` and return a function that removes it. The page talks to
 * the controller only through `@alphaswarm/client`.
 */
export function mountOperatorUi(element: Element, options: OperatorUiOptions = {}): () => void {
  const storage = browserStorage();
  render(
    <OperatorApp
      baseUrl={options.baseUrl ?? globalThis.location.origin}
      initialIdentity={options.identity ?? loadIdentity(storage)}
      refreshMs={options.refreshMs ?? 2000}
      {...(options.fetch ? { fetch: options.fetch } : {})}
      onIdentityChange={(identity) => saveIdentity(storage, identity)}
    />,
    element,
  );
  return () => render(null, element);
}

/** The page's local storage, or undefined where the browser refuses it (a sandboxed frame, disabled storage). */
function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
