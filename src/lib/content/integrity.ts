/**
 * Cross-entry content rules. Schemas check one entry at a time; these check that entries agree
 * with each other and that MDX pages, read as syntax trees (src/lib/content/mdx.ts), use only
 * what exists. Each rule returns problems that name the file (and line), the entry and the field,
 * and say how to fix it; `assertNoProblems` turns them into one build-stopping error.
 */
import { ID_PATTERN, WORKLOAD_IDS, isWorkloadId } from './model.ts';
import {
  REFERENCE_COMPONENTS,
  readMdxPage,
  stringValue,
  type MdxHeading,
  type MdxPage,
  type ReferenceComponent,
} from './mdx.ts';
import { isSectionSource } from './sources.ts';
import { CODE_LANGUAGES, isCodeLanguage } from '../output/highlight.ts';

export interface ContentProblem {
  file: string;
  /** 1-based line in the file, when the problem has one place. */
  line?: number;
  entry: string;
  field: string;
  message: string;
}

/** Minimal shapes the rules need, independent of Astro's entry types. */
export interface WorkloadInput {
  id: string;
  file: string;
  order: number;
  reviewedFor: string;
  related: { workload: string }[];
  /** Section headings of the page's MDX body, in document order; undefined when the body is not valid MDX. */
  headings?: MdxHeading[];
}
export interface DimensionInput {
  id: string;
  order: number;
  values: Record<string, unknown>;
}
export type DecisionInput =
  | { id: string; type: 'question'; root: boolean; answers: { id: string; next: string }[] }
  | { id: string; type: 'result'; runnerUp: { workload: string } };

/** Section ids every workload page must have, in this order (issue: complete workload pages). */
export const REQUIRED_SECTIONS = [
  'purpose',
  'key-features',
  'scaling',
  'updates',
  'identity-and-networking',
  'storage',
  'failure-and-recovery',
  'status-and-conditions',
  'use-cases',
  'when-not-to-use',
  'misconceptions',
  'example',
] as const;

/** Dimension ids the comparison must have: the seed's six, then the further six. */
export const REQUIRED_DIMENSIONS = [
  'pod-uniqueness',
  'scaling',
  'network-identity',
  'storage',
  'use-case',
  'ordering',
  'api-version',
  'update-strategy',
  'autoscaling',
  'runs-to-completion',
  'pod-names',
  'failure-recovery',
] as const;

/**
 * Sections the workload page template (src/pages/workloads/[id].astro) puts around the MDX body,
 * first and last, with their table-of-contents text. MDX headings may not reuse their ids.
 */
export const TEMPLATE_SECTIONS = {
  glance: { level: 2, id: 'at-a-glance', text: 'At a glance' },
  related: { level: 2, id: 'related', text: 'Related workloads' },
} as const;
const TEMPLATE_IDS: readonly string[] = Object.values(TEMPLATE_SECTIONS).map((section) => section.id);

const duplicates = <T>(values: T[]): T[] => values.filter((value, index) => values.indexOf(value) !== index);

/** Raw items of a YAML list file: every item needs an id, and ids must be unique. */
export function checkRawIds(file: string, items: unknown): ContentProblem[] {
  if (!Array.isArray(items)) {
    return [{ file, entry: '(file)', field: '(root)', message: 'must be a YAML list of entries, each with an "id"' }];
  }
  const problems: ContentProblem[] = [];
  const ids: string[] = [];
  items.forEach((item, index) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      problems.push({
        file,
        entry: `item ${index + 1}`,
        field: 'id',
        message:
          `is ${id === undefined ? 'missing' : JSON.stringify(id)}: ` + 'give every entry a lower-case, hyphenated id',
      });
    } else ids.push(id);
  });
  for (const id of new Set(duplicates(ids))) {
    problems.push({ file, entry: id, field: 'id', message: 'is used by more than one entry: ids must be unique' });
  }
  return problems;
}

