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
