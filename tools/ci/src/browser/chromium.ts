import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install -y chromium`); `.ci/run` installs it when it is missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** How to get Chromium on a machine without it, for skip messages. */
export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium (as root; .ci/run does it), then run the test again';

/**
 * The flags Chromium needs on these machines: headless, no sandbox (root in a container), and no
 * background networking — without those it stalls on a closed network. Playwright adds
 * `--user-data-dir` itself when given a fresh empty folder (`launchPersistentContext`).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The path of the system Chromium, or `undefined` when it is not installed (tests then skip and say how to install it). */
export function findChromium(path = CHROMIUM_PATH): string | undefined {
  return existsSync(path) ? path : undefined;
}

/**
 * Options for playwright-core's `chromium.launchPersistentContext(<new empty folder>, options)`:
 * the system Chromium (never a downloaded browser) with {@link CHROMIUM_ARGS}.
 */
export function chromiumLaunchOptions(executablePath: string): { executablePath: string; headless: true; args: string[] } {
  return { executablePath, headless: true, args: [...CHROMIUM_ARGS] };
}
