/**
 * The query layer: loads every collection once, runs the cross-entry rules and returns the
 * content in display order. Pages and components read content only through here, so a broken
 * reference stops the build on the first page that renders, with every problem listed.
 */
import { readFile } from 'node:fs/promises';
import { getCollection, type CollectionEntry } from 'astro:content';
import { parse } from 'yaml';
import {
  assertNoProblems,
  checkDecisions,
  checkDimensions,
  checkMdxPage,
  checkRawIds,
  checkWorkloads,
  readMdxSource,
  type ContentProblem,
} from '../lib/content/integrity';
import type { MdxHeading, MdxPage } from '../lib/content/mdx';
import type { WorkloadId } from '../lib/content/model';
import { FEATURES_FILE, checkFeatureReferences, checkFeatures, type FeatureReference } from '../lib/versions/validate';
import { RELEASES_FILE, checkReleases, versionChoices } from '../lib/versions/releases';
import { featureSections, type FeatureSection } from '../lib/versions/sections';

export type WorkloadEntry = CollectionEntry<'workloads'> & { id: WorkloadId };
export type DimensionEntry = CollectionEntry<'dimensions'>;
export type DecisionEntry = CollectionEntry<'decisions'>;

export interface SiteContent {
  site: CollectionEntry<'site'>['data'];
  /** Workloads in display order. */
  workloads: WorkloadEntry[];
  /** Section headings of each workload page (its table of contents), read from the MDX syntax tree. */
  headings: Map<WorkloadId, TocHeading[]>;
  /** Dimensions in column order (the seed's six first). */
  dimensions: DimensionEntry[];
  /** Ids of the seed explainer's dimensions (`seed: true`), in column order: the "at a glance" columns. */
  seedDimensions: string[];
  decisions: DecisionEntry[];
  mistakes: CollectionEntry<'mistakes'>[];
  glossary: CollectionEntry<'glossary'>[];
  aliases: CollectionEntry<'aliases'>[];
  /** Version-sensitive features, grouped by their first workload (in display order), then by title. */
  features: CollectionEntry<'features'>[];
  /** The section of a workload page where each feature's badge sits (features no page shows are absent). */
  featureSections: Map<string, FeatureSection>;
  /** Kubernetes minors and their support windows (src/content/releases.yaml). */
  releases: CollectionEntry<'releases'>['data'];
  /** The minors the version control offers, newest first; `supported` on the site's review day. */
  versions: { minor: string; supported: boolean }[];
  manifests: CollectionEntry<'manifests'>[];
}

/** A heading as the table of contents lists it. */
export interface TocHeading {
  level: MdxHeading['level'];
  id: string;
  text: string;
}

const YAML_LISTS = ['dimensions', 'decisions', 'mistakes', 'glossary', 'aliases', 'features', 'releases'] as const;

/** Astro's file() loader skips list items without an id; re-read the raw files to catch that. */
async function rawIdProblems(): Promise<ContentProblem[]> {
  const problems = await Promise.all(
    YAML_LISTS.map(async (name) => {
      const file = `src/content/${name}.yaml`;
      try {
        return checkRawIds(file, parse(await readFile(file, 'utf8')));
      } catch (error) {
        return [{ file, entry: '(file)', field: '(yaml)', message: (error as Error).message }];
      }
    }),
  );
  return problems.flat();
}

/** The feature lists outside MDX: each table cell's `features` and each decision result's `needs`. */
const featureReferences = (dimensions: DimensionEntry[], decisions: DecisionEntry[]): FeatureReference[] => [
  ...dimensions.flatMap((d) =>
    Object.entries(d.data.values).map(([workload, cell]) => ({
      file: 'src/content/dimensions.yaml',
      entry: d.id,
      field: `values.${workload}.features`,
      ids: cell.features,
    })),
  ),
  ...decisions.flatMap((d) =>
    d.data.type === 'result'
      ? [{ file: 'src/content/decisions.yaml', entry: d.id, field: 'needs', ids: d.data.needs }]
      : [],
  ),
];

