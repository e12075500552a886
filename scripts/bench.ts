// `npm run bench`: builds the site (timed), then prints one table row for every public page: bytes
// by type (raw and gzip) and request count of the whole first load, text included, and
// Lighthouse's four category scores with LCP, TBT and CLS (mobile settings, the system Chromium).
// Timings vary with the machine, so they live here, not in tests; the budgets on what the site
// adds (JavaScript and CSS per page) are asserted in `npm test` (scripts/check-dist.ts).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pageAssets, totals } from '../src/lib/output/budget.ts';
import { loadBuiltPages, urlReader } from '../src/lib/output/built-pages.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4394);
const CHROME = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const DIST = 'dist';

const started = Date.now();
execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
const buildSeconds = (Date.now() - started) / 1000;

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
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
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
console.log(
  `\nBuild: ${buildSeconds.toFixed(1)} s (astro build + pagefind). Bytes are KB raw/gzip of the first load.\n`,
);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  '\nLighthouse: mobile emulation and throttling (its defaults), system Chromium; reports in reports/lighthouse/.',
);
