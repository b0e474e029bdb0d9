/**
 * Why a request was refused. `kill-switch-unknown` means the kill switch could not be read: an
 * action it would block is refused too (it fails closed).
 */
export type DenialReason = 'forbidden' | 'kill-switch-engaged' | 'kill-switch-unknown' | 'not-found';

/** The verdict of {@link checkAccess}: allowed, or refused with a reason and a message for people. */
export type AccessDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: DenialReason; readonly message: string };
