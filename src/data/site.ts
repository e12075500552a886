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
  checkRawIds,
  checkRelated,
  checkWorkloads,
  type ContentProblem,
} from '../lib/content/integrity';
import { extractHeadings, type SourceHeading } from '../lib/content/headings';
import { extractJsxAttribute } from '../lib/content/mdx-refs';
import type { WorkloadId } from '../lib/content/model';

export type WorkloadEntry = CollectionEntry<'workloads'> & { id: WorkloadId };
export type DimensionEntry = CollectionEntry<'dimensions'>;
export type DecisionEntry = CollectionEntry<'decisions'>;

export interface SiteContent {
  site: CollectionEntry<'site'>['data'];
  /** Workloads in display order. */
  workloads: WorkloadEntry[];
  /** Explicit headings of each workload page, from its MDX source. */
  headings: Map<WorkloadId, SourceHeading[]>;
  /** Dimensions in column order (the seed's six first). */
  dimensions: DimensionEntry[];
  decisions: DecisionEntry[];
  mistakes: CollectionEntry<'mistakes'>[];
  glossary: CollectionEntry<'glossary'>[];
  aliases: CollectionEntry<'aliases'>[];
  /** Version-sensitive features, in file order. */
  features: CollectionEntry<'features'>[];
  manifests: CollectionEntry<'manifests'>[];
}

const YAML_LISTS = ['dimensions', 'decisions', 'mistakes', 'glossary', 'aliases', 'features'] as const;

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

async function load(): Promise<SiteContent> {
  const [siteEntries, workloads, dimensions, decisions, mistakes, glossary, aliases, features, manifests, rawProblems] =
    await Promise.all([
      getCollection('site'),
      getCollection('workloads'),
      getCollection('dimensions'),
      getCollection('decisions'),
      getCollection('mistakes'),
      getCollection('glossary'),
      getCollection('aliases'),
      getCollection('features'),
      getCollection('manifests'),
      rawIdProblems(),
    ]);
  const site = siteEntries.find((entry) => entry.id === 'site')?.data;
  if (!site) throw new Error('src/content/site.yaml › site: the entry with id "site" is missing');

  const workloadInputs = workloads.map((w) => ({
    id: w.id,
    file: w.filePath ?? `src/content/workloads/${w.id}.mdx`,
    order: w.data.order,
    reviewedFor: w.data.reviewedFor,
    related: w.data.related,
    body: w.body ?? '',
  }));
  const termIds = new Set(glossary.map((term) => term.id));
  const manifestIds = new Set(manifests.map((manifest) => manifest.id));
  const featureIds = new Set(features.map((feature) => feature.id));
  const refProblems: ContentProblem[] = workloadInputs.flatMap((w) => [
    ...extractJsxAttribute(w.body, 'Term', 'id')
      .filter((ref) => !termIds.has(ref.value))
      .map((ref) => ({
        file: w.file,
        entry: w.id,
        field: `body line ${ref.line}`,
        message: `<Term id="${ref.value}"> is not in src/content/glossary.yaml: add the term or fix the id`,
      })),
    ...extractJsxAttribute(w.body, 'Manifest', 'id')
      .filter((ref) => !manifestIds.has(ref.value))
      .map((ref) => ({
        file: w.file,
        entry: w.id,
        field: `body line ${ref.line}`,
        message: `<Manifest id="${ref.value}"> has no file src/content/manifests/${ref.value}.yaml`,
      })),
    ...extractJsxAttribute(w.body, 'Feature', 'id')
      .filter((ref) => !featureIds.has(ref.value))
      .map((ref) => ({
        file: w.file,
        entry: w.id,
        field: `body line ${ref.line}`,
        message: `<Feature id="${ref.value}"> is not in src/content/features.yaml: add the feature or fix the id`,
      })),
  ]);

  assertNoProblems([
    ...rawProblems,
    ...checkWorkloads(workloadInputs, site.kubernetesVersion),
    ...checkRelated(workloadInputs),
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
    ...refProblems,
  ]);

  const sortedWorkloads = [...workloads].sort((a, b) => a.data.order - b.data.order) as WorkloadEntry[];
  return {
    site,
    workloads: sortedWorkloads,
    headings: new Map(sortedWorkloads.map((w) => [w.id, extractHeadings(w.body ?? '')])),
    dimensions: [...dimensions].sort((a, b) => a.data.order - b.data.order),
    decisions,
    mistakes,
    glossary: [...glossary].sort((a, b) => a.data.term.localeCompare(b.data.term)),
    aliases,
    features,
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
