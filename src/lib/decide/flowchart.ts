/**
 * Layout of the decision flowchart, computed at build time so the page ships a finished SVG and
 * no diagram code. The layered algorithm of ELK (elkjs) does the work, top to bottom: layers by
 * the longest path from the root (so every arrow points down, even into a result that several
 * questions share), the order within each layer (fewest crossings, then the order of the input:
 * answers as written), positions, and orthogonal arrows.
 *
 * What is this chart's own: each answer's label sits on its arrow's last leg, just above the box it
 * leads to. ELK is given every box taller by a label band on top and one arrival port per answer
 * across it, spaced by the labels' widths, so labels never overlap each other, a box or another
 * arrow; the arrows then go on through the band to the box. ELK runs twice: first with free ports,
 * to learn from which side each answer arrives, then with the ports fixed in that order.
 *
 * Text is measured and wrapped by src/lib/design/text.ts (DejaVu Sans, from the font file).
 */
import ELK, {
  type ElkExtendedEdge,
  type ElkNode,
  type ElkPoint,
  type ElkPort,
  type LayoutOptions,
} from 'elkjs/lib/elk.bundled.js';
import { wrap, textWidth, type TextStyle } from '../design/text';

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
  /** Horizontal space between an arrow passing a layer and its neighbours, and between parallel arrows. */
  edgeGap: number;
  /** Drop from a box's bottom to the first horizontal run below it, and from the last run to the labels. */
  stub: number;
  /** Vertical distance between horizontal runs that would otherwise overlap. */
  trackGap: number;
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
  iconSize: 20,
  iconGap: 7,
  paddingX: 12,
  paddingY: 10,
  labelPaddingX: 8,
  labelPaddingY: 3,
  labelGap: 8,
  nodeGap: 14,
  edgeGap: 12,
  stub: 12,
  trackGap: 8,
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
  /** 0 for the root, then the longest path from it: every arrow goes to a higher layer. */
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

/** A box: the input node, its text, its size, and the answers arriving at it. */
interface Box {
  node: FlowInputNode;
  layer: number;
  lines: { text: string; width: number }[];
  style: TextStyle;
  textWidth: number;
  width: number;
  height: number;
  /** Edges arriving at this box (indexes into the edge list), left to right once known. */
  arrivals: number[];
}

/** An answer to draw: source, target, label and wrapped label text. */
interface Arrow {
  from: Box;
  to: Box;
  label: string;
  lines: { text: string; width: number }[];
  width: number;
  height: number;
}

/**
 * Lines as drawn. A line that broke at a space keeps it at its end, so copied or searched text
 * reads "work finish", not "workfinish"; its centre moves right by half a space, because
 * text-anchor="middle" centres the space too.
 */
function drawnLines(text: string, maxWidth: number, style: TextStyle): { text: string; width: number }[] {
  return wrap(text, maxWidth, style, { balance: true }).lines.map((line) =>
    line.spaceAfter ? { text: `${line.text} `, width: line.width } : { text: line.text, width: line.width },
  );
}

/** Horizontal shift that keeps a line with a trailing space visually centred. */
const spaceShift = (line: string, style: TextStyle): number => (line.endsWith(' ') ? textWidth(' ', style) / 2 : 0);

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

const elk = new ELK();

/** ELK's options for the whole chart: https://eclipse.dev/elk/reference/algorithms/org-eclipse-elk-layered.html */
function elkOptions(o: FlowOptions): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.layering.strategy': 'LONGEST_PATH_SOURCE',
    // Among orders with the fewest crossings, keep the input's: answers left to right as written.
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.spacing.nodeNode': String(o.nodeGap),
    'elk.spacing.edgeNode': String(o.edgeGap),
    'elk.spacing.edgeEdge': String(o.edgeGap),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(2 * o.stub),
    'elk.layered.spacing.edgeNodeBetweenLayers': String(o.stub),
    'elk.layered.spacing.edgeEdgeBetweenLayers': String(o.trackGap),
    'elk.padding': `[top=${o.margin},left=${o.margin},bottom=${o.margin},right=${o.margin}]`,
  };
}

const outPort = (id: string): string => `${id}>`;
const inPort = (id: string, edge: number): string => `${id}<${edge}`;

/**
 * The ELK graph: every box with its label band on top, one port at the bottom centre for all of a
 * question's answers (so they leave as one trunk and fan out), and one port per arriving answer
 * along the top: free (`slots` false) or at the centre of its label's slot, left to right in the
 * order of `box.arrivals`.
 */
