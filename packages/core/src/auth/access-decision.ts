/** Why a request was refused. */
export type DenialReason = 'forbidden' | 'kill-switch-engaged' | 'not-found';

/** The verdict of {@link checkAccess}: allowed, or refused with a reason and a message for people. */
export type AccessDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: DenialReason; readonly message: string };
