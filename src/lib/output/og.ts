/**
 * Social preview images: where each page's image lives, where each of its parts goes, and the SVGs
 * drawn from that layout. src/lib/output/og-render.ts turns them into a PNG (and caches it).
 *
 * An image is made from a plain spec (eyebrow, title, description, optional workload mark), so
 * anything linkable can have one. Text is measured, wrapped and drawn (as glyph outlines) by
 * src/lib/design/text.ts from one font file, so a line that fits here fits in the image; colours
 * are the dark scheme's tokens from src/styles/global.css (src/lib/design/tokens.ts).
 */
import { MARK_PATHS, MARK_STROKE } from '../design/marks';
import { fontExtent, inkBox, PATH_UNITS_PER_PIXEL, textPath, textWidth, wrap, type TextStyle } from '../design/text';
import { siteColour } from '../design/tokens';
import { WORKLOAD_IDS, type WorkloadId } from '../content/model';

/** Image size in pixels: the size link previews expect (1.91:1). */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** "/" → "index"; "/workloads/job/" → "workloads/job": the image's name under /og/. */
export function ogSlug(path: string): string {
  return path.replace(/^\/|\/$/g, '') || 'index';
}

/** "/" → "/og/index.png"; "/workloads/job/" → "/og/workloads/job.png". */
export function ogImagePath(path: string): string {
  return `/og/${ogSlug(path)}.png`;
}

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** What one social image says. */
export interface OgSpec {
  /** Drawn large, in up to three lines. */
  title: string;
  /** Drawn below the title, in up to two lines (the second ends in an ellipsis if more was written). */
  description: string;
  /** Small line above the title, e.g. "Workload resource · apps/v1". */
  eyebrow?: string;
  /** Workload whose mark is drawn large beside the title, in its colour. */
  workload?: WorkloadId;
}

/** What every image of the site shows besides its spec. */
export interface OgSite {
  /** Drawn in the header (left out when it is the title). */
  name: string;
  /** Kubernetes minor version the site was reviewed against, e.g. "1.37". */
  kubernetesVersion: string;
}

/** One image to render: what it says and what every image shows. */
export interface OgRequest {
  spec: OgSpec;
  site: OgSite;
}

/** What identifies an image request: equal keys draw equal images (og-pool.ts shares them). */
export function ogRequestKey({ spec, site }: OgRequest): string {
  return JSON.stringify([
    spec.title,
    spec.description,
    spec.eyebrow ?? '',
    spec.workload ?? '',
    site.name,
    site.kubernetesVersion,
  ]);
}

/** A rectangle of the image, in pixels from its top-left corner. */
export interface OgBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of text, starting at `x` on its baseline. */
export interface OgLine {
  text: string;
  x: number;
  baseline: number;
  /** Measured width in pixels. */
  width: number;
}

/** A part of the image, with the box it is laid out in: nothing it draws leaves the box. */
export type OgPart =
  | {
      kind: 'text';
      role: 'site-name' | 'eyebrow' | 'title' | 'description';
      box: OgBox;
      style: TextStyle;
      fill: string;
      lines: OgLine[];
    }
  /** The version badge: a rounded box with its text. */
  | { kind: 'pill'; role: 'version'; box: OgBox; style: TextStyle; fill: string; lines: OgLine[] }
  /** Workload marks; `tile` draws them on a tinted rounded square (the big mark). */
  | { kind: 'marks'; role: 'header-marks' | 'footer-marks' | 'mark'; box: OgBox; tile: boolean; marks: OgMark[] }
  | { kind: 'rule'; role: 'footer-rule'; box: OgBox; colour: string };

/** One workload mark, `size` pixels square. */
export interface OgMark {
  workload: WorkloadId;
  x: number;
  y: number;
  size: number;
  colour: string;
}

/** Where everything of one image goes. */
export interface OgLayout {
  /** The image's accent: the workload's colour, or the site's accent. */
  tint: string;
  parts: OgPart[];
}

