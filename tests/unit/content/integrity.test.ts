// Cross-entry content rules: one bad-content fixture per kind of mistake, with the exact message
// the build prints for it (file › entry › field: what to fix).
import { describe, expect, it } from 'vitest';
import {
  REQUIRED_DIMENSIONS,
  REQUIRED_SECTIONS,
  checkDecisions,
  checkDimensions,
  checkRawIds,
  checkWorkloads,
  formatProblem,
  assertNoProblems,
  type DecisionInput,
  type DimensionInput,
  type WorkloadInput,
} from '../../../src/lib/content/integrity';
import type { MdxHeading } from '../../../src/lib/content/mdx';
import { WORKLOAD_IDS } from '../../../src/lib/content/model';
import { decisionSchema, workloadSchema } from '../../../src/lib/content/schemas';

const lines = (problems: { file: string; entry: string; field: string; message: string }[]) =>
  problems.map(formatProblem);

const h2 = (id: string, line = 1): MdxHeading => ({ level: 2, id: { kind: 'string', value: id }, text: id, line });
const headings = REQUIRED_SECTIONS.map((id, i) => h2(id, 4 * i + 20));
const workload = (id: string, extra: Partial<WorkloadInput> = {}): WorkloadInput => ({
  id,
  file: `src/content/workloads/${id}.mdx`,
  order: WORKLOAD_IDS.indexOf(id as never) + 1,
  reviewedFor: '1.37',
  related: [{ workload: id === 'job' ? 'cronjob' : 'job' }],
  headings,
  ...extra,
});
const allWorkloads = () => WORKLOAD_IDS.map((id) => workload(id));

describe('checkWorkloads', () => {
  it('accepts the seven complete pages', () => {
    expect(checkWorkloads(allWorkloads(), '1.37')).toEqual([]);
  });
  it.each<[string, WorkloadInput[], string[]]>([
    [
      'a missing page',
      allWorkloads().filter((w) => w.id !== 'pod'),
      ['src/content/workloads/pod.mdx › pod › (file): is missing: every workload needs its page'],
    ],
    [
      'a page that is not a workload',
      [...allWorkloads(), workload('mongodb', { order: 8 })],
      [
        'src/content/workloads/mongodb.mdx › mongodb › (file name): "mongodb" is not a workload id: ' +
          'rename the file to one of deployment, statefulset, daemonset, replicaset, job, cronjob, pod',
      ],
    ],
    [
      'a page reviewed against another version',
      allWorkloads().map((w) => (w.id === 'job' ? { ...w, reviewedFor: '1.35' } : w)),
      [
        'src/content/workloads/job.mdx › job › reviewedFor: is "1.35" but the site states Kubernetes 1.37: ' +
          'review the page against 1.37, then update the field',
      ],
    ],
    [
      'a related link to itself',
      allWorkloads().map((w) => (w.id === 'pod' ? { ...w, related: [{ workload: 'pod' }] } : w)),
      [
        'src/content/workloads/pod.mdx › pod › related[0].workload: points at the page itself: ' +
          'name a different workload',
      ],
    ],
    [
      'a missing required section',
      allWorkloads().map((w) =>
        w.id === 'pod' ? { ...w, headings: headings.map((h) => (h.text === 'storage' ? h2('disks') : h)) } : w,
      ),
      ['src/content/workloads/pod.mdx › pod › body: has no section <H2 id="storage">: every workload page needs it'],
    ],
    [
      'sections out of order',
      allWorkloads().map((w) =>
        w.id === 'pod'
          ? {
              ...w,
              headings: [h2('scaling'), ...headings.filter((h) => h.id.kind === 'string' && h.id.value !== 'scaling')],
            }
          : w,
      ),
      [
        'src/content/workloads/pod.mdx:1 › pod › body: <H2 id="purpose"> must come before <H2 id="scaling">' +
          ` (the required sections go ${REQUIRED_SECTIONS.join(', ')})`,
      ],
    ],
    [
      'no section problems for a page whose MDX did not parse (readMdxSource reports that)',
      allWorkloads().map((w) => (w.id === 'pod' ? { ...w, headings: undefined } : w)),
      [],
    ],
    [
      'further sections between the required ones',
      allWorkloads().map((w) =>
        w.id === 'pod' ? { ...w, headings: [h2('purpose'), h2('history'), ...headings.slice(1)] } : w,
      ),
      [],
    ],
    [
      'a duplicate display order',
      allWorkloads().map((w) => (w.id === 'pod' ? { ...w, order: 1 } : w)),
      [
        'src/content/workloads/deployment.mdx › deployment › order: 1 is also used by pod: orders must be unique',
        'src/content/workloads/pod.mdx › pod › order: 1 is also used by deployment: orders must be unique',
      ],
    ],
  ])('reports %s', (_, input, expected) => {
    expect(lines(checkWorkloads(input, '1.37'))).toEqual(expected);
  });
});

