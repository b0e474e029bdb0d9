/** Options of `nx g @alphaswarm/workspace-plugin:domain` (see schema.json). */
export interface DomainGeneratorSchema {
  name: string;
  allow?: string | string[];
  importableBy?: string | string[];
  type?: string;
  title?: string;
  owns?: string;
  doesNotOwn?: string;
  skipFormat?: boolean;
  skipInstall?: boolean;
  skipApiReport?: boolean;
}
