import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FLOW_OPTIONS,
  layoutFlowchart,
  type FlowBox,
  type FlowInputNode,
  type FlowLayout,
} from '../../../src/lib/decide/flowchart';
import { textWidth } from '../../../src/lib/design/text';

const q = (id: string, label: string, edges: [string, string][]): FlowInputNode => ({
  id,
  kind: 'question',
  label,
  edges: edges.map(([answer, to]) => ({ label: answer, to })),
});
const r = (id: string, label = id): FlowInputNode => ({ id, kind: 'result', label, edges: [] });

const WORKLOADS = ['deployment', 'statefulset', 'daemonset', 'replicaset', 'job', 'cronjob', 'pod'];

/** Graphs shaped like decision trees the content may grow into. */
const CASES: { name: string; root: string; nodes: FlowInputNode[] }[] = [
  {
    name: 'one question, two results',
    root: 'finishes',
    nodes: [
      q('finishes', 'Does it finish?', [
        ['Yes', 'job'],
        ['No', 'deployment'],
      ]),
      r('job', 'Job'),
      r('deployment', 'Deployment'),
    ],
  },
  {
    name: 'seed: one question fanning out to seven results',
    root: 'seed',
    nodes: [
      q(
        'seed',
        'Seed question?',
        WORKLOADS.map((w) => [w, w]),
      ),
      ...WORKLOADS.map((w) => r(w)),
    ],
  },
  {
    name: 'realistic staircase tree',
    root: 'finishes',
    nodes: [
      q('finishes', 'Does the work finish and exit on its own?', [
        ['Yes, it runs to completion', 'schedule'],
        ['No, it keeps serving', 'every-node'],
      ]),
      q('schedule', 'Should it run on a schedule?', [
        ['Yes, at set times', 'cronjob'],
        ['No, once', 'retry'],
      ]),
      q('retry', 'Should Kubernetes retry it until it succeeds?', [
        ['Yes', 'job'],
        ['No', 'pod'],
      ]),
      q('every-node', 'Must one copy run on every node?', [
        ['Yes', 'daemonset'],
        ['No', 'identity'],
      ]),
      q('identity', 'Does each replica need a stable name and its own storage?', [
        ['Yes', 'statefulset'],
        ['No, replicas are interchangeable', 'orchestrate'],
      ]),
      q('orchestrate', 'Is something else managing rollouts for you?', [
        ['Yes', 'replicaset'],
        ['No', 'deployment'],
      ]),
      r('cronjob', 'CronJob'),
      r('job', 'Job'),
      r('pod', 'Pod (bare)'),
      r('daemonset', 'DaemonSet'),
      r('statefulset', 'StatefulSet'),
      r('replicaset', 'ReplicaSet'),
      r('deployment', 'Deployment'),
    ],
  },
  {
    name: 'a result shared by questions on three layers (arrows skip layers)',
    root: 'a',
    nodes: [
      q('a', 'First question?', [
        ['Stateless', 'deployment'],
        ['Other', 'b'],
      ]),
      q('b', 'Second question?', [
        ['Not sure', 'deployment'],
        ['Other', 'c'],
      ]),
      q('c', 'Third question?', [
        ['Default', 'deployment'],
        ['Yes', 'job'],
        ['No', 'pod'],
      ]),
      r('deployment', 'Deployment'),
      r('job', 'Job'),
      r('pod', 'Pod (bare)'),
    ],
  },
  {
    name: 'diamond: a question reached from two questions',
    root: 'a',
    nodes: [
      q('a', 'Top?', [
        ['Left', 'b'],
        ['Right', 'c'],
      ]),
      q('b', 'Left side?', [
        ['On', 'd'],
        ['Off', 'job'],
      ]),
      q('c', 'Right side?', [
        ['On', 'd'],
        ['Off', 'cronjob'],
      ]),
      q('d', 'Shared question reached from both sides?', [
        ['Yes', 'statefulset'],
        ['No', 'deployment'],
      ]),
      r('job', 'Job'),
      r('cronjob', 'CronJob'),
      r('statefulset', 'StatefulSet'),
      r('deployment', 'Deployment'),
    ],
  },
  {
    name: 'two answers leading to the same node, long labels and a long word',
    root: 'a',
    nodes: [
      q('a', 'Does the workload need Supercalifragilisticexpialidociousness-level guarantees about ordering?', [
        ['Yes, strictly ordered startup and shutdown of every replica', 'statefulset'],
        ['Only for startup', 'statefulset'],
        ['No', 'deployment'],
      ]),
      r('statefulset', 'StatefulSet'),
      r('deployment', 'Deployment'),
    ],
  },
];