/** The seven workload pages: exact ids, unique order, version, related links and sections. */
export function checkWorkloads(workloads: WorkloadInput[], siteVersion: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = workloads.map((w) => w.id);
  for (const id of WORKLOAD_IDS) {
    if (!ids.includes(id)) {
      problems.push({
        file: `src/content/workloads/${id}.mdx`,
        entry: id,
        field: '(file)',
        message: 'is missing: every workload needs its page',
      });
    }
  }
  for (const w of workloads) {
    const at = (field: string, message: string, line?: number) =>
      problems.push({ file: w.file, ...(line ? { line } : {}), entry: w.id, field, message });
    if (!isWorkloadId(w.id))
      at('(file name)', `"${w.id}" is not a workload id: rename the file to one of ${WORKLOAD_IDS.join(', ')}`);
    if (w.reviewedFor !== siteVersion) {
      at(
        'reviewedFor',
        `is "${w.reviewedFor}" but the site states Kubernetes ${siteVersion}: ` +
          `review the page against ${siteVersion}, then update the field`,
      );
    }
    w.related.forEach((r, i) => {
      if (r.workload === w.id) at(`related[${i}].workload`, 'points at the page itself: name a different workload');
    });
    if (!w.headings) continue;
    const h2 = w.headings.flatMap((h) => (h.level === 2 && h.id.kind === 'string' ? [h.id.value] : []));
    for (const section of REQUIRED_SECTIONS) {
      if (!h2.includes(section)) at('body', `has no section <H2 id="${section}">: every workload page needs it`);
    }
    const found = [...new Set(h2.filter((id) => (REQUIRED_SECTIONS as readonly string[]).includes(id)))];
    const expected = REQUIRED_SECTIONS.filter((id) => found.includes(id));
    const misplaced = found.findIndex((id, i) => id !== expected[i]);
    if (misplaced >= 0) {
      at(
        'body',
        `<H2 id="${expected[misplaced]}"> must come before <H2 id="${found[misplaced]}">` +
          ` (the required sections go ${REQUIRED_SECTIONS.join(', ')})`,
        w.headings.find((h) => h.level === 2 && stringValue(h.id) === found[misplaced])?.line,
      );
    }
  }
  const orders = workloads.map((w) => w.order);
  for (const order of new Set(duplicates(orders))) {
    const clash = workloads.filter((w) => w.order === order);
    for (const w of clash)
      problems.push({
        file: w.file,
        entry: w.id,
        field: 'order',
        message: `${order} is also used by ${clash
          .filter((c) => c !== w)
          .map((c) => c.id)
          .join(', ')}: orders must be unique`,
      });
  }
  return problems;
}

