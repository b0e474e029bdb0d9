// The operator UI in a real browser: the production build (dist/static) served by `vite preview`
// on a free loopback port, forwarding /manage/* to a real controller this test starts through Nx
// (in-process provider, a temporary data directory), and the system Chromium driven by
// playwright-core. Elements are found by role and accessible name, as a person using a screen
// reader would find them. Screenshots go to test-output/e2e/ (git ignores it).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROLLER_URL_VARIABLE } from '../dev/controller-proxy.js';
import { startController, type StartedController } from '../dev/start-controller.js';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './chromium.js';

const projectDir = join(import.meta.dirname, '../..');
const screenshots = join(projectDir, 'test-output/e2e');
const browserPath = findChromium();
if (browserPath === undefined)
  process.stderr.write(`[operator-ui e2e] Chromium is missing, the browser test is skipped: ${CHROMIUM_INSTALL_HINT}\n`);

/** Waits until the element's text matches; a loaded machine may take seconds per refresh. */
async function textOf(locator: Locator, expected: RegExp): Promise<void> {
  await expect
    .poll(async () => ((await locator.count()) > 0 ? await locator.first().innerText() : ''), { timeout: 30_000, interval: 200 })
    .toMatch(expected);
}

describe.skipIf(browserPath === undefined)(
  `the operator UI, built for production, in Chromium${browserPath === undefined ? ` (skipped: Chromium is missing — ${CHROMIUM_INSTALL_HINT})` : ''}`,
  () => {
    let controller: StartedController | undefined;
    let server: PreviewServer | undefined;
    let context: BrowserContext | undefined;
    let page: Page;
    let dataDir: string;
    let profile: string;
    const pageErrors: string[] = [];

    const actAs = async (tenant: string, principal: string, role: string) => {
      const identity = page.getByRole('form', { name: 'Identity' });
      await identity.getByRole('textbox', { name: 'Tenant' }).fill(tenant);
      await identity.getByRole('textbox', { name: 'Principal' }).fill(principal);
      await identity.getByRole('combobox', { name: 'Role' }).selectOption(role);
      await identity.getByRole('button', { name: 'Act as this identity' }).click();
      await textOf(page.getByRole('region', { name: 'Session' }), new RegExp(`knows you as ${principal} of tenant ${tenant} \\(${role},`));
    };
    const createForm = () => page.getByRole('form', { name: 'Create a workload' });
    const create = async (name: string, image: string, replicas: string) => {
      const form = createForm();
      await form.getByRole('textbox', { name: 'Name' }).fill(name);
      await form.getByRole('textbox', { name: 'Image' }).fill(image);
      await form.getByRole('textbox', { name: 'Replicas' }).fill(replicas);
      await form.getByRole('button', { name: 'Create workload' }).click();
    };
    const workloads = () => page.getByRole('region', { name: 'Workloads' });
    const rowOf = (name: string) =>
      workloads()
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: `Open ${name}`, exact: true }) });
    const killSwitch = () => page.getByRole('region', { name: 'Kill switch' });
    const banner = () => page.getByRole('status', { name: 'Kill switch' });

    beforeAll(async () => {
      const build = join(projectDir, 'dist/static/index.html');
      if (!existsSync(build))
        throw new Error(`${build} is missing: run \`pnpm nx build operator-ui\` (nx run operator-ui:e2e builds it first)`);
      await rm(screenshots, { recursive: true, force: true });
      await mkdir(screenshots, { recursive: true });
      dataDir = await mkdtemp(join(tmpdir(), 'operator-ui-e2e-controller-'));
      profile = await mkdtemp(join(tmpdir(), 'operator-ui-e2e-chromium-'));
      controller = await startController({ cwd: projectDir, args: [`--data-dir=${dataDir}`, '--provider=in-process'] });
      // The config's proxy plugin forwards to the controller this names instead of starting one.
      process.env[CONTROLLER_URL_VARIABLE] = controller.url;
      server = await preview({
        root: projectDir,
        configFile: join(projectDir, 'vite.config.mts'),
        logLevel: 'warn',
        preview: { host: '127.0.0.1', port: 0, strictPort: true },
      });
      context = await chromium.launchPersistentContext(profile, { executablePath: browserPath, headless: true, args: [...CHROMIUM_ARGS] });
      page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('vite preview reported no local URL');
      await page.goto(url);
    });

    afterAll(async () => {
      await context?.close();
      await server?.close();
      await controller?.stop();
      delete process.env[CONTROLLER_URL_VARIABLE];
      await rm(dataDir, { recursive: true, force: true });
      await rm(profile, { recursive: true, force: true });
    });

    it('shows the signed-in tenant’s (empty) list, the session the API reports and the kill switch released', async () => {
      await page.getByRole('heading', { name: 'AlphaSwarm operator', level: 1 }).waitFor();
      await textOf(page.getByRole('region', { name: 'Session' }), /knows you as ada of tenant acme \(operator, by identity-headers\)/);
      await textOf(workloads(), /Tenant acme has no workloads\./);
      await textOf(banner(), /^Kill switch released$/);
    });

    it('creates a workload and lists it with its state, provider and age, refreshed without a reload', async () => {
      await create('feed', 'ghcr.io/alphaswarm/feed:1', '2');
      await textOf(rowOf('feed'), /feed\s+running\s+in-process\s+\d+ (s|min)/);
      const detail = page.getByRole('region', { name: 'Workload feed' });
      await textOf(
        detail.getByRole('table', { name: 'State history of feed' }),
        /1\s.*—\s+pending\s+request \(ada\)[\s\S]*2\s.*pending\s+running\s+provider/,
      );
    });

    it('shows a refused create field by field, in the API’s words, beside each input', async () => {
      await create('Not A Name', 'ghcr.io/alphaswarm/feed:1', '0');
      const form = createForm();
      const name = form.getByRole('textbox', { name: 'Name' });
      const replicas = form.getByRole('textbox', { name: 'Replicas' });
      await expect.poll(() => name.getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true');
      expect(await replicas.getAttribute('aria-invalid')).toBe('true');
      expect(await form.getByRole('textbox', { name: 'Image' }).getAttribute('aria-invalid')).toBeNull();
      const describedBy = async (input: Locator) =>
        input.evaluate((element) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
      expect(await describedBy(name)).toMatch(/lowercase letters, digits or dashes/);
      expect(await describedBy(replicas)).toMatch(/>=1/);
      await textOf(
        page.getByRole('alert').filter({ hasText: 'Creating the workload failed' }),
        /refused the request as invalid \(400\).*\[ASW-200\]/,
      );
      await page.screenshot({ path: join(screenshots, 'main-screen.png'), fullPage: true });
    });

    it('stops a workload and shows the history the API recorded', async () => {
      await rowOf('feed').getByRole('button', { name: 'Open feed', exact: true }).click();
      const detail = page.getByRole('region', { name: 'Workload feed' });
      await detail.getByRole('button', { name: 'Stop feed' }).click();
      await textOf(rowOf('feed'), /feed\s+stopped\s+in-process/);
      await textOf(
        detail.getByRole('table', { name: 'State history of feed' }),
        /running\s+stopping\s+request \(ada\)[\s\S]*stopping\s+stopped\s+provider/,
      );
    });

    it('deletes a workload', async () => {
      await page.getByRole('region', { name: 'Workload feed' }).getByRole('button', { name: 'Delete feed' }).click();
      await textOf(workloads(), /Tenant acme has no workloads\./);
      expect(await page.getByRole('region', { name: 'Workload feed' }).count()).toBe(0);
    });

    it('shows the API’s 403 in words when a role may not set the kill switch', async () => {
      await killSwitch().getByRole('textbox', { name: 'Reason for the change' }).fill('drill');
      await killSwitch().getByRole('button', { name: 'Engage kill switch' }).click();
      await textOf(
        killSwitch().getByRole('alert'),
        /Setting the kill switch failed\. The API does not allow this for your role \(403\): .*control:write.*\[ASW-202\]/,
      );
      await textOf(banner(), /^Kill switch released$/);
    });

    it('engages the kill switch as a platform admin: a banner says who, when and why, and a create is refused in words', async () => {
      await actAs('acme', 'root', 'platform-admin');
      await killSwitch().getByRole('textbox', { name: 'Reason for the change' }).fill('market halt');
      await killSwitch().getByRole('button', { name: 'Engage kill switch' }).click();
      await textOf(banner(), /^Kill switch engaged by root at .+: market halt$/);
      await page.getByRole('banner').screenshot({ path: join(screenshots, 'kill-switch-banner.png') });
      await create('feed-3', 'ghcr.io/alphaswarm/feed:1', '1');
      await textOf(
        page.getByRole('alert').filter({ hasText: 'Creating the workload failed' }),
        /The API refused: locked \(423\): .*kill switch is engaged \(market halt\) \[ASW-205\]/,
      );
      await textOf(workloads(), /Tenant acme has no workloads\./);
    });

    it('releases the kill switch, and the same create then works', async () => {
      await killSwitch().getByRole('textbox', { name: 'Reason for the change' }).fill('halt over');
      await killSwitch().getByRole('button', { name: 'Release kill switch' }).click();
      await textOf(banner(), /^Kill switch released$/);
      await createForm().getByRole('button', { name: 'Create workload' }).click();
      await textOf(rowOf('feed-3'), /feed-3\s+running\s+in-process/);
      expect(await page.getByRole('alert').filter({ hasText: 'Creating the workload failed' }).count()).toBe(0);
    });

    it('shows a second tenant none of the first tenant’s workloads', async () => {
      await actAs('globex', 'bob', 'admin');
      await textOf(workloads(), /Tenant globex has no workloads\./);
      expect(await page.getByRole('button', { name: 'Open feed-3', exact: true }).count()).toBe(0);
      await actAs('acme', 'ada', 'operator');
      await textOf(rowOf('feed-3'), /feed-3\s+running/);
    });

    it('wrote the screenshots, and the page threw nothing', async () => {
      for (const file of ['main-screen.png', 'kill-switch-banner.png']) {
        const png = await readFile(join(screenshots, file));
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(png.length).toBeGreaterThan(1000);
      }
      expect(pageErrors).toEqual([]);
    });
  },
);
