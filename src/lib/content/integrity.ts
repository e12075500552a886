/**
 * Cross-entry content rules. Schemas check one entry at a time; these check that entries agree
 * with each other. Each rule returns problems that name the file, the entry and the field, and
 * say how to fix it; `assertNoProblems` turns them into one build-stopping error.
 */
import { ID_PATTERN, WORKLOAD_IDS, isWorkloadId } from './model.ts';
import { extractHeadings, findImplicitHeadings } from './headings.ts';

export interface ContentProblem {
  file: string;
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
  body: string;
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
  'use-cases',
  'when-not-to-use',
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

/** Ids the page template itself adds to every workload page (so MDX must not reuse them). */
export const TEMPLATE_SECTIONS = ['at-a-glance', 'related'] as const;

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
        message: `is ${id === undefined ? 'missing' : JSON.stringify(id)}: give every entry a lower-case, hyphenated id`,
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
    const at = (field: string, message: string) => problems.push({ file: w.file, entry: w.id, field, message });
    if (!isWorkloadId(w.id))
      at('(file name)', `"${w.id}" is not a workload id: rename the file to one of ${WORKLOAD_IDS.join(', ')}`);
    if (w.reviewedFor !== siteVersion) {
      at(
        'reviewedFor',
        `is "${w.reviewedFor}" but the site states Kubernetes ${siteVersion}: review the page against ${siteVersion}, then update the field`,
      );
    }
    w.related.forEach((r, i) => {
      if (r.workload === w.id) at(`related[${i}].workload`, 'points at the page itself: name a different workload');
    });
    for (const implicit of findImplicitHeadings(w.body)) {
      at(
        `body line ${implicit.line}`,
        `Markdown heading "${implicit.text}" has no explicit id: write <H2 id="some-id">${implicit.text}</H2>`,
      );
    }
    const headings = extractHeadings(w.body);
    const headingIds = headings.map((h) => h.id);
    for (const h of headings) {
      if (!ID_PATTERN.test(h.id))
        at(`body line ${h.line}`, `heading id "${h.id}" must be lower-case words joined by hyphens`);
      if ((TEMPLATE_SECTIONS as readonly string[]).includes(h.id)) {
        at(`body line ${h.line}`, `heading id "${h.id}" is added by the page template: choose another id`);
      }
    }
    for (const id of new Set(duplicates(headingIds)))
      at('body', `heading id "${id}" is used twice on the page: ids must be unique`);
    const h2 = headings.filter((h) => h.level === 2).map((h) => h.id);
    for (const section of REQUIRED_SECTIONS) {
      if (!h2.includes(section)) at('body', `has no section <H2 id="${section}">: every workload page needs it`);
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

/** Related-workload references must resolve. */
export function checkRelated(workloads: WorkloadInput[]): ContentProblem[] {
  return workloads.flatMap((w) =>
    w.related.flatMap((r, i) =>
      isWorkloadId(r.workload)
        ? []
        : [
            {
              file: w.file,
              entry: w.id,
              field: `related[${i}].workload`,
              message: `"${r.workload}" is not a workload id`,
            },
          ],
    ),
  );
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
    if (node.answers.length < 2)
      at(node.id, 'answers', `has ${node.answers.length} answer(s): a question needs at least two`);
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

/** One readable line per problem. */
export const formatProblem = (p: ContentProblem): string => `${p.file} › ${p.entry} › ${p.field}: ${p.message}`;

/** Throws one error listing every problem, so the build stops with all of them at once. */
export function assertNoProblems(problems: ContentProblem[]): void {
  if (problems.length === 0) return;
  throw new Error(`Content problems (${problems.length}):\n${problems.map(formatProblem).join('\n')}`);
}