/** Every dimension has exactly one value per workload; required dimensions exist; orders are unique. */
export function checkDimensions(file: string, dimensions: DimensionInput[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = dimensions.map((d) => d.id);
  for (const id of REQUIRED_DIMENSIONS) {
    if (!ids.includes(id))
      problems.push({ file, entry: id, field: '(entry)', message: 'is missing: the comparison needs this dimension' });
  }
  for (const d of dimensions) {
    for (const key of Object.keys(d.values)) {
      if (!isWorkloadId(key)) {
        problems.push({
          file,
          entry: d.id,
          field: `values.${key}`,
          message: `"${key}" is not a workload id: use one of ${WORKLOAD_IDS.join(', ')}`,
        });
      }
    }
    for (const workload of WORKLOAD_IDS) {
      if (!(workload in d.values)) {
        problems.push({
          file,
          entry: d.id,
          field: `values.${workload}`,
          message: `is missing: add the value for ${workload}`,
        });
      }
    }
  }
  for (const order of new Set(duplicates(dimensions.map((d) => d.order)))) {
    const clash = dimensions.filter((d) => d.order === order).map((d) => d.id);
    problems.push({
      file,
      entry: clash.join(', '),
      field: 'order',
      message: `${order} is used more than once: orders must be unique`,
    });
  }
  return problems;
}

/**
 * The decision tree: one root question; every answer leads to a node that exists; results are
 * workloads; no cycle; every node reachable from the root; every workload is some result.
 */
export function checkDecisions(file: string, nodes: DecisionInput[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (entry: string, field: string, message: string) => problems.push({ file, entry, field, message });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const roots = nodes.filter((n) => n.type === 'question' && n.root);
  if (roots.length !== 1) {
    at(
      roots.map((r) => r.id).join(', ') || '(none)',
      'root',
      `exactly one question must have "root: true"; found ${roots.length}`,
    );
  }
  for (const node of nodes) {
    if (node.type === 'result') {
      if (!isWorkloadId(node.id)) at(node.id, 'id', `a result's id must be a workload id (${WORKLOAD_IDS.join(', ')})`);
      if (node.runnerUp.workload === node.id)
        at(node.id, 'runnerUp.workload', 'names the result itself: name the closest alternative');
      continue;
    }
    if (isWorkloadId(node.id)) at(node.id, 'id', 'a question may not use a workload id: that id names the result');
    for (const id of new Set(duplicates(node.answers.map((a) => a.id)))) {
      at(node.id, 'answers', `answer id "${id}" is used twice in this question`);
    }
    node.answers.forEach((answer, i) => {
      if (!byId.has(answer.next)) {
        at(
          node.id,
          `answers[${i}].next`,
          `"${answer.next}" is not a question or result id in this file: fix the id or add the node`,
        );
      }
    });
  }

  // Cycle detection and reachability by depth-first search from the root.
  const root = roots[0];
  if (root) {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (id: string, trail: string[]): void => {
      const node = byId.get(id);
      if (!node) return;
      if (state.get(id) === 'open') {
        const cycle = [...trail.slice(trail.indexOf(id)), id].join(' → ');
        at(id, 'answers', `is part of a cycle (${cycle}): a decision must always move towards a result`);
        return;
      }
      if (state.get(id) === 'done') return;
      state.set(id, 'open');
      if (node.type === 'question') for (const a of node.answers) visit(a.next, [...trail, id]);
      state.set(id, 'done');
    };
    visit(root.id, []);
    for (const node of nodes) {
      if (!state.has(node.id))
        at(node.id, '(entry)', 'cannot be reached from the root question: link an answer to it or remove it');
    }
  }
  const results = new Set(nodes.filter((n) => n.type === 'result').map((n) => n.id));
  for (const workload of WORKLOAD_IDS) {
    if (!results.has(workload))
      at(workload, '(entry)', `no result recommends ${workload}: add a result node with id "${workload}"`);
  }
  return problems;
}

/** Reads an MDX file's syntax tree; source that is not valid MDX gives no page and a problem at its line. */
export function readMdxSource(
  file: string,
  entry: string,
  source: string,
): { page?: MdxPage; problems: ContentProblem[] } {
  try {
    return { page: readMdxPage(source), problems: [] };
  } catch (error) {
    const { line, reason } = error as { line?: number; reason?: string };
    const message = `is not valid MDX: ${reason ?? (error as Error).message}`;
    return { problems: [{ file, line, entry, field: '(mdx)', message }] };
  }
}

/** Ids of the entries an MDX page may reference, by component. */
export type KnownIds = Record<ReferenceComponent, ReadonlySet<string>>;

/** What to write when a referenced id does not exist. */
const UNKNOWN_REFERENCE: Record<ReferenceComponent, (id: string) => string> = {
  Term: (id) => `"${id}" is not in ${REFERENCE_COMPONENTS.Term}: add the term or fix the id`,
  Manifest: (id) => `"${id}" has no file ${REFERENCE_COMPONENTS.Manifest}${id}.yaml: add the manifest or fix the id`,
  Feature: (id) => `"${id}" is not in ${REFERENCE_COMPONENTS.Feature}: add the feature or fix the id`,
};

/**
 * One MDX page, read as a syntax tree: headings are `<H2 id="...">` (H3, H4) with unique,
 * well-formed ids the template does not use; `<Term>`, `<Manifest>` and `<Feature>` name entries
 * that exist, a term is linked at its first use only; citations name a kubernetes.io docs
 * section; code fences use a language the site highlights. Every problem names its line.
 */
export function checkMdxPage(file: string, entry: string, page: MdxPage, known: KnownIds): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (line: number, field: string, message: string) => problems.push({ file, line, entry, field, message });

  for (const h of page.foreignHeadings) {
    const what = h.syntax === 'markdown' ? 'Markdown heading' : 'HTML heading';
    at(h.line, 'heading', `${what} "${h.text}" has no explicit id: write <H2 id="some-id">${h.text}</H2>`);
  }
  const firstLine = new Map<string, number>();
  for (const h of page.headings) {
    const tag = `<H${h.level}>`;
    const id = stringValue(h.id);
    if (id === undefined) {
      at(h.line, `${tag} id`, `"${h.text}" needs a written id: <H${h.level} id="some-id">${h.text}</H${h.level}>`);
      continue;
    }
    const field = `<H${h.level} id="${id}">`;
    if (!ID_PATTERN.test(id)) at(h.line, field, 'the id must be lower-case words joined by hyphens, e.g. "pod-names"');
    else if (TEMPLATE_IDS.includes(id)) at(h.line, field, 'the id is added by the page template: choose another id');
    const first = firstLine.get(id);
    if (first !== undefined) at(h.line, field, `the id is already used on line ${first}: ids must be unique on a page`);
    else firstLine.set(id, h.line);
  }

  const firstTerm = new Map<string, number>();
  for (const ref of page.references) {
    const id = stringValue(ref.id);
    if (id === undefined) {
      at(ref.line, `<${ref.component}>`, `needs id="..." naming an entry of ${REFERENCE_COMPONENTS[ref.component]}`);
      continue;
    }
    const field = `<${ref.component} id="${id}">`;
    if (!known[ref.component].has(id)) at(ref.line, field, UNKNOWN_REFERENCE[ref.component](id));
    if (ref.component !== 'Term') continue;
    const first = firstTerm.get(id);
    if (first !== undefined)
      at(ref.line, field, `the term is already linked on line ${first}: link it at its first use only`);
    else firstTerm.set(id, ref.line);
  }

  for (const cite of page.citations) {
    const href = stringValue(cite.href);
    if (cite.via === 'Cite' && href === undefined) {
      at(cite.line, '<Cite>', 'needs href="https://kubernetes.io/docs/...#section": the section the claim rests on');
    } else if (href !== undefined && !isSectionSource(href)) {
      const field = cite.via === 'Cite' ? `<Cite href="${href}">` : `link ${href}`;
      at(cite.line, field, 'must be a kubernetes.io/docs/ URL with a #section anchor: cite the section, not the page');
    }
  }

  for (const fence of page.fences) {
    if (!isCodeLanguage(fence.lang)) {
      const written = fence.lang ? `"${fence.lang}" is not a language the site highlights` : 'has no language';
      at(fence.line, 'code fence', `${written}: write one of ${CODE_LANGUAGES.join(', ')} after the opening backticks`);
    }
  }
  return problems;
}

/** One readable line per problem: `file:line › entry › field: message`. */
export const formatProblem = (p: ContentProblem): string =>
  `${p.file}${p.line ? `:${p.line}` : ''} › ${p.entry} › ${p.field}: ${p.message}`;

/** Throws one error listing every problem, so the build stops with all of them at once. */
export function assertNoProblems(problems: ContentProblem[]): void {
  if (problems.length === 0) return;
  throw new Error(`Content problems (${problems.length}):\n${problems.map(formatProblem).join('\n')}`);
}
