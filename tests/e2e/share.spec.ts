// Links that travel: share pages that unfurl as the place (fetched without JavaScript, as chat and
// wiki unfurlers do) and land on it (opened by a person), and copy buttons whose clipboard item
// pastes as a titled link into rich editors and as a URL or Markdown elsewhere.
import { expect, test, type Page } from '@playwright/test';
import { SITE_VERSION, clipboardText } from './helpers';

/** The Open Graph and Twitter tags of a share page, as an unfurler reads them from the HTML. */
function tags(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, key, value] of html.matchAll(/<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)"/g))
    out[key as string] = (value as string).replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&');
  return out;
}

for (const [path, title, description, image] of [
  ['/s/workloads/statefulset/use-cases/', 'StatefulSet › Use cases', /\w/, '/og/s/workloads/statefulset/use-cases.png'],
  [
    '/s/compare/statefulset/',
    'Compare all seven workload resources › StatefulSet',
    /^Pod uniqueness: /,
    '/og/s/compare/statefulset.png',
  ],
  [
    '/s/compare/statefulset-storage/',
    'Compare all seven workload resources › StatefulSet · Storage',
    // The cell's value, then its note: nothing another Kubernetes version would show in between.
    /^Per-Pod claims via volumeClaimTemplates\. Only with volumeClaimTemplates\./,
    '/og/s/compare/statefulset.png',
  ],
  ['/s/compare/col-storage/', 'Compare all seven workload resources › Storage', /\?$/, '/og/s/compare/col-storage.png'],
  [
    '/s/choose/q-finishes/',
    'Which workload do you need? › Does the work finish on its own?',
    /exits when done/,
    '/og/s/choose/q-finishes.png',
  ],
  [
    '/s/glossary/headless-service/',
    'Glossary of workload terms › headless Service',
    /clusterIP/,
    '/og/s/glossary/headless-service.png',
  ],
] as const) {
  test(`${path} unfurls as its place, with its own image`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const html = await response.text();
    const og = tags(html);
    expect(og['og:title']).toBe(title);
    expect(og['og:description']).toMatch(description);
    expect(og['twitter:card']).toBe('summary_large_image');
    expect(new URL(og['og:url'] ?? '').pathname).toBe(path);
    expect(new URL(og['og:image'] ?? '').pathname).toBe(image);
    expect(html).toMatch(/<meta name="robots" content="noindex">/);
    const png = await request.get(image);
    expect(png.headers()['content-type']).toContain('image/png');
    expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');
  });
}

test('robots.txt lets crawlers reach the share pages', async ({ request }) => {
  expect(await (await request.get('/robots.txt')).text()).toMatch(/^Allow: \/s\/$/m);
});

test('a pinned share page says its edition', async ({ request }) => {
  const og = tags(await (await request.get(`/v${SITE_VERSION}/s/workloads/statefulset/use-cases/`)).text());
  expect(og['og:title']).toBe(`StatefulSet › Use cases · v${SITE_VERSION} edition`);
});

test('opened by a person, a share page lands on the place, keeping the query, adding no history entry', async ({
  page,
}) => {
  await page.goto('/compare/');
  await page.goto('/s/workloads/statefulset/storage/?k8s=1.33');
  await expect(page).toHaveURL(/\/workloads\/statefulset\/\?k8s=1\.33#storage$/);
  await expect(page.locator('#storage')).toBeFocused();
  await expect(page.locator('#storage')).toHaveAttribute('data-landed', '');
  await page.goBack();
  // Back on the page before; the version chosen by the share link's query is remembered there.
  await expect(page).toHaveURL(/\/compare\/(\?k8s=1\.33)?$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the meta refresh takes the reader to the place', async ({ page }) => {
    await page.goto('/s/glossary/headless-service/');
    await expect(page).toHaveURL(/\/glossary\/#headless-service$/, { timeout: 5000 });
  });
});

test.describe('copying', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  /** The clipboard's one item, read back as each of its types. */
  const clipboard = (page: Page) =>
    page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const out: Record<string, string> = {};
      for (const item of items) for (const type of item.types) out[type] = await (await item.getType(type)).text();
      return out;
    });

  test('each copy button writes a titled link as text/html and the URL or Markdown as text/plain', async ({ page }) => {
    await page.goto('/workloads/statefulset/');
    const canonical = (await page.locator('link[rel=canonical]').getAttribute('href')) ?? '';
    const shared = new URL('/s/workloads/statefulset/use-cases/', canonical).href;
    const pinned = new URL(`/v${SITE_VERSION}/s/workloads/statefulset/use-cases/`, canonical).href;
    const label = 'StatefulSet › Use cases';
    for (const [button, plain, url, announced] of [
      ['Copy link to Use cases', shared, shared, 'Link copied'],
      ['Copy Markdown link to Use cases', `[${label}](${shared})`, shared, 'Markdown link copied'],
      ['Copy pinned link to Use cases', pinned, pinned, 'Pinned link copied'],
    ] as const) {
      await page.getByRole('button', { name: button }).click();
      await expect(page.locator('#announcer')).toHaveText(announced);
      await expect
        .poll(() => clipboard(page).catch(() => ({})))
        .toEqual({ 'text/plain': plain, 'text/html': `<a href="${url}">${label}</a>` });
    }
  });

  test('without ClipboardItem, the plain text is copied as before', async ({ page }) => {
    await page.addInitScript(() => {
      // A browser without the async clipboard's item API.
      delete (window as { ClipboardItem?: unknown }).ClipboardItem;
    });
    await page.goto('/glossary/');
    await page.getByRole('button', { name: 'Copy link to headless Service' }).click();
    await expect(page.locator('#announcer')).toHaveText('Link copied');
    await expect.poll(() => clipboardText(page)).toMatch(/\/s\/glossary\/headless-service\/$/);
  });

  test('a pinned link, opened, shows the place in the pinned edition', async ({ page }) => {
    await page.goto('/compare/');
    await page.getByRole('button', { name: 'Copy pinned link to StatefulSet' }).click();
    await expect(page.locator('#announcer')).toHaveText('Pinned link copied');
    await expect
      .poll(() => clipboardText(page))
      .toMatch(new RegExp(`/v${SITE_VERSION.replace('.', '\\.')}/s/compare/statefulset/$`));
    const pinned = new URL(await clipboardText(page));
    await page.goto(pinned.pathname);
    await expect(page).toHaveURL(new RegExp(`/v${SITE_VERSION.replace('.', '\\.')}/compare/#statefulset$`));
    await expect(page.locator('#statefulset')).toBeFocused();
  });
});