const PAD_X = 96;
const PAD_RIGHT = 80;
const BAR_WIDTH = 14;
const HEADER_Y = 72;
const FOOTER_Y = 536;
const BIG_MARK = 196;
const EYEBROW: TextStyle = { size: 22, weight: 'bold', letterSpacing: 2.5 };
const DESCRIPTION: TextStyle = { size: 32, weight: 'regular' };
const DESCRIPTION_LINES = 2;
const DESCRIPTION_LINE_HEIGHT = 42;
const SITE_NAME: TextStyle = { size: 28, weight: 'bold' };
const PILL: TextStyle = { size: 24, weight: 'regular' };
// Tried in order: the first size at which the title fits its line budget wins. Two lines of
// 92 px beside a two-line description would crowd the header and footer.
const TITLE_SIZES: readonly { size: number; maxLines: number }[] = [
  { size: 92, maxLines: 1 },
  { size: 76, maxLines: 2 },
  { size: 64, maxLines: 3 },
];

/**
 * Picks the largest title size at which the title fits its line budget (in even lines),
 * preferring sizes at which no word has to be broken; the smallest size, shortened, when none fits.
 */
export function fitTitle(title: string, maxWidth: number): { size: number; lines: string[] } {
  const tries = TITLE_SIZES.map(({ size, maxLines }) => ({
    size,
    ...wrap(title, maxWidth, { size, weight: 'bold' }, { maxLines, balance: true }),
  }));
  const best =
    tries.find((t) => !t.truncated && !t.broken) ?? tries.find((t) => !t.truncated) ?? tries[tries.length - 1];
  if (!best) throw new Error('fitTitle: no title sizes configured');
  return { size: best.size, lines: best.lines.map((line) => line.text) };
}

/** Where a text part goes: lines that start at `x` in a column `maxWidth` wide, the first baseline at `baseline`. */
interface TextPlacement {
  role: 'site-name' | 'eyebrow' | 'title' | 'description';
  lines: string[];
  x: number;
  baseline: number;
  lineHeight: number;
  maxWidth: number;
  style: TextStyle;
  fill: string;
  /**
   * Line up each line's ink, not its pen position, with `x`: large bold capitals carry a visible
   * side bearing. A glyph that reaches left of its pen position (J) hangs into the margin instead.
   */
  optical?: boolean;
}

/**
 * A text part, boxed by the font's reach (its ascent above the first baseline, its descent below
 * the last) and by the column, widened to the left for ink that hangs out of it.
 */
function textPart({
  role,
  lines,
  x,
  baseline,
  lineHeight,
  maxWidth,
  style,
  fill,
  optical = false,
}: TextPlacement): OgPart {
  const { ascent, descent } = fontExtent(style);
  const placed = lines.map((text, i) => {
    const bearing = inkBox(text, style).left;
    const penX = optical ? Math.round((x - Math.max(0, bearing)) * 100) / 100 : x;
    return {
      line: { text, x: penX, baseline: baseline + i * lineHeight, width: textWidth(text, style) },
      ink: penX + bearing,
    };
  });
  const left = Math.min(x, ...placed.map((p) => p.ink));
  const last = baseline + (lines.length - 1) * lineHeight;
  return {
    kind: 'text',
    role,
    box: { x: left, y: baseline - ascent, width: x + maxWidth - left, height: last + descent - (baseline - ascent) },
    style,
    fill,
    lines: placed.map((p) => p.line),
  };
}

/** An image's accent: its workload's colour, or the site's accent. */
const tintOf = (workload?: WorkloadId): string => siteColour(workload ?? 'accent', 'dark');

