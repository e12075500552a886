/**
 * Layout of the decision flowchart, computed at build time so the page ships a finished SVG and
 * no diagram code. A layered (Sugiyama-style) layout, top to bottom:
 *
 * 1. Layers: a node sits one layer below its deepest parent (longest path from the root), so every
 *    arrow points down, even into a result that several questions share.
 * 2. An arrow that skips layers gets an invisible waypoint in each layer it crosses, so it is
 *    ordered and spaced like a node and never runs through a box.
 * 3. Order within a layer: first visit from the root with answers in written order (so a tree
 *    reads as written), then barycenter sweeps, kept only when they remove crossings (or,
 *    failing that, answers drawn out of order).
 * 4. Horizontal position: each node as close to its neighbours as order and spacing allow (a
 *    least-squares fit per layer, alternating down and up sweeps), then near-straight legs are
 *    straightened.
 * 5. Arrows: vertical and horizontal runs with rounded bends. The answer's label sits on the last
 *    leg, inside a slot of the target's width reserved for it, so labels never overlap.
 *
 * Text is measured with a character-width table instead of fonts (none are loaded at build time).
 * The widths are DejaVu Sans (the Linux default), which runs wider than Arial, Helvetica or
 * Segoe UI, so boxes fit whichever font the reader's system picks.
 */

/** What a box stands for: a question (with answers) or a recommended workload. */
export type FlowKind = 'question' | 'result';

/** An answer, drawn as an arrow from its question to the next node. */
export interface FlowInputEdge {
  label: string;
  to: string;
}

/** A node to draw; results have no edges. */
export interface FlowInputNode {
  id: string;
  kind: FlowKind;
  label: string;
  edges: FlowInputEdge[];
}

/** Sizes of the drawing in SVG user units (CSS pixels at natural size). */
export interface FlowOptions {
  /** Font size of box text. */
  fontSize: number;
  /** Font size of answer labels. */
  labelFontSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Widest line of question text before it wraps. */
  questionTextWidth: number;
  /** Widest line of result text before it wraps. */
  resultTextWidth: number;
  /** Widest line of an answer label before it wraps. */
  labelTextWidth: number;
  /** Width of result text relative to regular text: results are set bold. */
  resultWeight: number;
  /** Square reserved for a result's mark, left of its text; 0 for none. */
  iconSize: number;
  /** Space between the mark and the text. */
  iconGap: number;
  /** Space between a box's border and its content, left and right. */
  paddingX: number;
  /** Space between a box's border and its content, top and bottom. */
  paddingY: number;
  /** Space between a label's background edge and its text, left and right. */
  labelPaddingX: number;
  /** Space between a label's background edge and its text, top and bottom. */
  labelPaddingY: number;
  /** Space between labels that arrive side by side at one box. */
  labelGap: number;
  /** Horizontal space between neighbouring boxes. */
  nodeGap: number;
  /** Horizontal space between an arrow passing a layer and its neighbours. */
  edgeGap: number;
  /** Drop from a box's bottom to the first horizontal run below it. */
  stub: number;
  /** Vertical distance between horizontal runs that would otherwise overlap. */
  trackGap: number;
  /** Space between the lowest horizontal run and the labels. */
  labelMargin: number;
  /** Length of the leg between a label and its target box: room for the arrowhead. */
  arrowRoom: number;
  /** Corner radius of arrow bends. */
  bendRadius: number;
  /** Blank space around the drawing. */
  margin: number;
}

/** Defaults: 13 px text, compact enough that a tree with four boxes in its widest layer fits a 48rem column. */
export const DEFAULT_FLOW_OPTIONS: FlowOptions = {
  fontSize: 13,
  labelFontSize: 12,
  lineHeight: 1.35,
  questionTextWidth: 120,
  resultTextWidth: 110,
  labelTextWidth: 100,
  resultWeight: 1.12,
  iconSize: 20,
  iconGap: 7,
  paddingX: 12,
  paddingY: 10,
  labelPaddingX: 8,
  labelPaddingY: 3,
  labelGap: 8,
  nodeGap: 14,
  edgeGap: 12,
  stub: 14,
  trackGap: 8,
  labelMargin: 10,
  arrowRoom: 16,
  bendRadius: 8,
  margin: 4,
};

