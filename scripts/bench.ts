// `npm run bench`: builds the site twice, timed: clean (no cached social images, so every image
// is rendered) and again (nothing changed, so no image is rendered); reports what the links that
// travel add to dist/ (share pages, their images, the pinned editions and copies: count and
// bytes); then prints one table row for every public page: bytes by type (raw and gzip) and
// request count of the whole first load, text included, and Lighthouse's four category scores
// with LCP, TBT and CLS (mobile settings, the system Chromium).
// Timings vary with the machine, so they live here, not in tests; the budgets on what the site
// adds (JavaScript and CSS per page) are asserted in `npm test` (scripts/check-dist.ts).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { OG_CACHE_DIR } from '../src/lib/output/og-cache.ts';
import { pageAssets, totals } from '../src/lib/output/budget.ts';
import { loadBuiltPages, urlReader } from '../src/lib/output/built-pages.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4394);
// Lighthouse needs the full browser (the browser tests run in the headless shell); CHROME_PATH is
// the variable Lighthouse's own launcher reads.
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const DIST = 'dist';

/** Builds the site; the seconds it took and the share jobs' log lines ("1979 share pages, 370 images (…)"). */
function build(): { seconds: number; share: string } {
  const started = Date.now();
  const log = execFileSync('npm', ['run', 'build', '--silent'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = /\] share: (\d+ share pages)/.exec(log)?.[1] ?? '(no share pages)';
  const images = /\] share: (\d+ images? \(.*)/.exec(log)?.[1] ?? '(no images)';
  return { seconds: (Date.now() - started) / 1000, share: `${pages}, ${images}` };
}
rmSync(OG_CACHE_DIR, { recursive: true, force: true });
const clean = build();
const rebuild = build();

// What the links that travel add to dist/: share pages and their images, pinned editions and copies.
const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((file) =>
  statSync(path.join(DIST, file)).isFile(),
);
const added = { 'share pages': [0, 0], 'share images': [0, 0], 'pinned editions and copies': [0, 0] };
for (const file of files) {
  const kind = /^(v[\d.]+\/)?s\/.+\.html$/.test(file)
    ? 'share pages'
    : file.startsWith('og/s/')
      ? 'share images'
      : /^v[\d.]+\//.test(file)
        ? 'pinned editions and copies'
        : undefined;
  if (!kind) continue;
  const entry = added[kind];
  entry[0] = (entry[0] ?? 0) + 1;
  entry[1] = (entry[1] ?? 0) + statSync(path.join(DIST, file)).size;
}

// Every public page, not a sample: the pages of the build that search engines may index.
const pages = (await loadBuiltPages(DIST)).filter((page) => !page.noindex);

const server = spawn(
  'node_modules/.bin/astro',
  ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'],
  { stdio: 'ignore' },
);
const stop = () => server.kill();
process.on('exit', stop);

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('astro preview did not start');
}

interface LighthouseResult {
  categories: Record<string, { score: number }>;
  audits: Record<string, { numericValue?: number }>;
}

function lighthouse(url: string): LighthouseResult {
  mkdirSync('reports/lighthouse', { recursive: true });
  const out = path.join('reports/lighthouse', `${url.replace(/[^a-z0-9]+/gi, '_') || 'index'}.json`);
  execFileSync(
    'node_modules/.bin/lighthouse',
    [
      url,
      '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--output=json',
      `--output-path=${out}`,
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking ' +
        '--disable-component-update --disable-sync --no-first-run',
    ],
    { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return JSON.parse(readFileSync(out, 'utf8')) as LighthouseResult;
}

const kb = (n: number) => (n / 1024).toFixed(1);
const read = urlReader(DIST);

await waitForServer();
const header = [
  'page',
  'html',
  'css',
  'js',
  'other',
  'total gzip',
  'req',
  'perf',
  'a11y',
  'bp',
  'seo',
  'LCP ms',
  'TBT ms',
  'CLS',
];
const rows: string[][] = [];
for (const page of pages) {
  const sum = totals(pageAssets(page, read));
  const report = lighthouse(`http://127.0.0.1:${PORT}${page.path}`);
  const score = (id: string) => String(Math.round((report.categories[id]?.score ?? 0) * 100));
  const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
  const bytes = (kind: keyof typeof sum) => `${kb(sum[kind].raw)}/${kb(sum[kind].gzip)}`;
  rows.push([
    page.path,
    bytes('html'),
    bytes('css'),
    bytes('js'),
    `${kb(sum.image.raw + sum.other.raw)}/${kb(sum.image.gzip + sum.other.gzip)}`,
    `${kb(sum.all.gzip)} KB`,
    String(sum.all.count),
    score('performance'),
    score('accessibility'),
    score('best-practices'),
    score('seo'),
    String(Math.round(audit('largest-contentful-paint'))),
    String(Math.round(audit('total-blocking-time'))),
    audit('cumulative-layout-shift').toFixed(3),
  ]);
}
stop();

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
console.log(`\nClean build: ${clean.seconds.toFixed(1)} s (astro build + pagefind, no cached image): ${clean.share}`);
console.log(`Rebuild, nothing changed: ${rebuild.seconds.toFixed(1)} s: ${rebuild.share}`);
const total = Object.values(added).reduce((sum, [, bytes]) => sum + (bytes ?? 0), 0);
console.log(
  `Added to dist/: ${Object.entries(added)
    .map(([kind, [count, bytes]]) => `${kind} ${count} files, ${mb(bytes ?? 0)} MB`)
    .join('; ')}; ${mb(total)} MB in all\n`,
);
console.log('Bytes below are KB raw/gzip of the first load.\n');
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  '\nLighthouse: mobile emulation and throttling (its defaults), system Chromium; reports in reports/lighthouse/.',
);
