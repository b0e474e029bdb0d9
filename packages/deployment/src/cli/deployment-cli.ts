import { parseArgs } from 'node:util';
import { deploymentDir, readDeploymentInput } from '../deployment-files.js';
import { validateDeployment } from '../manifests/validate-deployment.js';

/** Where the CLI writes; `process` in production, a buffer in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const help = `Usage: deployment validate [--dir <folder>] [--json]

  validate   check images.json and every compose/*.yaml and k8s/*.yaml: images from the contracts
             with pinned tags, nothing that belongs to cluster bootstrap, Dockerfiles present,
             images built from the packaged subset of their project (exit 1 on a violation)

Options:
  --dir      the deployment folder (default: this package)
  --json     print the result as JSON
  --help     show this help
`;

/** The `deployment` command; returns the exit code (1 on a user error or a violation). */
export function runDeploymentCli(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { dir: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${help}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  if (positionals[0] !== 'validate') {
    io.stderr.write(`deployment: unknown command "${positionals[0] ?? ''}"\n\n${help}`);
    return 1;
  }
  const input = readDeploymentInput(values.dir ?? deploymentDir);
  const violations = validateDeployment(input);
  if (values.json)
    io.stdout.write(`${JSON.stringify({ manifests: input.manifests.map((manifest) => manifest.file), violations }, null, 2)}\n`);
  else if (violations.length > 0) for (const violation of violations) io.stderr.write(`${violation.message}\n`);
  else io.stdout.write(`deployment: images.json and ${input.manifests.length} manifest(s) are valid\n`);
  return violations.length === 0 ? 0 : 1;
}
