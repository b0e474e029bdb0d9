import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { ApiReportError } from './api-report-error.js';
import type { EntryPoint } from './entry-points.js';

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
              lib: ['es2023'],
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