type Rect = { x: number; y: number; width: number; height: number };
type Point = { x: number; y: number };
const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const EPS = 0.01;

/**
 * Follows SVG path data made of M, L, H, V and Q commands (absolute or relative): where it starts
 * and ends, and the control point of every quadratic bend.
 */
function walkPath(d: string): { start: Point; end: Point; bends: Point[] } {
  const tokens = d.match(/[MLHVQ]|-?(?:\d+\.?\d*|\.\d+)/gi) ?? [];
  const arity: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, q: 4 };
  let at: Point = { x: 0, y: 0 };
  let start: Point | null = null;
  const bends: Point[] = [];
  let i = 0;
  while (i < tokens.length) {
    const command = tokens[i++]!;
    const lower = command.toLowerCase();
    expect(arity[lower], `unexpected "${command}" in ${d}`).toBeDefined();
    const values = tokens.slice(i, i + arity[lower]!).map(Number);
    i += arity[lower]!;
    const base = command === lower ? at : { x: 0, y: 0 };
    if (lower === 'h') at = { x: base.x + values[0]!, y: at.y };
    else if (lower === 'v') at = { x: at.x, y: base.y + values[0]! };
    else {
      if (lower === 'q') bends.push({ x: base.x + values[0]!, y: base.y + values[1]! });
      at = { x: base.x + values[values.length - 2]!, y: base.y + values[values.length - 1]! };
    }
    start ??= at;
  }
  return { start: start!, end: at, bends };
}

/** Layer of every node as the longest path from the root. */
function longestPathLayers(nodes: FlowInputNode[], root: string): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const layers = new Map<string, number>();
  const walk = (id: string, depth: number): void => {
    if ((layers.get(id) ?? -1) >= depth) return;
    layers.set(id, depth);
    for (const e of byId.get(id)!.edges) walk(e.to, depth + 1);
  };
  walk(root, 0);
  return layers;
}

/**
 * A random tree (no shared nodes, so it can always be drawn without crossings), the same on every
 * run: questions of 3–10 words with 2 or 3 answers of 1–5 words, results of 1–2 words.
 */
function randomTree(seed: number, maxDepth: number): { name: string; root: string; nodes: FlowInputNode[] } {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const words = 'does it need a stable name storage every node run finish schedule retry replace rollout order'.split(
    ' ',
  );
  const text = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => words[Math.floor(random() * 15)]).join(
      ' ',
    );
  const nodes: FlowInputNode[] = [];
  const make = (depth: number): string => {
    const id = `n${nodes.length}`;
    if (depth === maxDepth || (depth > 0 && random() < 0.35)) {
      nodes.push(r(id, text(1, 2)));
      return id;
    }
    const node = q(id, `${text(3, 10)}?`, []);
    nodes.push(node);
    const answers = random() < 0.2 ? 3 : 2;
    for (let i = 0; i < answers; i++) node.edges.push({ label: text(1, 5), to: make(depth + 1) });
    return id;
  };
  return { name: `random tree ${seed}`, root: make(0), nodes };
}
CASES.push(...[1, 2, 3].map((seed) => randomTree(seed, 4)));

const LAYOUTS = new Map(
  await Promise.all(CASES.map(async (c) => [c.name, await layoutFlowchart(c.nodes, c.root)] as const)),
);