/** A point of the drawing. */
export interface FlowPoint {
  x: number;
  y: number;
}

/**
 * One line of text, drawn with text-anchor="middle" at `x`, with its baseline at `y`. It ends with
 * a space where the line broke at one, so the words stay apart when the text is copied or searched.
 */
export interface FlowTextLine {
  text: string;
  x: number;
  y: number;
}

/** A placed box: top-left corner, size, wrapped text and, for results, where the mark goes. */
export interface FlowBox {
  id: string;
  kind: FlowKind;
  label: string;
  /** 0 for the root; every arrow goes to a higher layer. */
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: FlowTextLine[];
  /** Top-left corner and size of the mark's square (results only). */
  icon: { x: number; y: number; size: number } | null;
}

/** A placed answer: the arrow's path and its label's background box and text. */
export interface FlowEdge {
  from: string;
  to: string;
  label: string;
  /** Corners of the arrow, from the source's bottom edge to the target's top edge. */
  points: FlowPoint[];
  /** SVG path data of the arrow, with rounded bends; put the arrowhead at its end. */
  d: string;
  labelBox: { x: number; y: number; width: number; height: number; lines: FlowTextLine[] };
}

/** The whole drawing: draw it in a viewBox of `0 0 width height`. */
export interface FlowLayout {
  width: number;
  height: number;
  /** Boxes in reading order: by layer, then left to right. */
  nodes: FlowBox[];
  /** Arrows in the order of first visit from the root, answers in written order. */
  edges: FlowEdge[];
}

// Advance widths of DejaVu Sans in thousandths of an em.
const LOWER = [
  613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818,
  592, 592, 525,
];
const UPPER = [
  684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989,
  685, 611, 685,
];
const PUNCTUATION: Record<string, number> = {
  ' ': 318,
  '.': 318,
  ',': 318,
  ':': 337,
  ';': 337,
  '?': 531,
  '!': 401,
  '-': 361,
  '‐': 361,
  '–': 500,
  '—': 1000,
  "'": 275,
  '’': 318,
  '‘': 318,
  '"': 460,
  '“': 518,
  '”': 518,
  '(': 390,
  ')': 390,
  '/': 337,
  '&': 780,
  '…': 1000,
};
const DIGIT = 636;
// Anything else (symbols, other scripts) counts as wide, so it errs towards a roomier box.
const OTHER = 800;

/** Approximate rendered width of `text` in pixels, from a character-width table (DejaVu Sans). */
export function textWidth(text: string, fontSize: number, weight = 1): number {
  let units = 0;
  // NFD splits accented letters into a base letter and a zero-width combining mark.
  for (const char of text.normalize('NFD')) {
    const code = char.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    if (code >= 97 && code <= 122) units += LOWER[code - 97]!;
    else if (code >= 65 && code <= 90) units += UPPER[code - 65]!;
    else if (code >= 48 && code <= 57) units += DIGIT;
    else units += PUNCTUATION[char] ?? OTHER;
  }
  return (units / 1000) * fontSize * weight;
}

interface Token {
  text: string;
  /** Whether a space separates this token from the previous one on the same line. */
  space: boolean;
}

/** Splits a word wider than `maxWidth` into pieces that fit, so no line can overflow its box. */
function splitWord(word: string, maxWidth: number, measure: (s: string) => number): Token[] {
  const pieces: Token[] = [];
  let current = '';
  for (const char of word) {
    if (current && measure(current + char) > maxWidth) {
      pieces.push({ text: current, space: pieces.length === 0 });
      current = '';
    }
    current += char;
  }
  pieces.push({ text: current, space: pieces.length === 0 });
  return pieces;
}

interface Line {
  text: string;
  /** Whether the text continues after a space (not inside a word split across lines). */
  spaceAfter: boolean;
}

