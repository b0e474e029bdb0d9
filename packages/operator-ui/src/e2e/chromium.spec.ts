// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, CHROMIUM_PATH, findChromium } from './chromium.js';

describe('findChromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'operator-ui-chromium-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is Debian’s /usr/bin/chromium by default', () => {
    expect(CHROMIUM_PATH).toBe('/usr/bin/chromium');
  });

  it('gives the path when the browser is there, and undefined when it is missing (the test is then skipped)', () => {
    const present = join(dir, 'chromium');
    writeFileSync(present, '');
    expect(findChromium(present)).toBe(present);
    expect(findChromium(join(dir, 'missing'))).toBeUndefined();
  });

  it('tells a person how to install it', () => {
    expect(CHROMIUM_INSTALL_HINT).toBe('apt-get install -y chromium (as root; .ci/run does it), then run the test again');
  });

  it('starts it headless, without the sandbox and without background networking', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--headless', '--no-sandbox', '--disable-background-networking']));
  });
});
