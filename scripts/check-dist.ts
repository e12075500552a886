// Checks over the built site (part of `npm test`, after the builds):
// the id registry, page weight budgets, the Markdown twins, HTML validity (Nu HTML Checker)
// and internal links with fragments (linkinator), for the root build and the sub-path build.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { BUDGET, pageAssets, totals } from '../src/lib/output/budget.ts';
import { pagePathOf, readPageIds } from '../src/lib/links/page-ids.ts';
import { markdownTwinPath } from '../src/lib/links/urls.ts';
import { checkAnchors } from './anchors.ts';

const DIST = 'dist';
const SUBPATH_ROOT = '.tmp/subpath';
let failures = 0;
const fail = (message: string) => {
  failures++;
  console.error(`✗ ${message}`);
};
const section = (title: string) => console.log(`\n— ${title}`);

const htmlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
const publicPages = htmlFiles(DIST).filter((file) => !readPageIds(readFileSync(path.join(DIST, file), 'utf8')).noindex);

section('id registry');
failures += await checkAnchors(DIST);

section(`page weight (gzip level 9; budget ${BUDGET.page} B per page, ${BUDGET.script} B of JavaScript)`);
const read = (url: string) => {
  const file = path.join(DIST, decodeURIComponent(url));
  return existsSync(file) ? readFileSync(file) : null;
};
for (const file of [...publicPages, '404.html']) {
  const url = pagePathOf(file);
  const assets = pageAssets(url, readFileSync(path.join(DIST, file), 'utf8'), read);
  const sum = totals(assets);
  for (const asset of assets) if (asset.raw === 0) fail(`${url}: ${asset.url} is referenced but not in dist/`);
  if (sum.font.count)
    fail(
      `${url}: loads web fonts (${assets
        .filter((a) => a.kind === 'font')
        .map((a) => a.url)
        .join(', ')})`,
    );
  if (sum.all.gzip > BUDGET.page)
    fail(`${url}: first load is ${sum.all.gzip} B gzip, over the ${BUDGET.page} B budget`);
  if (sum.js.gzip > BUDGET.script)
    fail(`${url}: JavaScript is ${sum.js.gzip} B gzip, over the ${BUDGET.script} B budget`);
  console.log(
    `${url.padEnd(28)} ${String(sum.all.gzip).padStart(6)} B  (html ${sum.html.gzip}, css ${sum.css.gzip}, js ${sum.js.gzip}, ${sum.all.count} requests)`,
  );
}

section('Markdown twins');
for (const file of publicPages) {
  const page = pagePathOf(file);
  const twin = path.join(DIST, markdownTwinPath(page));
  if (!existsSync(twin)) {
    fail(`${page}: no Markdown twin at ${markdownTwinPath(page)}`);
    continue;
  }
  const markdown = readFileSync(twin, 'utf8');
  const headings = parse(readFileSync(path.join(DIST, file), 'utf8'))
    .querySelectorAll('main h1, main h2:not([data-js-only] h2)')
    .map((h) => h.text.replace(/\s+/g, ' ').trim());
  for (const heading of headings)
    if (!markdown.includes(heading)) fail(`${markdownTwinPath(page)}: missing the heading "${heading}"`);
}
console.log(`${publicPages.length} twins hold their pages' headings`);

section('HTML validity (Nu HTML Checker)');
try {
  execFileSync('java', ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--skip-non-html', DIST], {
    stdio: 'inherit',
  });
  console.log('no errors');
} catch {
  fail('the Nu HTML Checker reported errors (above)');
}

section('links and fragments (linkinator)');
// Internal links only: linkinator serves the folder on localhost; other origins (kubernetes.io,
// and the configured site URL used by canonical and social-image links) are not fetched.
const site = new URL(process.env.SITE_URL ?? 'http://localhost:4321').origin.replace(/[.]/g, '\\.');
const skip = `^https?://(?!(localhost|127\\.0\\.0\\.1)(:\\d+)?/)|^${site}/`;
for (const [cwd, start] of [
  [DIST, '.'],
  // The sub-path build sits in .tmp/subpath/k8s-workloads; serve .tmp/subpath so links carry the prefix.
  [SUBPATH_ROOT, 'k8s-workloads'],
] as const) {
  try {
    const args = [
      start,
      '--server-root',
      path.resolve(cwd),
      '--recurse',
      '--check-fragments',
      '--skip',
      skip,
      '--verbosity',
      'error',
    ];
    execFileSync(path.resolve('node_modules/.bin/linkinator'), args, { cwd, stdio: 'inherit' });
    console.log(`${cwd}: no broken internal links or fragments`);
  } catch {
    fail(`${cwd}: broken links (above)`);
  }
}

if (failures) {
  console.error(`\n${failures} check(s) failed`);
  process.exit(1);
}
console.log('\nall dist checks passed');
