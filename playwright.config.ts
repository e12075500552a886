import { defineConfig, devices } from '@playwright/test';

// End-to-end tests run against the production build served by `astro preview` (never
// `astro dev`), in Debian's chromium-headless-shell unless CHROMIUM_PATH points elsewhere: the
// same Blink as Chromium in the build Playwright itself runs headless tests in, at half the CPU
// time of the full browser, which on two cores halves the suite. Set CHROMIUM_PATH="" to use a
// browser installed by `npx playwright install` instead.
// The `nginx` project runs tests/e2e/nginx/ against the same build served by a real nginx
// with deploy/nginx.conf (headers, CSP, caching, compression), and against the sub-path build.
const PORT = Number(process.env.PREVIEW_PORT ?? 4391);
const NGINX_PORT = Number(process.env.NGINX_PORT ?? 4392);
const NGINX_SUBPATH_PORT = Number(process.env.NGINX_SUBPATH_PORT ?? 4393);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell';
const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    ...(chromium ? { executablePath: chromium } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: './tests/e2e',
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  // Two, not Playwright's default of half the cores: the tests mostly wait on the browser.
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace of every test, to keep the failing ones, costs a third of the suite's
    // time on two cores. A failure prints its error and page snapshot; to see its trace, run that
    // test again with `npx playwright test --trace on`.
    trace: 'off',
  },
  projects: [
    { name: 'chromium', testIgnore: '**/nginx/**', use: browser },
    {
      name: 'nginx',
      testMatch: '**/nginx/**/*.spec.ts',
      use: { ...browser, baseURL: `http://127.0.0.1:${NGINX_PORT}` },
    },
  ],
  webServer: [
    {
      command: `node_modules/.bin/astro preview --host 127.0.0.1 --port ${PORT} --ignore-lock`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'node tests/e2e/nginx/serve.ts',
      url: `http://127.0.0.1:${NGINX_SUBPATH_PORT}/k8s-workloads/`,
      env: { NGINX_PORT: String(NGINX_PORT), NGINX_SUBPATH_PORT: String(NGINX_SUBPATH_PORT) },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
