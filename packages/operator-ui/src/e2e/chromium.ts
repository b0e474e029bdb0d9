import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install -y chromium`); `.ci/run` installs it when it is missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** How to get Chromium on a machine without it, for the skip message. */
export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium (as root; .ci/run does it), then run the test again';

/**
 * The flags Chromium needs on these machines: headless, no sandbox (root in a container), and no
 * background networking — without those it stalls on a closed network. The profile is a new empty
 * folder given to `launchPersistentContext`, which passes it as `--user-data-dir`.
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

/** The system Chromium's path, or `undefined` when it is not installed (the test then skips and says how to install it). */
export function findChromium(path = CHROMIUM_PATH): string | undefined {
  return existsSync(path) ? path : undefined;
}