function elkGraph(boxes: Box[], arrows: Arrow[], bands: number[], o: FlowOptions, slots: boolean): ElkNode {
  const children: ElkNode[] = boxes.map((box) => {
    const band = bands[box.layer]!;
    const ports: ElkPort[] = [];
    if (box.node.edges.length)
      ports.push({
        id: outPort(box.node.id),
        x: box.width / 2,
        y: band + box.height,
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': 'SOUTH' },
      });
    let left = (box.width - slotsWidth(box, arrows, o)) / 2;
    for (const edge of box.arrivals) {
      const width = arrows[edge]!.width;
      ports.push({
        id: inPort(box.node.id, edge),
        ...(slots ? { x: left + width / 2, y: 0 } : {}),
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': 'NORTH' },
      });
      left += width + o.labelGap;
    }
    return {
      id: box.node.id,
      width: box.width,
      height: band + box.height,
      ports,
      layoutOptions: { 'elk.portConstraints': slots ? 'FIXED_POS' : 'FIXED_SIDE' },
    };
  });
  const edges: ElkExtendedEdge[] = arrows.map((arrow, edge) => ({
    id: `e${edge}`,
    sources: [outPort(arrow.from.node.id)],
    targets: [inPort(arrow.to.node.id, edge)],
  }));
  return { id: 'flowchart', layoutOptions: elkOptions(o), children, edges };
}

/** Width of the label slots along a box's top edge. */
const slotsWidth = (box: Box, arrows: Arrow[], o: FlowOptions): number =>
  box.arrivals.reduce((sum, edge) => sum + arrows[edge]!.width, 0) + o.labelGap * Math.max(0, box.arrivals.length - 1);

/**
 * Lays out the graph reachable from `rootId` top-down. Throws when an edge points at a missing
 * node, when the graph has a cycle, or when a node cannot be reached from the root: the content
 * checks report those first, so reaching them here is a programming error.
 */
