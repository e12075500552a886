/** Where each page's social preview image lives. */

/** "/" → "/og/index.png"; "/workloads/job/" → "/og/workloads/job.png". */
export function ogImagePath(path: string): string {
  const slug = path.replace(/^\/|\/$/g, '') || 'index';
  return `/og/${slug}.png`;
}