function greedyLines(tokens: Token[], maxWidth: number, measure: (s: string) => number): Line[] {
  const lines: Line[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line ? line + (token.space ? ' ' : '') + token.text : token.text;
    if (line && measure(candidate) > maxWidth) {
      lines.push({ text: line, spaceAfter: token.space });
      line = token.text;
    } else line = candidate;
  }
  if (line) lines.push({ text: line, spaceAfter: false });
  return lines;
}

function wrapLines(text: string, maxWidth: number, measure: (s: string) => number): Line[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const tokens = words.flatMap((word) =>
    measure(word) > maxWidth ? splitWord(word, maxWidth, measure) : [{ text: word, space: true }],
  );
  const lines = greedyLines(tokens, maxWidth, measure);
  if (lines.length < 2) return lines;
  // The line count only grows as the width shrinks: search for the narrowest width that keeps it.
  let low = 0;
  let high = maxWidth;
  for (let step = 0; step < 12; step++) {
    const mid = (low + high) / 2;
    if (greedyLines(tokens, mid, measure).length === lines.length) high = mid;
    else low = mid;
  }
  return greedyLines(tokens, high, measure);
}

/**
 * Wraps `text` into lines no wider than `maxWidth` (by `measure`), breaking at spaces and inside a
 * word only when the word alone is too wide. Lines are balanced: the same number of lines as
 * greedy wrapping, but as even as possible, because centred text with one short last line reads
 * as ragged.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  return wrapLines(text, maxWidth, measure).map((line) => line.text);
}

/**
 * Lines as drawn. A line that broke at a space keeps it at its end, so copied or searched text
 * reads "work finish", not "workfinish"; the centre moves right by half a space, because
 * text-anchor="middle" centres the space too.
 */
function drawnLines(
  text: string,
  maxWidth: number,
  fontSize: number,
  weight = 1,
): { lines: string[]; widths: number[] } {
  const measure = (s: string) => textWidth(s, fontSize, weight);
  const lines = wrapLines(text, maxWidth, measure);
  return {
    lines: lines.map((line) => (line.spaceAfter ? `${line.text} ` : line.text)),
    widths: lines.map((line) => measure(line.text)),
  };
}

/** Horizontal shift that keeps a line with a trailing space visually centred. */
const spaceShift = (line: string, fontSize: number, weight = 1): number =>
  line.endsWith(' ') ? textWidth(' ', fontSize, weight) / 2 : 0;

/** A box or a waypoint of an arrow that crosses a layer. */
interface Vertex {
  node: FlowInputNode | null;
  layer: number;
  /** Index within its layer. */
  pos: number;
  /** Centre x. */
  x: number;
  width: number;
  height: number;
  into: Segment[];
  out: Segment[];
}

/** The part of an arrow between two neighbouring layers. */
interface Segment {
  from: Vertex;
  to: Vertex;
  edge: number;
  /** Horizontal offset of the arrival point from the target's centre. */
  port: number;
}

/**
 * How bad an order is: edge crossings first, then answers drawn out of their written order (a
 * "No" left of its "Yes"), which reads worse than it looks but better than a crossing.
 */
function orderCost(layers: Vertex[][]): number {
  let crossings = 0;
  let inversions = 0;
  for (const layer of layers) {
    const segments = layer.flatMap((v) => v.out);
    for (let i = 0; i < segments.length; i++) {
      for (let j = i + 1; j < segments.length; j++) {
        const a = segments[i]!;
        const b = segments[j]!;
        if ((a.from.pos - b.from.pos) * (a.to.pos - b.to.pos) < 0) crossings++;
        if (a.from === b.from && a.to.pos > b.to.pos) inversions++;
      }
    }
  }
  return crossings * 1000 + inversions;
}

/**
 * Re-orders one layer by the mean position of each vertex's neighbours; ties keep their order.
 * Vertices without neighbours on that side keep their place: a made-up key for them would mix
 * their own index with neighbour indices, which are on another scale, and scatter them.
 */
