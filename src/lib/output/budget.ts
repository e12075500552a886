/**
 * Page weight: what a browser fetches for a page before its `load` event — the HTML, its
 * stylesheets, scripts (with their static imports), icons and images — measured gzip-compressed.
 * Byte counts are deterministic, so budgets are asserted in tests, not in timed runs.
 */
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

/** Budgets per page (bytes, gzip level 9). */
export const BUDGET = { page: 16 * 1024, script: 3 * 1024 } as const;

export type AssetKind = 'html' | 'css' | 'js' | 'image' | 'font' | 'other';

export interface Asset {
  url: string;
  kind: AssetKind;
  raw: number;
  gzip: number;
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

/** URLs a page's HTML asks for before `load` (not lazy-loaded ones). */
export function requestedUrls(html: string): string[] {
  const root = parse(html);
  const urls = [
    ...root
      .querySelectorAll('link[rel~="stylesheet"], link[rel~="icon"], link[rel~="modulepreload"], link[rel~="preload"]')
      .map((l) => l.getAttribute('href')),
    ...root.querySelectorAll('script[src]').map((s) => s.getAttribute('src')),
    ...root.querySelectorAll('img[src]:not([loading="lazy"])').map((i) => i.getAttribute('src')),
  ];
  return [...new Set(urls.filter((url): url is string => !!url && !/^(https?:)?\/\//.test(url)))];
}

/** Static imports of a built JavaScript module (dynamic `import()` is lazy and not counted). */
export function staticImports(js: string): string[] {
  return [...js.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map(
    (m) => m[1] as string,
  );
}

/**
 * Every asset of one page's first load, given a reader that returns a built file's bytes by its
 * URL path (or null when missing). Missing files are reported with size 0 by the caller's check.
 */
export function pageAssets(pageUrl: string, html: string, read: (url: string) => Uint8Array | null): Asset[] {
  const assets: Asset[] = [{ url: pageUrl, kind: 'html', ...sizes(html) }];
  const seen = new Set<string>();
  const visit = (url: string): void => {
    if (seen.has(url)) return;
    seen.add(url);
    const content = read(url);
    const kind = kindOf(url);
    assets.push({ url, kind, ...(content ? sizes(content) : { raw: 0, gzip: 0 }) });
    if (content && kind === 'js') {
      for (const specifier of staticImports(Buffer.from(content).toString('utf8')))
        visit(new URL(specifier, `http://site${url}`).pathname);
    }
  };
  for (const url of requestedUrls(html)) visit(new URL(url, `http://site${pageUrl}`).pathname);
  return assets;
}

/** Totals by kind. */
export function totals(
  assets: readonly Asset[],
): Record<AssetKind | 'all', { raw: number; gzip: number; count: number }> {
  const result = {} as Record<AssetKind | 'all', { raw: number; gzip: number; count: number }>;
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