const FILE = 'src/content/dimensions.yaml';
const fullValues = () => Object.fromEntries(WORKLOAD_IDS.map((id) => [id, {}]));
const dimensions = (): DimensionInput[] =>
  REQUIRED_DIMENSIONS.map((id, i) => ({ id, order: i + 1, values: fullValues() }));

describe('checkDimensions', () => {
  it('accepts complete dimensions', () => {
    expect(checkDimensions(FILE, dimensions())).toEqual([]);
  });
  it.each<[string, DimensionInput[], string[]]>([
    [
      'a value for an unknown workload',
      dimensions().map((d) => (d.id === 'storage' ? { ...d, values: { ...d.values, mongodb: {} } } : d)),
      [
        'src/content/dimensions.yaml › storage › values.mongodb: "mongodb" is not a workload id: ' +
          'use one of deployment, statefulset, daemonset, replicaset, job, cronjob, pod',
      ],
    ],
    [
      'a workload without a value',
      dimensions()
        .map((d) => (d.id === 'ordering' ? { ...d, values: { ...fullValues(), cronjob: undefined } } : d))
        .map((d) => ({
          ...d,
          values: Object.fromEntries(Object.entries(d.values).filter(([, v]) => v !== undefined)),
        })),
      ['src/content/dimensions.yaml › ordering › values.cronjob: is missing: add the value for cronjob'],
    ],
    [
      'a missing required dimension',
      dimensions().filter((d) => d.id !== 'pod-names'),
      ['src/content/dimensions.yaml › pod-names › (entry): is missing: the comparison needs this dimension'],
    ],
    [
      'a duplicate column order',
      dimensions().map((d) => (d.id === 'scaling' ? { ...d, order: 1 } : d)),
      [
        'src/content/dimensions.yaml › pod-uniqueness, scaling › order: 1 is used more than once: ' +
          'orders must be unique',
      ],
    ],
  ])('reports %s', (_, input, expected) => {
    expect(lines(checkDimensions(FILE, input))).toEqual(expected);
  });
});

const TREE = 'src/content/decisions.yaml';
const q = (id: string, answers: [string, string][], root = false): DecisionInput => ({
  id,
  type: 'question',
  root,
  answers: answers.map(([a, next]) => ({ id: a, next })),
});
const r = (id: string, runnerUp = 'deployment'): DecisionInput => ({
  id,
  type: 'result',
  runnerUp: { workload: runnerUp },
});
const tree = (): DecisionInput[] => [
  q(
    'finishes',
    [
      ['yes', 'schedule'],
      ['no', 'every-node'],
    ],
    true,
  ),
  q('schedule', [
    ['yes', 'cronjob'],
    ['no', 'retry'],
  ]),
  q('retry', [
    ['yes', 'job'],
    ['no', 'pod'],
  ]),
  q('every-node', [
    ['yes', 'daemonset'],
    ['no', 'identity'],
  ]),
  q('identity', [
    ['yes', 'statefulset'],
    ['no', 'updates'],
  ]),
  q('updates', [
    ['yes', 'deployment'],
    ['no', 'replicaset'],
  ]),
  ...WORKLOAD_IDS.map((id) => r(id, id === 'deployment' ? 'statefulset' : 'deployment')),
];
const replace = (nodes: DecisionInput[], id: string, node: DecisionInput) => nodes.map((n) => (n.id === id ? node : n));

