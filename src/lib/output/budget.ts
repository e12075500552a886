/**
 * Page weight: what a browser fetches for a page before its `load` event — the HTML, its
 * stylesheets, scripts (with their static imports), icons and images — measured gzip-compressed.
 *
 * The budgets cover what the site adds around the text, not the text: at most 3 KB gzip of
 * JavaScript and 5 KB gzip of CSS on any page, no web fonts. The HTML, however long the content,
 * is reported (`npm run bench`) but not budgeted. Byte counts are deterministic, so the budgets
 * are asserted in the checks over dist/, not in timed runs.
 */
import { gzipSync } from 'node:zlib';
import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { resolvePath } from '../links/urls.ts';

/** Budgets per page, in bytes gzip-compressed at level 9. */
export const BUDGET = { script: 3 * 1024, css: 5 * 1024 } as const;

export type AssetKind = 'html' | 'css' | 'js' | 'image' | 'font' | 'other';

export interface Asset {
  url: string;
  kind: AssetKind;
  raw: number;
  gzip: number;
  /** False when the page asks for a file the output does not have. */
  found: boolean;
}

/** Size of a file's contents, raw and gzip-compressed at level 9. */
export const sizes = (content: Uint8Array | string): { raw: number; gzip: number } => ({
  raw: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength,
  gzip: gzipSync(content, { level: 9 }).byteLength,
});

const kindOf = (url: string): AssetKind =>
  /\.css(\?|$)/.test(url)
    ? 'css'
    : /\.m?js(\?|$)/.test(url)
      ? 'js'
      : /\.(svg|png|jpe?g|webp|avif|gif|ico)(\?|$)/.test(url)
        ? 'image'
        : /\.(woff2?|ttf|otf)(\?|$)/.test(url)
          ? 'font'
          : 'other';

const FIRST_LOAD_LINKS = new Set(['stylesheet', 'icon', 'modulepreload', 'preload']);

/** URLs a page asks for before `load` (not lazy-loaded images, not other origins), in document order. */
export function requestedUrls(tree: Root): string[] {
  const urls = selectAll('link[href], script[src], img[src]', tree).flatMap((element) => {
    const { properties } = element;
    if (element.tagName === 'link') {
      const rel = (properties.rel as string[] | undefined) ?? [];
      return rel.some((value) => FIRST_LOAD_LINKS.has(value)) ? [String(properties.href)] : [];
    }
    if (element.tagName === 'img' && properties.loading === 'lazy') return [];
    return [String(properties.src)];
  });
  return [...new Set(urls.filter((url) => !/^(https?:)?\/\//.test(url)))];
}

/** Static imports of a built JavaScript module (dynamic `import()` is lazy and not counted). */
export function staticImports(js: string): string[] {
  return [...js.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map(
    (m) => m[1] as string,
  );
}

/**
 * Every asset of one page's first load, given a reader that returns a built file's bytes by its
 * URL path (or null when missing): the page itself first, then what it asks for, each file once.
 */
export function pageAssets(
  page: { path: string; html: string; tree: Root },
  read: (url: string) => Uint8Array | null,
): Asset[] {
  const assets: Asset[] = [{ url: page.path, kind: 'html', found: true, ...sizes(page.html) }];
  const seen = new Set<string>();
  const visit = (url: string): void => {
    if (seen.has(url)) return;
    seen.add(url);
    const content = read(url);
    const kind = kindOf(url);
    assets.push({ url, kind, found: !!content, ...(content ? sizes(content) : { raw: 0, gzip: 0 }) });
    if (content && kind === 'js') {
      for (const specifier of staticImports(Buffer.from(content).toString('utf8'))) visit(resolvePath(specifier, url));
    }
  };
  for (const url of requestedUrls(page.tree)) visit(resolvePath(url, page.path));
  return assets;
}

export type Totals = Record<AssetKind | 'all', { raw: number; gzip: number; count: number }>;

/** Totals by kind, and over all assets. */
export function totals(assets: readonly Asset[]): Totals {
  const result = {} as Totals;
  for (const key of ['html', 'css', 'js', 'image', 'font', 'other', 'all'] as const)
    result[key] = { raw: 0, gzip: 0, count: 0 };
  for (const asset of assets) {
    for (const key of [asset.kind, 'all'] as const) {
      result[key].raw += asset.raw;
      result[key].gzip += asset.gzip;
      result[key].count += 1;
    }
  }
  return result;
}

/** What breaks the budgets in one page's first load: missing files, web fonts, too much JS or CSS. */
export function budgetProblems(path: string, assets: readonly Asset[]): string[] {
  const sum = totals(assets);
  const problems = assets
    .filter((asset) => !asset.found)
    .map((asset) => `${path}: ${asset.url} is referenced but not in the output`);
  const fonts = assets.filter((asset) => asset.kind === 'font').map((asset) => asset.url);
  if (fonts.length) problems.push(`${path}: loads web fonts (${fonts.join(', ')}); the site uses system fonts`);
  if (sum.js.gzip > BUDGET.script)
    problems.push(`${path}: JavaScript is ${sum.js.gzip} B gzip, over the ${BUDGET.script} B budget`);
  if (sum.css.gzip > BUDGET.css)
    problems.push(`${path}: CSS is ${sum.css.gzip} B gzip, over the ${BUDGET.css} B budget`);
  return problems;
}