async function load(): Promise<SiteContent> {
  const [
    siteEntries,
    workloads,
    dimensions,
    decisions,
    mistakes,
    glossary,
    aliases,
    features,
    releaseEntries,
    manifests,
    rawProblems,
  ] = await Promise.all([
    getCollection('site'),
    getCollection('workloads'),
    getCollection('dimensions'),
    getCollection('decisions'),
    getCollection('mistakes'),
    getCollection('glossary'),
    getCollection('aliases'),
    getCollection('features'),
    getCollection('releases'),
    getCollection('manifests'),
    rawIdProblems(),
  ]);
  const site = siteEntries.find((entry) => entry.id === 'site')?.data;
  if (!site) throw new Error('src/content/site.yaml › site: the entry with id "site" is missing');
  const releases = releaseEntries.find((entry) => entry.id === 'releases')?.data;
  if (!releases) throw new Error(`${RELEASES_FILE} › releases: the entry with id "releases" is missing`);

  const pages = await Promise.all(
    workloads.map(async (w) => {
      const file = w.filePath ?? `src/content/workloads/${w.id}.mdx`;
      return { workload: w, file, ...readMdxSource(file, w.id, await readFile(file, 'utf8')) };
    }),
  );
  const known = {
    Term: new Set(glossary.map((term) => term.id)),
    Manifest: new Set(manifests.map((manifest) => manifest.id)),
    Feature: new Set(features.map((feature) => feature.id)),
  };
  const workloadInputs = pages.map(({ workload: w, file, page }) => ({
    id: w.id,
    file,
    order: w.data.order,
    reviewedFor: w.data.reviewedFor,
    related: w.data.related,
    headings: page?.headings,
  }));

  assertNoProblems([
    ...rawProblems,
    ...pages.flatMap(({ problems }) => problems),
    ...pages.flatMap(({ workload, file, page }) => (page ? checkMdxPage(file, workload.id, page, known) : [])),
    ...checkWorkloads(workloadInputs, site.kubernetesVersion),
    ...checkDimensions(
      'src/content/dimensions.yaml',
      dimensions.map((d) => ({ id: d.id, order: d.data.order, values: d.data.values })),
    ),
    ...checkDecisions(
      'src/content/decisions.yaml',
      decisions.map((d) =>
        d.data.type === 'question'
          ? { id: d.id, type: 'question' as const, root: d.data.root, answers: d.data.answers }
          : { id: d.id, type: 'result' as const, runnerUp: d.data.runnerUp },
      ),
    ),
    ...checkFeatures(
      FEATURES_FILE,
      features.map((f) => ({ id: f.id, ...f.data })),
      site.kubernetesVersion,
    ),
    ...checkFeatureReferences(featureReferences(dimensions, decisions), known.Feature),
    ...checkReleases(RELEASES_FILE, releases, site.kubernetesVersion),
  ]);

  const sortedWorkloads = [...workloads].sort((a, b) => a.data.order - b.data.order) as WorkloadEntry[];
  const sortedDimensions = [...dimensions].sort((a, b) => a.data.order - b.data.order);
  const workloadOrder = (id: string | undefined) => sortedWorkloads.findIndex((w) => w.id === id);
  const sortedFeatures = [...features].sort(
    (a, b) =>
      workloadOrder(a.data.workloads[0]) - workloadOrder(b.data.workloads[0]) ||
      a.data.title.localeCompare(b.data.title),
  );
  // Every page parsed and every heading has a string id here: the checks above stopped the build otherwise.
  const toc = (page: MdxPage | undefined): TocHeading[] =>
    (page?.headings ?? []).flatMap((h) =>
      h.id.kind === 'string' ? [{ level: h.level, id: h.id.value, text: h.text }] : [],
    );
  return {
    site,
    workloads: sortedWorkloads,
    headings: new Map(pages.map(({ workload, page }) => [workload.id as WorkloadId, toc(page)])),
    dimensions: sortedDimensions,
    seedDimensions: sortedDimensions.filter((d) => d.data.seed).map((d) => d.id),
    decisions,
    mistakes,
    glossary: [...glossary].sort((a, b) => a.data.term.localeCompare(b.data.term)),
    aliases,
    features: sortedFeatures,
    featureSections: featureSections(
      sortedWorkloads.flatMap((w) => {
        const page = pages.find((p) => p.workload.id === w.id)?.page;
        return page ? [{ workload: w.id, page }] : [];
      }),
      features.map((f) => ({ id: f.id, workloads: f.data.workloads })),
    ),
    releases,
    versions: versionChoices(releases, site.reviewedOn.toISOString().slice(0, 10)),
    manifests,
  };
}

let cache: Promise<SiteContent> | undefined;

/** All site content, validated, loaded once per build. */
export function getSiteContent(): Promise<SiteContent> {
  cache ??= load();
  return cache;
}

/** The workload with this id; throws (naming the id) when there is none. */
export function workloadById(content: SiteContent, id: string): WorkloadEntry {
  const workload = content.workloads.find((w) => w.id === id);
  if (!workload)
    throw new Error(`Unknown workload id "${id}": use one of ${content.workloads.map((w) => w.id).join(', ')}`);
  return workload;
}

/** The feature with this id; throws (naming the id and the file) when there is none. */
export function featureById(content: SiteContent, id: string): CollectionEntry<'features'> {
  const feature = content.features.find((f) => f.id === id);
  if (!feature) throw new Error(`Unknown feature id "${id}": no entry with that id in src/content/features.yaml`);
  return feature;
}