function sortByBarycenter(layer: Vertex[], neighbours: (v: Vertex) => Vertex[]): void {
  const movable = layer
    .map((v) => ({ v, ns: neighbours(v) }))
    .filter(({ ns }) => ns.length)
    .map(({ v, ns }) => ({ v, key: ns.reduce((sum, n) => sum + n.pos, 0) / ns.length }))
    .sort((a, b) => a.key - b.key || a.v.pos - b.v.pos);
  let next = 0;
  const order = layer.map((v) => (neighbours(v).length ? movable[next++]!.v : v));
  order.forEach((v, i) => {
    layer[i] = v;
    v.pos = i;
  });
}

/**
 * Positions one layer's vertices as close to `desired` as possible (weighted least squares) while
 * keeping their order and minimum distances. Subtracting the cumulative minimum distances turns
 * this into isotonic regression, which pool-adjacent-violators solves exactly in one pass.
 */
function fitLayer(layer: Vertex[], desired: number[], weights: number[], gap: (a: Vertex, b: Vertex) => number): void {
  const offsets: number[] = [];
  layer.forEach((v, i) => {
    const prev = layer[i - 1];
    offsets.push(prev ? offsets[i - 1]! + (prev.width + v.width) / 2 + gap(prev, v) : 0);
  });
  const blocks: { value: number; weight: number; count: number }[] = [];
  layer.forEach((_, i) => {
    blocks.push({ value: desired[i]! - offsets[i]!, weight: weights[i]!, count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.value > blocks[blocks.length - 1]!.value) {
      const last = blocks.pop()!;
      const prev = blocks[blocks.length - 1]!;
      prev.value = (prev.value * prev.weight + last.value * last.weight) / (prev.weight + last.weight);
      prev.weight += last.weight;
      prev.count += last.count;
    }
  });
  let i = 0;
  for (const block of blocks) {
    for (let k = 0; k < block.count; k++, i++) layer[i]!.x = block.value + offsets[i]!;
  }
}

/**
 * Path data through orthogonal `points`, with each bend rounded by up to `radius`: an absolute
 * start, then relative commands (`h`/`v` runs, `q` bends), which are short and repeat from arrow
 * to arrow. Steps are differences of coordinates already on the half-pixel grid, so they add up
 * to the exact corners, with no rounding drift.
 */
function roundedPath(points: FlowPoint[], radius: number): string {
  const first = points[0]!;
  let x = half(first.x);
  let y = half(first.y);
  let d = `M${nums(x, y)}`;
  const run = (to: FlowPoint): void => {
    const tx = half(to.x);
    const ty = half(to.y);
    if (tx !== x && ty !== y) d += `l${nums(tx - x, ty - y)}`;
    else if (tx !== x) d += `h${nums(tx - x)}`;
    else if (ty !== y) d += `v${nums(ty - y)}`;
    x = tx;
    y = ty;
  };
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const at = points[i]!;
    const next = points[i + 1]!;
    const lenIn = Math.hypot(at.x - prev.x, at.y - prev.y);
    const lenOut = Math.hypot(next.x - at.x, next.y - at.y);
    const r = Math.min(radius, lenIn / 2, lenOut / 2);
    run({ x: at.x + ((prev.x - at.x) / lenIn) * r, y: at.y + ((prev.y - at.y) / lenIn) * r });
    const bx = half(at.x + ((next.x - at.x) / lenOut) * r);
    const by = half(at.y + ((next.y - at.y) / lenOut) * r);
    d += `q${nums(half(at.x) - x, half(at.y) - y, bx - x, by - y)}`;
    x = bx;
    y = by;
  }
  run(points[points.length - 1]!);
  return d;
}

/** Drops repeated points and points in the middle of a straight run. */
function simplify(points: FlowPoint[]): FlowPoint[] {
  const unique = points.filter((p, i) => i === 0 || p.x !== points[i - 1]!.x || p.y !== points[i - 1]!.y);
  return unique.filter((p, i) => {
    const prev = unique[i - 1];
    const next = unique[i + 1];
    if (!prev || !next) return true;
    return !((prev.x === p.x && p.x === next.x) || (prev.y === p.y && p.y === next.y));
  });
}