/** Where everything of the image for `spec` goes. */
export function ogLayout(spec: OgSpec, site: OgSite): OgLayout {
  const colour = (name: string) => siteColour(name, 'dark');
  const tint = tintOf(spec.workload);
  const contentRight = OG_WIDTH - PAD_RIGHT - (spec.workload ? BIG_MARK + 56 : 0);
  const maxWidth = contentRight - PAD_X;
  const fullWidth = OG_WIDTH - PAD_RIGHT - PAD_X;

  const eyebrow = spec.eyebrow ? wrap(spec.eyebrow, maxWidth, EYEBROW, { maxLines: 1 }).lines[0]?.text : undefined;
  const title = fitTitle(spec.title, maxWidth);
  const lineHeight = Math.round(title.size * 1.08);
  const description = wrap(spec.description, fullWidth, DESCRIPTION, { maxLines: DESCRIPTION_LINES }).lines.map(
    (line) => line.text,
  );

  // Eyebrow, title and description form one block, centred between header and footer. The big
  // mark sits beside eyebrow and title; the description runs full width, below the mark.
  const eyebrowHeight = eyebrow ? EYEBROW.size + 26 : 0;
  const headBlock = eyebrowHeight + lineHeight * title.lines.length;
  const overhang = spec.workload ? Math.max(0, (BIG_MARK - headBlock) / 2) : 0;
  const descriptionGap = Math.max(30, overhang + 22);
  const block = headBlock + (description.length ? descriptionGap + DESCRIPTION_LINE_HEIGHT * description.length : 0);
  const bandTop = HEADER_Y + 60;
  const top = Math.round(bandTop + (FOOTER_Y - 24 - bandTop - block) / 2);
  const titleTop = top + eyebrowHeight;
  const descriptionBaseline = Math.round(top + headBlock + descriptionGap + DESCRIPTION.size * 0.95);
  const bigMarkX = OG_WIDTH - PAD_RIGHT - BIG_MARK;
  const bigMarkY = Math.round(top + headBlock / 2 - BIG_MARK / 2);

  const parts: OgPart[] = [];
  const headerMarks = (['deployment', 'statefulset', 'daemonset'] as const).map((id, i) => ({
    workload: id,
    x: PAD_X + i * 26,
    y: HEADER_Y,
    size: 34,
    colour: colour(id),
  }));
  parts.push({
    kind: 'marks',
    role: 'header-marks',
    box: { x: PAD_X, y: HEADER_Y, width: 2 * 26 + 34, height: 34 },
    tile: false,
    marks: headerMarks,
  });
  if (spec.title.trim() !== site.name.trim()) {
    const nameX = PAD_X + 2 * 26 + 34 + 18;
    const name = wrap(site.name, OG_WIDTH - PAD_RIGHT - nameX, SITE_NAME, { maxLines: 1 }).lines.map((l) => l.text);
    parts.push(
      textPart({
        role: 'site-name',
        lines: name,
        x: nameX,
        baseline: HEADER_Y + 27,
        lineHeight: 0,
        maxWidth: OG_WIDTH - PAD_RIGHT - nameX,
        style: SITE_NAME,
        fill: colour('ink'),
      }),
    );
  }
  if (eyebrow) {
    const baseline = top + EYEBROW.size;
    parts.push(
      textPart({
        role: 'eyebrow',
        lines: [eyebrow],
        x: PAD_X,
        baseline,
        lineHeight: 0,
        maxWidth,
        style: EYEBROW,
        fill: tint,
      }),
    );
  }
  parts.push(
    textPart({
      role: 'title',
      lines: title.lines,
      x: PAD_X,
      baseline: Math.round(titleTop + title.size * 0.9),
      lineHeight,
      maxWidth,
      style: { size: title.size, weight: 'bold' },
      fill: colour('ink'),
      optical: true,
    }),
  );
  if (description.length)
    parts.push(
      textPart({
        role: 'description',
        lines: description,
        x: PAD_X,
        baseline: descriptionBaseline,
        lineHeight: DESCRIPTION_LINE_HEIGHT,
        maxWidth: fullWidth,
        style: DESCRIPTION,
        fill: colour('muted'),
      }),
    );
  if (spec.workload)
    parts.push({
      kind: 'marks',
      role: 'mark',
      box: { x: bigMarkX, y: bigMarkY, width: BIG_MARK, height: BIG_MARK },
      tile: true,
      marks: [{ workload: spec.workload, x: bigMarkX + 32, y: bigMarkY + 32, size: BIG_MARK - 64, colour: tint }],
    });
  parts.push({
    kind: 'rule',
    role: 'footer-rule',
    box: { x: PAD_X, y: FOOTER_Y - 1, width: fullWidth, height: 2 },
    colour: colour('line'),
  });
  const pillLabel = `Reviewed against Kubernetes v${site.kubernetesVersion}`;
  const pillWidth = Math.ceil(textWidth(pillLabel, PILL)) + 44;
  parts.push({
    kind: 'pill',
    role: 'version',
    box: { x: PAD_X, y: FOOTER_Y + 22, width: pillWidth, height: 44 },
    style: PILL,
    fill: colour('accent'),
    lines: [{ text: pillLabel, x: PAD_X + 22, baseline: FOOTER_Y + 52, width: textWidth(pillLabel, PILL) }],
  });
  if (!spec.workload) {
    const marks = WORKLOAD_IDS.map((id, i, all) => ({
      workload: id,
      x: OG_WIDTH - PAD_RIGHT - (all.length - i) * 50 + 10,
      y: FOOTER_Y + 26,
      size: 36,
      colour: colour(id),
    }));
    const left = Math.min(...marks.map((mark) => mark.x));
    parts.push({
      kind: 'marks',
      role: 'footer-marks',
      box: { x: left, y: FOOTER_Y + 26, width: OG_WIDTH - PAD_RIGHT - left, height: 36 },
      tile: false,
      marks,
    });
  }
  return { tint, parts };
}

