/**
 * The public pages of the site: what the sitemap lists and what gets a social image.
 * The 404 page is not public (it is `noindex`).
 */
import { getSiteContent, type SiteContent } from './site';
import { workloadPath } from '../lib/links/urls';
import type { WorkloadId } from '../lib/content/model';

export interface PublicPage {
  /** Site path, e.g. "/workloads/statefulset/". */
  path: string;
  /** Title as the page passes it to Base.astro. */
  title: string;
  /** Meta description as the page passes it to Base.astro. */
  description: string;
  /** Short label for the social image, e.g. "Workload resource · apps/v1". */
  eyebrow: string;
  /** Set on a workload's own page. */
  workload?: WorkloadId;
}

// Titles and descriptions of the fixed pages: src/pages/{compare,choose,glossary}.astro read
// them from here, so the page, its social image and the sitemap always agree.
const FIXED_PAGES = [
  {
    path: '/compare/',
    title: 'Compare',
    description:
      'All seven Kubernetes workload resources compared on every dimension that matters: identity, storage, scaling, updates, ordering and failure recovery.',
    eyebrow: 'Comparison table',
  },
  {
    path: '/choose/',
    title: 'Choose',
    description:
      'Which Kubernetes workload do you need? Answer a few questions and get Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet or a bare Pod, with the reason and the runner-up.',
    eyebrow: 'Decision guide',
  },
  {
    path: '/glossary/',
    title: 'Glossary',
    description:
      'The Kubernetes terms the workload pages rely on, each defined in plain words with a link to the official documentation.',
    eyebrow: 'Terms, defined',
  },
] as const satisfies readonly PublicPage[];

/** Title, description and path of a fixed page, for its Base layout. */
export function fixedPage(path: (typeof FIXED_PAGES)[number]['path']): {
  path: string;
  title: string;
  description: string;
} {
  const page = FIXED_PAGES.find((p) => p.path === path);
  if (!page) throw new Error(`no fixed page ${path}`);
  return { path: page.path, title: page.title, description: page.description };
}

/** Every public page, home first, then the fixed pages, then the workloads in display order. */
export function publicPages(content: SiteContent): PublicPage[] {
  const { site, workloads } = content;
  return [
    {
      path: '/',
      title: site.name,
      description: site.tagline,
      eyebrow: `${workloads.length} workload resources, side by side`,
    },
    ...FIXED_PAGES,
    ...workloads.map((w) => ({
      path: workloadPath(w.id),
      title: w.data.title,
      description: w.data.summary,
      eyebrow: `Workload resource · ${w.data.apiVersion}`,
      workload: w.id,
    })),
  ];
}

/** Every public page of the loaded site content. */
export async function getPublicPages(): Promise<PublicPage[]> {
  return publicPages(await getSiteContent());
}
