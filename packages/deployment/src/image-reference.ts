/** A container image reference split into its parts. */
export interface ImageReference {
  readonly repository: string;
  readonly tag: string;
}

const reference = /^([a-z0-9]+(?:[._/-][a-z0-9]+)*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?$/;

/** Parse `repository[:tag]`; the tag defaults to `latest`. */
export function parseImageReference(value: string): ImageReference {
  const match = reference.exec(value);
  if (!match?.[1]) throw new TypeError(`invalid image reference "${value}"`);
  return { repository: match[1], tag: match[2] ?? 'latest' };
}