// Coordinates are kept on a half-pixel grid, so output is exact, stable and short.
const half = (n: number): number => Math.round(n * 2) / 2;
/** Numbers as path data: no leading zero, no space before a minus sign ("-7 .5-8"). */
const nums = (...values: number[]): string =>
  values
    .map((v) => String(half(v) || 0).replace(/^(-?)0\./, '$1.'))
    .reduce((out, v) => (out && !v.startsWith('-') ? `${out} ${v}` : out + v), '');

/**
 * Lays out the graph reachable from `rootId` top-down. Throws when an edge points at a missing
 * node, when the graph has a cycle, or when a node cannot be reached from the root: the content
 * checks report those first, so reaching them here is a programming error.
 */
export function layoutFlowchart(
  nodes: readonly FlowInputNode[],
  rootId: string,
  options: Partial<FlowOptions> = {},
): FlowLayout {
  const o: FlowOptions = { ...DEFAULT_FLOW_OPTIONS, ...options };
  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (byId.size !== nodes.length) throw new Error('flowchart: node ids must be unique');
  const root = byId.get(rootId);
  if (!root) throw new Error(`flowchart: root "${rootId}" is not a node`);
  for (const n of nodes) {
    for (const e of n.edges) {
      if (!byId.has(e.to)) throw new Error(`flowchart: "${n.id}" points at "${e.to}", which is not a node`);
    }
  }

  // Depth-first from the root: preorder fixes every later iteration order (so the input's order
  // does not matter), postorder gives a topological order for the layers.
  const preorder: FlowInputNode[] = [];
  const postorder: FlowInputNode[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (n: FlowInputNode): void => {
    const seen = state.get(n.id);
    if (seen === 'open') throw new Error(`flowchart: "${n.id}" is part of a cycle`);
    if (seen === 'done') return;
    state.set(n.id, 'open');
    preorder.push(n);
    for (const e of n.edges) visit(byId.get(e.to)!);
    state.set(n.id, 'done');
    postorder.push(n);
  };
  visit(root);
  const unreachable = nodes.filter((n) => !state.has(n.id));
  if (unreachable.length)
    throw new Error(`flowchart: not reachable from the root: ${unreachable.map((n) => n.id).join(', ')}`);

  const layerOf = new Map<string, number>([[root.id, 0]]);
  for (const n of [...postorder].reverse()) {
    const layer = layerOf.get(n.id)!;
    for (const e of n.edges) layerOf.set(e.to, Math.max(layerOf.get(e.to) ?? 0, layer + 1));
  }

  // Box sizes and wrapped text.
  const lineHeight = o.fontSize * o.lineHeight;
  const labelLineHeight = o.labelFontSize * o.lineHeight;
  const boxText = new Map<
    string,
    { lines: string[]; weight: number; textWidth: number; contentWidth: number; height: number }
  >();
  for (const n of preorder) {
    const result = n.kind === 'result';
    const weight = result ? o.resultWeight : 1;
    const { lines, widths } = drawnLines(n.label, result ? o.resultTextWidth : o.questionTextWidth, o.fontSize, weight);
    const width = Math.ceil(Math.max(0, ...widths));
    const icon = result && o.iconSize > 0 ? o.iconSize + o.iconGap : 0;
    const textHeight = lines.length * lineHeight;
    const height = Math.ceil(Math.max(textHeight, result ? o.iconSize : 0) + 2 * o.paddingY);
    boxText.set(n.id, { lines, weight, textWidth: width, contentWidth: width + icon + 2 * o.paddingX, height });
  }

  // Edges in preorder, then answer order; each becomes a chain of segments, one per layer gap.
  const edges = preorder.flatMap((n) => n.edges.map((e) => ({ from: n, to: byId.get(e.to)!, label: e.label })));
  const labels = edges.map((e) => {
    const { lines, widths } = drawnLines(e.label, o.labelTextWidth, o.labelFontSize);
    const width = Math.ceil(Math.max(0, ...widths) + 2 * o.labelPaddingX);
    const height = Math.ceil(lines.length * labelLineHeight + 2 * o.labelPaddingY);
    return { lines, width, height };
  });
  const vertexOf = new Map<string, Vertex>();
  const newVertex = (node: FlowInputNode | null, layer: number): Vertex => {
    const size = node ? boxText.get(node.id)! : null;
    return { node, layer, pos: 0, x: 0, width: size?.contentWidth ?? 0, height: size?.height ?? 0, into: [], out: [] };
  };
  for (const n of preorder) vertexOf.set(n.id, newVertex(n, layerOf.get(n.id)!));
  const chains: Segment[][] = edges.map((e, index) => {
    const target = vertexOf.get(e.to.id)!;
    const chain: Segment[] = [];
    let from = vertexOf.get(e.from.id)!;
    for (let layer = from.layer + 1; layer <= target.layer; layer++) {
      const to = layer === target.layer ? target : newVertex(null, layer);
      const segment: Segment = { from, to, edge: index, port: 0 };
      from.out.push(segment);
      to.into.push(segment);
      chain.push(segment);
      from = to;
    }
    return chain;
  });

  // Initial order: first visit from the root over boxes and waypoints, answers in written order.
  const depth = Math.max(...layerOf.values()) + 1;
  const layers: Vertex[][] = Array.from({ length: depth }, () => []);
  const placed = new Set<Vertex>();
  const place = (v: Vertex): void => {
    if (placed.has(v)) return;
    placed.add(v);
    v.pos = layers[v.layer]!.length;
    layers[v.layer]!.push(v);
    for (const s of v.out) place(s.to);
  };
  place(vertexOf.get(root.id)!);

  // Barycenter sweeps; an order is kept only if it costs less than the best so far.
  let best = orderCost(layers);
  let bestOrder = layers.map((layer) => [...layer]);
  for (let round = 0; round < 8 && best > 0; round++) {
    for (let l = 1; l < depth; l++) sortByBarycenter(layers[l]!, (v) => v.into.map((s) => s.from));
    for (let l = depth - 2; l >= 0; l--) sortByBarycenter(layers[l]!, (v) => v.out.map((s) => s.to));
    const cost = orderCost(layers);
    if (cost < best) {
      best = cost;
      bestOrder = layers.map((layer) => [...layer]);
    }
  }
  bestOrder.forEach((layer, l) => {
    layers[l] = layer;
    layer.forEach((v, i) => (v.pos = i));
  });

  // Arrival slots: every segment reaching a box gets a slot as wide as its label, left to right
  // in the order of the segments' sources, so arrows into one box neither cross nor share labels.
  for (const layer of layers) {
    for (const v of layer) {
      if (!v.node) continue;
      const arrivals = [...v.into].sort((a, b) => a.from.pos - b.from.pos || a.edge - b.edge);
      const slots = arrivals.map((s) => labels[s.edge]!.width);
      const total = slots.reduce((sum, w) => sum + w, 0) + o.labelGap * Math.max(0, slots.length - 1);
      v.width = Math.max(v.width, total);
      let left = -total / 2;
      arrivals.forEach((s, i) => {
        s.port = left + slots[i]! / 2;
        left += slots[i]! + o.labelGap;
      });
    }
  }

  // Horizontal positions: start packed, then alternate sweeps that pull each vertex under its
  // parents (down) and over its children (up); ending on an up sweep centres questions over
  // their answers. Waypoints weigh more so long arrows stay straight.
  const gap = (a: Vertex, b: Vertex): number => (a.node && b.node ? o.nodeGap : o.edgeGap);
  for (const layer of layers)
    fitLayer(
      layer,
      layer.map(() => 0),
      layer.map(() => 1),
      gap,
    );
  const weight = (v: Vertex, links: number): number => (links === 0 ? 0.01 : links * (v.node ? 1 : 4));
  for (let round = 0; round < 12; round++) {
    for (let l = 1; l < depth; l++) {
      const layer = layers[l]!;
      const desired = layer.map((v) =>
        v.into.length ? v.into.reduce((sum, s) => sum + s.from.x - s.port, 0) / v.into.length : v.x,
      );
      fitLayer(
        layer,
        desired,
        layer.map((v) => weight(v, v.into.length)),
        gap,
      );
    }
    for (let l = depth - 2; l >= 0; l--) {
      const layer = layers[l]!;
      const desired = layer.map((v) =>
        v.out.length ? v.out.reduce((sum, s) => sum + s.to.x + s.port, 0) / v.out.length : v.x,
      );
      fitLayer(
        layer,
        desired,
        layer.map((v) => weight(v, v.out.length)),
        gap,
      );
    }
  }
  for (const layer of layers) for (const v of layer) v.x = half(v.x);
  // A leg a few pixels off its source's centre draws as a kink. Straighten it by moving the
  // target under the source (top-down, so a column straightens in turn), or else the source over
  // the target (bottom-up, unless that would bend a line that is already straight), whenever
  // the neighbours leave room.
  const snap = 3 * o.bendRadius;
  const moveTo = (layer: Vertex[], i: number, x: number): boolean => {
    const v = layer[i]!;
    const left = layer[i - 1];
    const right = layer[i + 1];
    const fits =
      (!left || left.x + (left.width + v.width) / 2 + gap(left, v) <= x) &&
      (!right || x + (v.width + right.width) / 2 + gap(v, right) <= right.x);
    if (fits) v.x = x;
    return fits;
  };
  const near = (a: number, b: number): boolean => a !== b && Math.abs(a - b) < snap;
  for (const layer of layers.slice(1)) {
    layer.forEach((v, i) => {
      for (const s of v.into) if (near(s.from.x - s.port, v.x) && moveTo(layer, i, s.from.x - s.port)) break;
    });
  }
  for (const layer of [...layers].reverse()) {
    layer.forEach((v, i) => {
      if (v.into.some((s) => s.from.x - s.port === v.x)) return;
      if (v.out.some((s) => s.to.x + s.port === v.x)) return;
      for (const s of v.out) if (near(s.to.x + s.port, v.x) && moveTo(layer, i, s.to.x + s.port)) break;
    });
  }

  // Vertical positions. Each gap between layers holds, top to bottom: the drop from the boxes,
  // the horizontal runs (one track per source whose run would overlap another's), the labels,
  // and the last leg with the arrowhead.
  const layerTop: number[] = [];
  const layerHeight = layers.map((layer) => Math.max(0, ...layer.map((v) => v.height)));
  const trackY = new Map<Vertex, number>();
  const labelCenter: number[] = [];
  let y = o.margin;
  layers.forEach((layer, l) => {
    layerTop[l] = y;
    y += layerHeight[l]!;
    if (l === depth - 1) return;
    const runs = layer
      .filter((v) => v.out.length)
      .map((v) => {
        const xs = [v.x, ...v.out.map((s) => s.to.x + s.port)];
        return { v, left: Math.min(...xs), right: Math.max(...xs) };
      })
      .filter((run) => run.right - run.left > 0.25);
    const trackEnds: number[] = [];
    for (const run of runs.sort((a, b) => a.left - b.left || a.v.pos - b.v.pos)) {
      let track = trackEnds.findIndex((end) => end + o.edgeGap <= run.left);
      if (track === -1) track = trackEnds.length;
      trackEnds[track] = run.right;
      trackY.set(run.v, y + o.stub + track * o.trackGap);
    }
    const runsBottom = y + o.stub + Math.max(0, trackEnds.length - 1) * o.trackGap;
    const next = layers[l + 1]!.flatMap((v) => (v.node ? v.into : []));
    const labelHeight = Math.max(0, ...next.map((s) => labels[s.edge]!.height));
    labelCenter[l + 1] = runsBottom + o.labelMargin + labelHeight / 2;
    y = runsBottom + o.labelMargin + labelHeight + o.arrowRoom;
  });
  const height = y + o.margin;
  const boxTop = (v: Vertex): number => half(layerTop[v.layer]! + (layerHeight[v.layer]! - v.height) / 2);
  // A waypoint is a vertical line through its whole layer.
  const top = (v: Vertex): number => (v.node ? boxTop(v) : layerTop[v.layer]!);
  const bottom = (v: Vertex): number => (v.node ? boxTop(v) + v.height : layerTop[v.layer]! + layerHeight[v.layer]!);

  const routed = chains.map((chain, index) => {
    const points: FlowPoint[] = [];
    for (const s of chain) {
      const start = { x: s.from.x, y: bottom(s.from) };
      const end = { x: half(s.to.x + s.port), y: top(s.to) };
      const run = trackY.get(s.from);
      points.push(start);
      if (start.x !== end.x && run !== undefined) points.push({ x: start.x, y: run }, { x: end.x, y: run });
      points.push(end);
    }
    const corners = simplify(points);
    const last = chain[chain.length - 1]!;
    const label = labels[index]!;
    const cx = half(last.to.x + last.port);
    const cy = labelCenter[last.to.layer]!;
    const firstLine = cy - ((label.lines.length - 1) * labelLineHeight) / 2;
    return {
      corners,
      labelBox: {
        x: cx - label.width / 2,
        y: half(cy - label.height / 2),
        width: label.width,
        height: label.height,
        lines: label.lines.map((text, i) => ({
          text,
          x: cx + spaceShift(text, o.labelFontSize),
          y: firstLine + i * labelLineHeight + 0.35 * o.labelFontSize,
        })),
      },
    };
  });

  // Shift everything so the leftmost ink sits at the margin.
  const boxes = layers.flatMap((layer) => layer.filter((v) => v.node));
  const lefts = [
    ...boxes.map((v) => v.x - v.width / 2),
    ...routed.flatMap((r) => [r.labelBox.x, ...r.corners.map((p) => p.x)]),
  ];
  const rights = [
    ...boxes.map((v) => v.x + v.width / 2),
    ...routed.flatMap((r) => [r.labelBox.x + r.labelBox.width, ...r.corners.map((p) => p.x)]),
  ];
  const shift = o.margin - Math.min(...lefts);
  const width = Math.max(...rights) + shift + o.margin;
  const sx = (x: number): number => half(x + shift);
  const round = (line: FlowTextLine): FlowTextLine => ({
    text: line.text,
    x: Math.round((line.x + shift) * 100) / 100,
    y: Math.round(line.y * 10) / 10,
  });

  const placedNodes: FlowBox[] = boxes.map((v) => {
    const n = v.node!;
    const text = boxText.get(n.id)!;
    const boxY = boxTop(v);
    const cy = boxY + v.height / 2;
    const icon = n.kind === 'result' && o.iconSize > 0;
    const contentLeft = v.x - (text.contentWidth - 2 * o.paddingX) / 2;
    const textX = icon ? contentLeft + o.iconSize + o.iconGap + text.textWidth / 2 : v.x;
    const firstLine = cy - ((text.lines.length - 1) * lineHeight) / 2;
    return {
      id: n.id,
      kind: n.kind,
      label: n.label,
      layer: v.layer,
      x: sx(v.x - v.width / 2),
      y: boxY,
      width: v.width,
      height: v.height,
      lines: text.lines.map((line, i) =>
        round({
          text: line,
          x: textX + spaceShift(line, o.fontSize, text.weight),
          y: firstLine + i * lineHeight + 0.35 * o.fontSize,
        }),
      ),
      icon: icon ? { x: sx(contentLeft), y: half(cy - o.iconSize / 2), size: o.iconSize } : null,
    };
  });
  const placedEdges: FlowEdge[] = routed.map((r, index) => {
    const points = r.corners.map((p) => ({ x: sx(p.x), y: p.y }));
    const e = edges[index]!;
    return {
      from: e.from.id,
      to: e.to.id,
      label: e.label,
      points,
      d: roundedPath(points, o.bendRadius),
      labelBox: { ...r.labelBox, x: sx(r.labelBox.x), lines: r.labelBox.lines.map(round) },
    };
  });
  return { width: Math.ceil(width), height: Math.ceil(height), nodes: placedNodes, edges: placedEdges };
}
