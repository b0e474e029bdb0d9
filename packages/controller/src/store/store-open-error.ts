/** The store could not be opened or migrated; the message names where and why. */
export class StoreOpenError extends Error {
  /** Always `StoreOpenError`. */
  override readonly name = 'StoreOpenError';
}
