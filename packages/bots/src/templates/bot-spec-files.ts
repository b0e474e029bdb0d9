import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BotSpecV1Schema, type BotSpecV1 } from '@alphaswarm/core';
import { parse } from 'yaml';
import { BotsError } from '../bots-error.js';

/** A bot spec file as read from disk (or built in a test). */
export interface BotSpecSource {
  readonly file: string;
  readonly text: string;
}

/** The package's templates folder (`packages/bots/templates`), shipped with the package. */
export const templatesDir: string = fileURLToPath(new URL('../../templates', import.meta.url));

/** Every `*.yaml` file under a folder, recursively, sorted by path. */
export function readBotSpecSources(dir: string = templatesDir): BotSpecSource[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.yaml'))
    .sort()
    .map((path) => ({ file: join(dir, path), text: readFileSync(join(dir, path), 'utf8') }));
}

/**
 * Parse a bot spec file against core's `BotSpecV1` wire model; the file must be named
 * `<name>@<version>.yaml`.
 *
 * @throws BotsError ASW-701 naming the file and the offending field.
 */
export function parseBotSpecFile({ file, text }: BotSpecSource): BotSpecV1 {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: false });
  } catch (error) {
    throw new BotsError('ASW-701', `${file}: not valid YAML: ${(error as Error).message}`);
  }
  const parsed = BotSpecV1Schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BotsError('ASW-701', `${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message} (see BotSpecV1 in @alphaswarm/core)`);
  }
  const expected = `${parsed.data.name}@${parsed.data.version}.yaml`;
  if (basename(file) !== expected)
    throw new BotsError('ASW-701', `${file}: holds ${parsed.data.name}@${parsed.data.version}; rename the file to ${expected}`);
  return parsed.data;
}