describe.each(CASES)('layoutFlowchart: $name', ({ name, root, nodes }) => {
  const layout = LAYOUTS.get(name)!;
  const box = (id: string): FlowBox => layout.nodes.find((n) => n.id === id)!;

  it('places every node exactly once', () => {
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(nodes.map((n) => n.id).sort());
  });

  it('draws one edge per answer, in answer order per question', () => {
    for (const n of nodes) {
      expect(layout.edges.filter((e) => e.from === n.id).map((e) => [e.label, e.to])).toEqual(
        n.edges.map((e) => [e.label, e.to]),
      );
    }
  });

  it('keeps boxes and labels apart', () => {
    const rects: Rect[] = [...layout.nodes, ...layout.edges.map((e) => e.labelBox)];
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++)
        expect(overlaps(rects[i]!, rects[j]!), `rects ${i} and ${j}`).toBe(false);
    }
  });

  it('keeps everything inside the canvas', () => {
    const rects: Rect[] = [...layout.nodes, ...layout.edges.map((e) => e.labelBox)];
    for (const rect of rects) {
      expect(rect.x).toBeGreaterThanOrEqual(0);
      expect(rect.y).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width).toBeLessThanOrEqual(layout.width);
      expect(rect.y + rect.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('starts every edge on its source box and ends it on its target box', () => {
    for (const e of layout.edges) {
      const from = box(e.from);
      const to = box(e.to);
      const start = e.points[0]!;
      const end = e.points[e.points.length - 1]!;
      expect(start.y).toBeCloseTo(from.y + from.height);
      expect(start.x).toBeGreaterThanOrEqual(from.x - EPS);
      expect(start.x).toBeLessThanOrEqual(from.x + from.width + EPS);
      expect(end.y).toBeCloseTo(to.y);
      expect(end.x).toBeGreaterThanOrEqual(to.x - EPS);
      expect(end.x).toBeLessThanOrEqual(to.x + to.width + EPS);
      // The path data (relative commands) starts and ends exactly at the first and last corner.
      const path = walkPath(e.d);
      expect(path.start).toEqual(start);
      expect(path.end).toEqual(end);
    }
  });

  it('draws each edge through its corners, bending at every inner corner', () => {
    for (const e of layout.edges) {
      expect(walkPath(e.d).bends).toEqual(e.points.slice(1, -1));
    }
  });

  it('routes edges in vertical and horizontal runs that avoid other boxes', () => {
    for (const e of layout.edges) {
      for (let i = 1; i < e.points.length; i++) {
        const a = e.points[i - 1]!;
        const b = e.points[i]!;
        expect(a.x === b.x || a.y === b.y, `${e.from} → ${e.to} run ${i}`).toBe(true);
        const run: Rect = {
          x: Math.min(a.x, b.x),
          y: Math.min(a.y, b.y),
          width: Math.abs(a.x - b.x),
          height: Math.abs(a.y - b.y),
        };
        for (const n of layout.nodes) {
          if (n.id === e.from || n.id === e.to) continue;
          // A run is a zero-width or zero-height rectangle: it overlaps a box only by entering it.
          expect(overlaps(run, n), `${e.from} → ${e.to} crosses ${n.id}`).toBe(false);
        }
      }
    }
  });

  it('draws no edge across another (every case here can be drawn so)', () => {
    const runs = layout.edges.flatMap((e) => e.points.slice(1).map((b, i) => ({ e, a: e.points[i]!, b })));
    for (const s of runs) {
      for (const t of runs) {
        if (s.e.from === t.e.from) continue;
        const h = s.a.y === s.b.y ? s : t;
        const v = h === s ? t : s;
        if (h.a.y !== h.b.y || v.a.x !== v.b.x) continue;
        const crosses =
          v.a.x > Math.min(h.a.x, h.b.x) &&
          v.a.x < Math.max(h.a.x, h.b.x) &&
          h.a.y > Math.min(v.a.y, v.b.y) &&
          h.a.y < Math.max(v.a.y, v.b.y);
        expect(crosses, `${s.e.from}→${s.e.to} × ${t.e.from}→${t.e.to}`).toBe(false);
      }
    }
  });

  it('puts each label on its edge, above the target', () => {
    for (const e of layout.edges) {
      const end = e.points[e.points.length - 1]!;
      const label = e.labelBox;
      expect(end.x).toBeCloseTo(label.x + label.width / 2);
      expect(label.y + label.height).toBeLessThan(box(e.to).y);
    }
  });

  it('layers nodes by the longest path from the root, so layers increase along every edge', () => {
    const expected = longestPathLayers(nodes, root);
    for (const n of layout.nodes) expect(n.layer, n.id).toBe(expected.get(n.id));
    for (const e of layout.edges) {
      const from = box(e.from);
      const to = box(e.to);
      expect(to.layer).toBeGreaterThan(from.layer);
      expect(to.y).toBeGreaterThan(from.y + from.height);
    }
  });

  it('wraps text within the maximum widths and sizes boxes to fit it', () => {
    const o = DEFAULT_FLOW_OPTIONS;
    for (const n of layout.nodes) {
      const result = n.kind === 'result';
      const max = result ? o.resultTextWidth : o.questionTextWidth;
      const style = { size: o.fontSize, weight: result ? ('bold' as const) : ('regular' as const) };
      const widths = n.lines.map((line) => textWidth(line.text.trimEnd(), style));
      for (const w of widths) expect(w).toBeLessThanOrEqual(max);
      const content = Math.max(...widths) + (n.icon ? n.icon.size + o.iconGap : 0);
      expect(n.width).toBeGreaterThanOrEqual(content + 2 * o.paddingX - EPS);
      // Concatenated as a browser would (copying, searching), the lines give back the label.
      expect(n.lines.map((l) => l.text).join('')).toBe(n.label.trim().replace(/\s+/g, ' '));
    }
    for (const e of layout.edges) {
      const widths = e.labelBox.lines.map((line) =>
        textWidth(line.text.trimEnd(), { size: o.labelFontSize, weight: 'regular' }),
      );
      for (const w of widths) expect(w).toBeLessThanOrEqual(o.labelTextWidth);
      expect(e.labelBox.width).toBeGreaterThanOrEqual(Math.max(...widths) + 2 * o.labelPaddingX - EPS);
      expect(e.labelBox.lines.map((l) => l.text).join('')).toBe(e.label.trim().replace(/\s+/g, ' '));
    }
  });

  it('is deterministic, whatever the order of the input nodes', async () => {
    expect(await layoutFlowchart(nodes, root)).toEqual(layout);
    expect(await layoutFlowchart([...nodes].reverse(), root)).toEqual(layout);
    expect(JSON.stringify(await layoutFlowchart(nodes, root))).toBe(JSON.stringify(layout));
  });
});

describe.each(CASES.filter((c) => c.name === 'realistic staircase tree' || c.name.startsWith('random tree')))(
  'layoutFlowchart: $name, a tree',
  ({ name, nodes }) => {
    const layout: FlowLayout = LAYOUTS.get(name)!;
    const box = (id: string) => layout.nodes.find((n) => n.id === id)!;
    const centre = (id: string) => box(id).x + box(id).width / 2;

    it('keeps answers in written order, left to right', () => {
      for (const n of nodes) {
        const xs = n.edges.map((e) => centre(e.to));
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
      }
    });
  },
);

describe('layoutFlowchart: the realistic tree', () => {
  it('fits a 48rem (768 px) column', () => {
    expect(LAYOUTS.get('realistic staircase tree')!.width).toBeLessThanOrEqual(768);
  });
});

describe('layoutFlowchart: broken graphs', () => {
  it.each([
    { name: 'unknown root', root: 'x', nodes: [r('job')], error: /root "x"/ },
    {
      name: 'missing target',
      root: 'a',
      nodes: [
        q('a', 'A?', [
          ['Yes', 'job'],
          ['No', 'nowhere'],
        ]),
        r('job'),
      ],
      error: /"nowhere"/,
    },
    {
      name: 'cycle',
      root: 'a',
      nodes: [
        q('a', 'A?', [
          ['Yes', 'b'],
          ['No', 'job'],
        ]),
        q('b', 'B?', [
          ['Yes', 'a'],
          ['No', 'job'],
        ]),
        r('job'),
      ],
      error: /cycle/,
    },
    {
      name: 'unreachable node',
      root: 'a',
      nodes: [
        q('a', 'A?', [
          ['Yes', 'job'],
          ['No', 'job'],
        ]),
        r('job'),
        r('pod'),
      ],
      error: /reachable.*pod/,
    },
    {
      name: 'duplicate id',
      root: 'a',
      nodes: [
        q('a', 'A?', [
          ['Yes', 'job'],
          ['No', 'job'],
        ]),
        r('job'),
        r('job'),
      ],
      error: /unique/,
    },
  ])('throws on $name', async ({ root, nodes, error }) => {
    await expect(layoutFlowchart(nodes, root)).rejects.toThrow(error);
  });
});