describe('checkDecisions', () => {
  it('accepts a complete tree', () => {
    expect(checkDecisions(TREE, tree())).toEqual([]);
  });
  it.each<[string, DecisionInput[], string[]]>([
    [
      'a dangling next step',
      replace(
        tree(),
        'retry',
        q('retry', [
          ['yes', 'job'],
          ['no', 'bare-pod'],
        ]),
      ),
      [
        'src/content/decisions.yaml › retry › answers[1].next: ' +
          '"bare-pod" is not a question or result id in this file: fix the id or add the node',
        'src/content/decisions.yaml › pod › (entry): cannot be reached from the root question: ' +
          'link an answer to it or remove it',
      ],
    ],
    [
      'a cycle',
      replace(
        tree(),
        'updates',
        q('updates', [
          ['yes', 'deployment'],
          ['no', 'identity'],
        ]),
      ),
      [
        'src/content/decisions.yaml › replicaset › (entry): cannot be reached from the root question: ' +
          'link an answer to it or remove it',
        'src/content/decisions.yaml › identity › answers: is part of a cycle (identity → updates → identity): ' +
          'a decision must always move towards a result',
      ].sort(),
    ],
    [
      'an unreachable question',
      [
        ...tree(),
        q('orphan', [
          ['a', 'job'],
          ['b', 'pod'],
        ]),
      ],
      [
        'src/content/decisions.yaml › orphan › (entry): cannot be reached from the root question: ' +
          'link an answer to it or remove it',
      ],
    ],
    [
      'a result that is not a workload',
      replace(
        tree(),
        'retry',
        q('retry', [
          ['yes', 'job'],
          ['no', 'lambda'],
        ]),
      )
        .concat(r('lambda'))
        .filter((n) => n.id !== 'pod'),
      [
        'src/content/decisions.yaml › lambda › id: ' +
          "a result's id must be a workload id (deployment, statefulset, daemonset, replicaset, job, cronjob, pod)",
        'src/content/decisions.yaml › pod › (entry): no result recommends pod: add a result node with id "pod"',
      ],
    ],
    [
      'no root',
      replace(
        tree(),
        'finishes',
        q(
          'finishes',
          [
            ['yes', 'schedule'],
            ['no', 'every-node'],
          ],
          false,
        ),
      ),
      ['src/content/decisions.yaml › (none) › root: exactly one question must have "root: true"; found 0'],
    ],
    [
      'two answers with one id',
      replace(
        tree(),
        'retry',
        q('retry', [
          ['yes', 'job'],
          ['yes', 'pod'],
        ]),
      ),
      ['src/content/decisions.yaml › retry › answers: answer id "yes" is used twice in this question'],
    ],
    [
      'a runner-up equal to its result',
      replace(tree(), 'job', r('job', 'job')),
      ['src/content/decisions.yaml › job › runnerUp.workload: names the result itself: name the closest alternative'],
    ],
  ])('reports %s', (_, input, expected) => {
    expect(lines(checkDecisions(TREE, input)).sort()).toEqual([...expected].sort());
  });
});

// Two rules left integrity.ts because the schemas already hold them, so they could never fire.
describe('what the schemas hold, so no cross-entry rule repeats it', () => {
  it('a question needs two answers', () => {
    const question = { type: 'question', question: 'Does it end?', help: 'Some help text.', answers: [] };
    const source = 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#handling-pod-and-container-failures';
    const answers = [{ id: 'yes', label: 'Yes', next: 'job' }];
    expect(decisionSchema.safeParse({ ...question, source, answers }).success).toBe(false);
    expect(
      decisionSchema.safeParse({ ...question, source, answers: [...answers, { ...answers[0], id: 'no' }] }).success,
    ).toBe(true);
  });
  it('a related workload is one of the seven', () => {
    const page = {
      title: 'Job',
      kind: 'Job',
      apiVersion: 'batch/v1',
      summary: 'Runs Pods until a number of them succeed.',
      whenToUse: 'Use it for work that ends, run once or retried until it succeeds.',
      category: 'batch',
      order: 5,
      docs: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/',
      reviewedFor: '1.37',
    };
    const related = (workload: string) => [{ workload, why: 'Runs a Job on a schedule.' }];
    expect(workloadSchema.safeParse({ ...page, related: related('cronjob') }).success).toBe(true);
    expect(workloadSchema.safeParse({ ...page, related: related('mongodb') }).success).toBe(false);
  });
});

describe('checkRawIds: entries the file() loader would silently skip or merge', () => {
  it.each<[string, unknown, string[]]>([
    ['a valid list', [{ id: 'a' }, { id: 'b' }], []],
    [
      'an entry without id',
      [{ id: 'a' }, { term: 'x' }],
      ['src/content/glossary.yaml › item 2 › id: is missing: give every entry a lower-case, hyphenated id'],
    ],
    [
      'a duplicate id',
      [{ id: 'a' }, { id: 'a' }],
      ['src/content/glossary.yaml › a › id: is used by more than one entry: ids must be unique'],
    ],
    [
      'an id with capitals',
      [{ id: 'HeadlessService' }],
      ['src/content/glossary.yaml › item 1 › id: is "HeadlessService": give every entry a lower-case, hyphenated id'],
    ],
    [
      'not a list',
      { a: 1 },
      ['src/content/glossary.yaml › (file) › (root): must be a YAML list of entries, each with an "id"'],
    ],
  ])('%s', (_, items, expected) => {
    expect(lines(checkRawIds('src/content/glossary.yaml', items))).toEqual(expected);
  });
});

describe('assertNoProblems', () => {
  it('passes silently without problems', () => {
    expect(() => assertNoProblems([])).not.toThrow();
  });
  it('throws one error listing every problem', () => {
    expect(() =>
      assertNoProblems([
        { file: 'a.yaml', entry: 'x', field: 'f', message: 'is wrong' },
        { file: 'b.yaml', entry: 'y', field: 'g', message: 'is missing' },
      ]),
    ).toThrow('Content problems (2):\na.yaml › x › f: is wrong\nb.yaml › y › g: is missing');
  });
});
