import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The nginx site ships in this package (`files` lists nginx/) so the deployment image installs it
// from the tarball with the static build; these are the promises the page relies on.
const packageRoot = join(import.meta.dirname, '..');
const site = readFileSync(join(packageRoot, 'nginx/default.conf.template'), 'utf8');
const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { files: string[] };

describe('the nginx site of the operator UI image', () => {
  it('listens on the image contract’s port and serves the folder the Vite build writes', () => {
    expect(site).toContain('listen 8080;');
    expect(site).toContain('root /usr/share/nginx/html;');
    expect(readFileSync(join(packageRoot, 'vite.config.mts'), 'utf8')).toContain("outDir: 'dist/static'");
  });

  it('forwards /manage/ to the controller the environment names, and falls back to the page', () => {
    expect(site).toMatch(/location \/manage\/ \{\s+proxy_pass \$\{CONTROLLER_URL\};/);
    expect(site).toContain('try_files $uri /index.html;');
  });

  it('is packed with the static build', () => {
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'nginx']));
  });
});
