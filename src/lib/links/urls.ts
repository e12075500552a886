/** Site-relative and absolute URLs that respect the configured base path. */

/** Joins the base path (e.g. "/k8s-workloads/") and a site path (e.g. "/compare/"). */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmedBase}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Absolute URL of a site path on the configured site. */
export function absoluteUrl(site: URL | string, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

/** Site path of a workload page. */
export const workloadPath = (id: string): string => `/workloads/${id}/`;

/** Turns a page path into its Markdown twin's path: "/workloads/job/" → "/workloads/job.md", "/" → "/index.md". */
export function markdownTwinPath(path: string): string {
  if (path === '/') return '/index.md';
  return `${path.replace(/\/$/, '')}.md`;
}

/**
 * Site path of a built HTML file, given relative to the output folder: "index.html" → "/",
 * "workloads/job/index.html" → "/workloads/job/", "404.html" → "/404.html" (the path the 404
 * page declares as its own, and one every static host serves).
 */
export function pagePathOf(file: string): string {
  const path = `/${file.replace(/\\/g, '/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * Every address a built HTML file answers to: its site path and the file itself, and for a
 * page such as "404.html" also the address without ".html" that hosts such as Netlify and the
 * nginx config (`try_files $uri.html`) serve it under.
 */
export function pageAddresses(file: string): string[] {
  const path = pagePathOf(file);
  const asFile = `/${file.replace(/\\/g, '/')}`;
  return path.endsWith('/') ? [path, asFile] : [path.replace(/\.html$/, ''), asFile];
}

/**
 * The URL path a reference resolves to from a page or script:
 * ("./chunk.js", "/_astro/site.js") → "/_astro/chunk.js".
 */
export function resolvePath(reference: string, from: string): string {
  return new URL(reference, `http://site${from}`).pathname;
}

/**
 * The output file that a URL path of the site names, relative to the output folder and decoded:
 * "/k8s-workloads/_astro/a.css" → "_astro/a.css" under base "/k8s-workloads/". Undefined for a
 * path outside the base.
 */
export function outputFileOf(base: string, urlPath: string): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!urlPath.startsWith(prefix)) return undefined;
  return decodeURIComponent(urlPath.slice(prefix.length));
}