/** An SVG element with escaped attributes: empty, or around `content` (markup, not escaped here). */
function el(name: string, attributes: Record<string, string | number>, content?: string): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** A workload mark, drawn from its 24×24 paths. */
const markSvg = ({ workload, x, y, size, colour }: OgMark): string =>
  el(
    'g',
    { transform: `translate(${x} ${y}) scale(${size / 24})`, color: colour, ...MARK_STROKE },
    MARK_PATHS[workload],
  );

/**
 * One line of text on its baseline, drawn as the glyph outlines text.ts shaped it into (one path),
 * so the pixels are exactly the text that was measured; `aria-label` keeps the words in the SVG.
 */
const lineSvg = (line: OgLine, style: TextStyle, fill: string): string =>
  el('path', {
    'aria-label': line.text,
    fill,
    transform: `scale(${1 / PATH_UNITS_PER_PIXEL})`,
    d: textPath(line.text, style, line.x, line.baseline),
  });

/** A rounded box tinted with `colour`: filled faintly, outlined a little more strongly. */
const tintedBox = (box: OgBox, radius: number, colour: string, fill: number, stroke: number, strokeWidth: number) =>
  el('rect', {
    ...box,
    rx: radius,
    fill: colour,
    'fill-opacity': fill,
    stroke: colour,
    'stroke-opacity': stroke,
    'stroke-width': strokeWidth,
  });

function partSvg(part: OgPart, tint: string): string {
  const { x, y, width, height } = part.box;
  switch (part.kind) {
    case 'text':
      return part.lines.map((line) => lineSvg(line, part.style, part.fill)).join('');
    case 'pill':
      return [
        tintedBox(part.box, height / 2, part.fill, 0.12, 0.5, 1.5),
        ...part.lines.map((line) => lineSvg(line, part.style, part.fill)),
      ].join('');
    case 'marks':
      return [part.tile ? tintedBox(part.box, 40, tint, 0.1, 0.35, 2) : '', ...part.marks.map(markSvg)].join('');
    case 'rule': {
      const middle = y + height / 2;
      return el('line', { x1: x, y1: middle, x2: x + width, y2: middle, stroke: part.colour, 'stroke-width': height });
    }
  }
}

/** Parts every image of a site draws in the same place (its tint aside): they go with the backdrop. */
const FIXED_ROLES: ReadonlySet<OgPart['role']> = new Set([
  'header-marks',
  'site-name',
  'footer-rule',
  'version',
  'footer-marks',
]);

/**
 * A social image as two SVGs, drawn one over the other. The backdrop is what many images share, so
 * a renderer draws each backdrop once, not once per image: the tint's gradient, dots, glow and
 * bar, and the parts that stand in the same place on every image (header, footer rule, version
 * badge, the footer's marks). The foreground is what this image alone shows (eyebrow, title,
 * description, the big mark), over a transparent ground, drawn only over the box they take up
 * (less than half of the image), which is laid over the backdrop at `box`.
 */
