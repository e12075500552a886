/**
 * The public pages of the site: what the sitemap lists and what gets a social image.
 * The 404 page is not public (it is `noindex`). Nothing here loads content, so the unit tests
 * check the social image of every page with the real text (tests/unit/output/og.test.ts).
 */
import { workloadPath } from '../lib/links/urls';
import { WORKLOAD_IDS, type WorkloadId } from '../lib/content/model';

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

/** What the pages are made from: SiteContent (src/data/site.ts) has all of it. */
export interface PagesContent {
  site: { name: string; tagline: string };
  workloads: readonly { id: WorkloadId; data: { title: string; summary: string; apiVersion: string } }[];
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** "seven": how many workload resources the site compares, as the titles say it. */
const WORKLOAD_COUNT = NUMBER_WORDS[WORKLOAD_IDS.length] ?? String(WORKLOAD_IDS.length);

// Titles and descriptions of the fixed pages: src/pages/{compare,choose,glossary}.astro read
// them from here, so the page, its social image and the sitemap always agree. A title says what
// the page is, because link previews show it on its own.
const FIXED_PAGES = [
  {
    path: '/compare/',
    title: `Compare all ${WORKLOAD_COUNT} workload resources`,
    description:
      'Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob and the bare Pod side by side: ' +
      'identity, storage, scaling, updates, ordering and failure recovery.',
    eyebrow: 'Comparison table',
  },
  {
    path: '/choose/',
    title: 'Which workload do you need?',
    description:
      'Answer a few questions and get Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet or a bare Pod, ' +
      'with the reason and the runner-up.',
    eyebrow: 'Decision guide',
  },
  {
    path: '/glossary/',
    title: 'Glossary of workload terms',
    description:
      'The Kubernetes terms the workload pages rely on, each defined in plain words ' +
      'with a link to the official documentation.',
    eyebrow: 'Terms, defined',
  },
  {
    path: '/versions/',
    title: 'Kubernetes versions and feature stages',
    description:
      'Which Kubernetes versions upstream, EKS, GKE and AKS still support, ' +
      'what changed for workloads in each release, and the stage of every workload feature in every release.',
    eyebrow: 'Since when, and on which version',
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
export function publicPages(content: PagesContent): PublicPage[] {
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