export async function layoutFlowchart(
  nodes: readonly FlowInputNode[],
  rootId: string,
  options: Partial<FlowOptions> = {},
): Promise<FlowLayout> {
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

  // Depth-first from the root: preorder is the order ELK is given (so the input's order does not
  // matter, and answers come in written order); postorder gives a topological order for the layers.
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
  // The layers ELK's LONGEST_PATH_SOURCE layering makes; the label bands are sized per layer.
  const layerOf = new Map<string, number>([[root.id, 0]]);
  for (const n of [...postorder].reverse()) {
    const layer = layerOf.get(n.id)!;
    for (const e of n.edges) layerOf.set(e.to, Math.max(layerOf.get(e.to) ?? 0, layer + 1));
  }

  // Boxes and labels, sized to their wrapped text.
  const lineHeight = o.fontSize * o.lineHeight;
  const labelLineHeight = o.labelFontSize * o.lineHeight;
  const labelStyle: TextStyle = { size: o.labelFontSize, weight: 'regular' };
  const boxOf = new Map<string, Box>();
  const boxes = preorder.map((node): Box => {
    const result = node.kind === 'result';
    const style: TextStyle = { size: o.fontSize, weight: result ? 'bold' : 'regular' };
    const lines = drawnLines(node.label, result ? o.resultTextWidth : o.questionTextWidth, style);
    const width = Math.ceil(Math.max(0, ...lines.map((line) => line.width)));
    const icon = result && o.iconSize > 0 ? o.iconSize + o.iconGap : 0;
    const height = Math.ceil(Math.max(lines.length * lineHeight, result ? o.iconSize : 0) + 2 * o.paddingY);
    const box = {
      node,
      layer: layerOf.get(node.id)!,
      lines,
      style,
      textWidth: width,
      width: width + icon + 2 * o.paddingX,
      height,
      arrivals: [],
    };
    boxOf.set(node.id, box);
    return box;
  });
  const arrows = preorder.flatMap((n) =>
    n.edges.map((e): Arrow => {
      const lines = drawnLines(e.label, o.labelTextWidth, labelStyle);
      return {
        from: boxOf.get(n.id)!,
        to: boxOf.get(e.to)!,
        label: e.label,
        lines,
        width: Math.ceil(Math.max(0, ...lines.map((line) => line.width)) + 2 * o.labelPaddingX),
        height: Math.ceil(lines.length * labelLineHeight + 2 * o.labelPaddingY),
      };
    }),
  );
  arrows.forEach((arrow, edge) => arrow.to.arrivals.push(edge));
  for (const box of boxes) box.width = Math.max(box.width, slotsWidth(box, arrows, o));
  // Each layer's band holds its tallest arriving label and, below it, the room for the arrowhead.
  const labelHeights: number[] = [];
  for (const arrow of arrows) labelHeights[arrow.to.layer] = Math.max(labelHeights[arrow.to.layer] ?? 0, arrow.height);
  const bands = Array.from({ length: Math.max(...layerOf.values()) + 1 }, (_, l) =>
    l === 0 ? 0 : (labelHeights[l] ?? 0) + o.arrowRoom,
  );

  // First pass: free ports tell from which side each answer arrives; the second fixes the slots so.
  const free = await elk.layout(elkGraph(boxes, arrows, bands, o, false));
  const freeX = new Map<string, number>();
  for (const child of free.children ?? [])
    for (const port of child.ports ?? []) freeX.set(port.id, (child.x ?? 0) + (port.x ?? 0));
  for (const box of boxes)
    box.arrivals.sort((a, b) => freeX.get(inPort(box.node.id, a))! - freeX.get(inPort(box.node.id, b))! || a - b);
  const laid = await elk.layout(elkGraph(boxes, arrows, bands, o, true));

  const placed = new Map(
    (laid.children ?? []).map((child) => [child.id, { x: half(child.x ?? 0), y: half(child.y ?? 0) }]),
  );
  const at = (box: Box) => placed.get(box.node.id)!;
  /** Top of a box itself, below its label band. */
  const boxTop = (box: Box): number => at(box).y + bands[box.layer]!;
  const sections = new Map((laid.edges ?? []).map((edge) => [edge.id, edge.sections?.[0]]));
  const round = (line: FlowTextLine): FlowTextLine => ({
    text: line.text,
    x: Math.round(line.x * 100) / 100,
    y: Math.round(line.y * 10) / 10,
  });

  const placedEdges = arrows.map((arrow, edge): FlowEdge => {
    const section = sections.get(`e${edge}`);
    if (!section) throw new Error(`flowchart: ELK did not route ${arrow.from.node.id} → ${arrow.to.node.id}`);
    const route: ElkPoint[] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    const points = simplify([
      ...route.map((p) => ({ x: half(p.x), y: half(p.y) })),
      { x: half(section.endPoint.x), y: boxTop(arrow.to) },
    ]);
    const end = points[points.length - 1]!;
    const band = at(arrow.to).y;
    const labelHeight = labelHeights[arrow.to.layer]!;
    const cy = band + labelHeight / 2;
    const firstLine = cy - ((arrow.lines.length - 1) * labelLineHeight) / 2;
    return {
      from: arrow.from.node.id,
      to: arrow.to.node.id,
      label: arrow.label,
      points,
      d: roundedPath(points, o.bendRadius),
      labelBox: {
        x: end.x - arrow.width / 2,
        y: half(cy - arrow.height / 2),
        width: arrow.width,
        height: arrow.height,
        lines: arrow.lines.map((line, i) =>
          round({
            text: line.text,
            x: end.x + spaceShift(line.text, labelStyle),
            y: firstLine + i * labelLineHeight + 0.35 * o.labelFontSize,
          }),
        ),
      },
    };
  });

  const placedNodes = boxes
    .map((box): FlowBox => {
      const { x } = at(box);
      const y = boxTop(box);
      const cx = x + box.width / 2;
      const cy = y + box.height / 2;
      const icon = box.node.kind === 'result' && o.iconSize > 0;
      const contentWidth = box.textWidth + (icon ? o.iconSize + o.iconGap : 0);
      const contentLeft = cx - contentWidth / 2;
      const textX = icon ? contentLeft + o.iconSize + o.iconGap + box.textWidth / 2 : cx;
      const firstLine = cy - ((box.lines.length - 1) * lineHeight) / 2;
      return {
        id: box.node.id,
        kind: box.node.kind,
        label: box.node.label,
        layer: box.layer,
        x,
        y,
        width: box.width,
        height: box.height,
        lines: box.lines.map((line, i) =>
          round({
            text: line.text,
            x: textX + spaceShift(line.text, box.style),
            y: firstLine + i * lineHeight + 0.35 * o.fontSize,
          }),
        ),
        icon: icon ? { x: half(contentLeft), y: half(cy - o.iconSize / 2), size: o.iconSize } : null,
      };
    })
    .sort((a, b) => a.layer - b.layer || a.x - b.x);
  return {
    width: Math.ceil(laid.width ?? 0),
    height: Math.ceil(laid.height ?? 0),
    nodes: placedNodes,
    edges: placedEdges,
  };
}
