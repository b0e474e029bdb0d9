import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { ApiReportError } from './api-report-error.js';
import type { EntryPoint } from './entry-points.js';

/**
 * The `lib` the package's sources compile against (`compilerOptions.lib` of its
 * `tsconfig.lib.json`), so that a browser package's DOM types (`Element`) resolve; `es2023`, the
 * workspace's, when the package names none.
 */
export function libOf(packageDir: string): string[] {
  const file = join(packageDir, 'tsconfig.lib.json');
  if (!existsSync(file)) return ['es2023'];
  const lib: unknown = (JSON.parse(readFileSync(file, 'utf8')) as { compilerOptions?: { lib?: unknown } }).compilerOptions?.lib;
  return Array.isArray(lib) && lib.length > 0 && lib.every((entry) => typeof entry === 'string') ? lib : ['es2023'];
}

/** Run api-extractor on one built entry point and return its report text. */
export function extractReport(packageDir: string, entry: EntryPoint): { text: string; warnings: string[] } {
  const declaration = join(packageDir, entry.types);
  if (!existsSync(declaration)) {
    throw new ApiReportError('ASW-104', `${declaration} does not exist: build the package first (the api-report target depends on build)`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'api-report-'));
  try {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: packageDir,
        mainEntryPointFilePath: declaration,
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              module: 'nodenext',
              moduleResolution: 'nodenext',
              target: 'es2023',
              lib: libOf(packageDir),
              types: ['node'],
              strict: true,
              skipLibCheck: true,
            },
            files: [declaration],
          },
        },
        apiReport: { enabled: true, reportFileName: 'report', reportFolder: scratch, reportTempFolder: scratch },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: 'lf',
        messages: {
          extractorMessageReporting: {
            'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
            'ae-unresolved-link': { logLevel: ExtractorLogLevel.None },
            default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
          },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
          compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        },
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: join(packageDir, 'package.json'),
    });
    const warnings: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: true,
      messageCallback: (message) => {
        if (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning) {
          warnings.push(message.formatMessageWithLocation(packageDir));
        }
        message.handled = true;
      },
    });
    if (result.errorCount > 0) {
      throw new ApiReportError('ASW-105', `api-extractor failed for ${declaration}:\n${warnings.join('\n')}`);
    }
    return { text: readFileSync(join(scratch, 'report.api.md'), 'utf8'), warnings };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
