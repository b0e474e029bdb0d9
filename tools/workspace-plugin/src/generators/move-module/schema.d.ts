/** Options of `nx g @alphaswarm/workspace-plugin:move-module` (see schema.json). */
export interface MoveModuleGeneratorSchema {
  from: string;
  to: string;
  legacyExport?: string;
  skipFormat?: boolean;
  skipInstall?: boolean;
  skipApiReport?: boolean;
}