export interface OgDrawing {
  /** 1200×630. */
  background: string;
  /** `box.width` × `box.height`: its view box is `box`. */
  foreground: string;
  /** Where the foreground goes, in whole pixels. */
  box: OgBox;
}

const svgRoot = (content: string, box: OgBox = { x: 0, y: 0, width: OG_WIDTH, height: OG_HEIGHT }) =>
  el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: box.width,
      height: box.height,
      viewBox: `${box.x} ${box.y} ${box.width} ${box.height}`,
    },
    content,
  );

/** The backdrop's own drawing in `tint`: gradient, dots, a glow from the top right, the accent bar. */
function backdropSvg(tint: string): string {
  const colour = (name: string) => siteColour(name, 'dark');
  const stop = (offset: number, colour: string, opacity = 1) =>
    el('stop', { offset, 'stop-color': colour, ...(opacity < 1 ? { 'stop-opacity': opacity } : {}) });
  const size = { width: OG_WIDTH, height: OG_HEIGHT };
  const defs = [
    el('linearGradient', { id: 'bg', x1: 0, y1: 0, x2: 1, y2: 1 }, stop(0, colour('surface')) + stop(1, colour('bg'))),
    el('radialGradient', { id: 'glow', cx: 1, cy: 0, r: 0.9 }, stop(0, tint, 0.22) + stop(1, tint, 0)),
    el(
      'pattern',
      { id: 'dots', width: 28, height: 28, patternUnits: 'userSpaceOnUse' },
      el('circle', { cx: 2, cy: 2, r: 1.4, fill: colour('line'), 'fill-opacity': 0.55 }),
    ),
  ];
  return [
    el('defs', {}, defs.join('')),
    el('rect', { ...size, fill: 'url(#bg)' }),
    el('rect', { x: OG_WIDTH / 2, width: OG_WIDTH / 2, height: OG_HEIGHT, fill: 'url(#dots)', opacity: 0.6 }),
    el('rect', { ...size, fill: 'url(#glow)' }),
    el('rect', { width: BAR_WIDTH, height: OG_HEIGHT, fill: tint }),
  ].join('');
}

/**
 * The box around `parts` in whole pixels, with room for what a stroke draws outside a part's box
 * (half its width), inside the image.
 */
function boxAround(parts: readonly OgPart[]): OgBox {
  if (!parts.length) return { x: 0, y: 0, width: 1, height: 1 };
  const REACH = 2;
  const left = Math.max(0, Math.floor(Math.min(...parts.map((p) => p.box.x)) - REACH));
  const top = Math.max(0, Math.floor(Math.min(...parts.map((p) => p.box.y)) - REACH));
  const right = Math.min(OG_WIDTH, Math.ceil(Math.max(...parts.map((p) => p.box.x + p.box.width)) + REACH));
  const bottom = Math.min(OG_HEIGHT, Math.ceil(Math.max(...parts.map((p) => p.box.y + p.box.height)) + REACH));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The drawing of a laid-out social image, ready for og-render.ts. */
export function ogDrawing(layout: OgLayout): OgDrawing {
  const draw = (parts: readonly OgPart[]) => parts.map((part) => partSvg(part, layout.tint)).join('');
  const fixed = layout.parts.filter((part) => FIXED_ROLES.has(part.role));
  const own = layout.parts.filter((part) => !FIXED_ROLES.has(part.role));
  const box = boxAround(own);
  return { background: svgRoot(backdropSvg(layout.tint) + draw(fixed)), foreground: svgRoot(draw(own), box), box };
}

/**
 * The backdrops of a site's images, one per tint: what a renderer can draw before the first image
 * comes (the site's own front page image, without the site name in its header, has another).
 */
export function ogBackgrounds(site: OgSite): string[] {
  return [...WORKLOAD_IDS, undefined].map(
    (workload) => ogDrawing(ogLayout({ title: '', description: '', workload }, site)).background,
  );
}
