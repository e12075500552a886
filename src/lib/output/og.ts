/**
 * Social preview images: where each page's image lives, and the SVG it is drawn from.
 *
 * Everything here is pure (strings in, strings out) so it is unit-tested; the endpoint
 * src/pages/og/[...slug].png.ts loads the fonts and turns the SVG into a PNG with resvg.
 * Text cannot be measured without a renderer, so lines are wrapped with a width model: the
 * advance widths of DejaVu Sans and DejaVu Sans Bold (the two fonts the renderer is given),
 * read from the font files, in thousandths of an em.
 */
import { MARK_PATHS, MARK_STROKE } from '../design/marks';
import { WORKLOAD_IDS, type WorkloadId } from '../content/model';

/** Image size in pixels: the size link previews expect (1.91:1). */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Font family name inside the two DejaVu files. */
export const OG_FONT_FAMILY = 'DejaVu Sans';

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

export type FontWeight = 'regular' | 'bold';

// Advance widths of U+0020…U+007E, then of EXTRA_CHARS, in 1/1000 em (DejaVu Sans 2.37).
const ASCII_WIDTHS: Record<FontWeight, readonly number[]> = {
  regular: [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636,
    636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863,
    748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635,
    615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636,
    337, 636, 838,
  ],
  bold: [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696,
    696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995,
    837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716,
    678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712,
    365, 712, 838,
  ],
};
const EXTRA_CHARS = '…·›—–’‘“”';
const EXTRA_WIDTHS: Record<FontWeight, readonly number[]> = {
  regular: [1000, 318, 400, 1000, 500, 318, 318, 518, 518],
  bold: [1000, 380, 412, 1000, 500, 380, 380, 657, 657],
};
// Characters outside the table (accents, other scripts) are assumed wide, so a line that
// contains them errs on the short side instead of running off the image.
const FALLBACK_WIDTH: Record<FontWeight, number> = { regular: 700, bold: 780 };

/** Width of one character in em, by the DejaVu width model. */
export function charWidth(char: string, weight: FontWeight): number {
  const code = char.codePointAt(0) ?? 0;
  const table =
    code >= 0x20 && code <= 0x7e ? ASCII_WIDTHS[weight][code - 0x20] : EXTRA_WIDTHS[weight][EXTRA_CHARS.indexOf(char)];
  return (table ?? FALLBACK_WIDTH[weight]) / 1000;
}

/** Font settings of a run of text. */
export interface TextStyle {
  /** Font size in pixels. */
  size: number;
  weight: FontWeight;
  /** Extra space after every character, in pixels (SVG `letter-spacing`). */
  letterSpacing?: number;
}

/** Rendered width of `text` in pixels, by the DejaVu width model. */
export function textWidth(text: string, style: TextStyle): number {
  const chars = [...text];
  const ems = chars.reduce((sum, c) => sum + charWidth(c, style.weight), 0);
  return ems * style.size + chars.length * (style.letterSpacing ?? 0);
}

const ELLIPSIS = '…';
// Punctuation, and small words, that read badly right before an ellipsis.
const TRAILING_PUNCTUATION = /[\s,;:.!?·&+–—-]+$/;
const TRAILING_WORD = /\s+(?:a|an|and|as|at|but|by|for|from|in|its|of|on|or|the|their|to|with|your)$/i;

/** `text` with an ellipsis, after dropping trailing punctuation and small words. */
function ellipsize(text: string): string {
  let trimmed = text.replace(TRAILING_PUNCTUATION, '');
  while (TRAILING_WORD.test(trimmed)) trimmed = trimmed.replace(TRAILING_WORD, '').replace(TRAILING_PUNCTUATION, '');
  return `${trimmed}${ELLIPSIS}`;
}

/** Cuts characters off the end until `text…` fits (for a single word wider than the line). */
function hardCut(text: string, maxWidth: number, style: TextStyle): string {
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}${ELLIPSIS}`, style) > maxWidth) chars.pop();
  return `${chars.join('')}${ELLIPSIS}`;
}

/**
 * One line of at most `maxWidth` pixels: the text itself when it fits, otherwise as much as
 * fits, cut cleanly. A whole sentence is kept as it is (no ellipsis); failing that, a clause
 * (up to `,` `;` `:` or a dash) or else whole words, with an ellipsis. A sentence or clause is
 * preferred only when it fills at least `ratio` of the line, so a short first clause does not
 * waste the line.
 */
export function truncateToWidth(text: string, maxWidth: number, style: TextStyle, ratio = 0.6): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (textWidth(clean, style) <= maxWidth) return clean;
  const words = clean.split(' ');
  let fitting = '';
  for (let count = words.length - 1; count > 0; count--) {
    const candidate = words.slice(0, count).join(' ');
    if (textWidth(ellipsize(candidate), style) <= maxWidth) {
      fitting = candidate;
      break;
    }
  }
  if (!fitting) return hardCut(words[0] ?? '', maxWidth, style);
  const wide = (candidate: string) => textWidth(candidate, style) >= ratio * maxWidth;
  const sentence = /^.*[.!?](?=\s)/.exec(`${fitting} `)?.[0];
  if (sentence && wide(sentence)) return sentence;
  const clause = /^.*(?=[,;:]\s|\s[–—]\s)/.exec(`${fitting} `)?.[0];
  if (clause && wide(clause)) return ellipsize(clause);
  return ellipsize(fitting);
}

/**
 * Pieces of a word wider than a line, each as wide as fits: broken after `-` `/` `.` `_` or
 * at a camel-case hump ("HorizontalPod|Autoscaler") where possible, else between characters.
 */
export function breakWord(word: string, maxWidth: number, style: TextStyle): string[] {
  const chars = [...word];
  const natural = new Set<number>();
  chars.forEach((c, i) => {
    if (i > 0 && /[-/._]/.test(chars[i - 1] ?? '')) natural.add(i);
    if (i > 0 && /[A-Z]/.test(c) && /[a-z]/.test(chars[i - 1] ?? '')) natural.add(i);
  });
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    while (end < chars.length && textWidth(chars.slice(start, end + 1).join(''), style) <= maxWidth) end++;
    if (end < chars.length) {
      const hump = [...natural].filter((i) => i > start && i <= end).pop();
      if (hump !== undefined) end = hump;
    }
    pieces.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

/** Lines of a wrapped text, and what had to give for it to fit. */
export interface WrappedText {
  lines: string[];
  /** More than `maxLines` were needed: the last line ends in an ellipsis. */
  truncated: boolean;
  /** A word wider than a line was broken across lines. */
  broken: boolean;
}

/**
 * Greedy word wrap into lines of at most `maxWidth` pixels. A word wider than a line is
 * broken (see breakWord); past `maxLines`, the last line ends in an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, maxLines = Infinity): WrappedText {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let broken = false;
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, style) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    if (textWidth(word, style) <= maxWidth) current = word;
    else {
      const pieces = breakWord(word, maxWidth, style);
      broken = true;
      lines.push(...pieces.slice(0, -1));
      current = pieces[pieces.length - 1] ?? '';
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return { lines, truncated: false, broken };
  // Two lines' worth never fits on one, so this always ends in an ellipsis.
  const last = truncateToWidth(`${lines[maxLines - 1]} ${lines[maxLines]}`, maxWidth, style, 1);
  return { lines: [...lines.slice(0, maxLines - 1), last], truncated: true, broken };
}

/** Colours of the images: the site's dark theme (src/styles/global.css). */
export const OG_COLOURS = {
  background: '#0b1120',
  surface: '#111827',
  ink: '#f1f5f9',
  muted: '#a3b1c6',
  line: '#2c3a52',
  accent: '#8ab4ff',
  workloads: {
    deployment: '#7aa7ff',
    statefulset: '#b99cff',
    daemonset: '#4fd1c5',
    replicaset: '#a3b1c6',
    job: '#fbbf24',
    cronjob: '#fb923c',
    pod: '#4ade80',
  } satisfies Record<WorkloadId, string>,
} as const;

/** What one social image shows. */
export interface OgCard {
  /** Page title, drawn large (wrapped to at most three lines). */
  title: string;
  /** Page description, drawn as one line (shortened with an ellipsis). */
  description: string;
  /** Site name, drawn in the header (left out when it is the title). */
  siteName: string;
  /** Kubernetes minor version the site was reviewed against, e.g. "1.36". */
  kubernetesVersion: string;
  /** Small line above the title, e.g. "Workload resource · apps/v1". */
  eyebrow?: string;
  /** Workload whose mark is drawn large beside the title. */
  workload?: WorkloadId;
}

const PAD_X = 96;
const PAD_RIGHT = 80;
const BAR_WIDTH = 14;
const HEADER_Y = 72;
const FOOTER_Y = 536;
const BIG_MARK = 196;
const EYEBROW: TextStyle = { size: 22, weight: 'bold', letterSpacing: 2.5 };
const SUBTITLE: TextStyle = { size: 32, weight: 'regular' };
const SITE_NAME: TextStyle = { size: 28, weight: 'bold' };
const PILL: TextStyle = { size: 24, weight: 'regular' };
// Tried in order: the first size at which the title fits its line budget wins.
const TITLE_SIZES: readonly { size: number; maxLines: number }[] = [
  { size: 92, maxLines: 2 },
  { size: 76, maxLines: 2 },
  { size: 64, maxLines: 3 },
];

/**
 * Picks the largest title size at which the title fits its line budget, preferring sizes at
 * which no word has to be broken; the smallest size, shortened, when none fits.
 */
export function fitTitle(title: string, maxWidth: number): { size: number; lines: string[] } {
  const tries = TITLE_SIZES.map(({ size, maxLines }) => ({
    size,
    ...wrapText(title, maxWidth, { size, weight: 'bold' }, maxLines),
  }));
  const best =
    tries.find((t) => !t.truncated && !t.broken) ?? tries.find((t) => !t.truncated) ?? tries[tries.length - 1];
  if (!best) throw new Error('fitTitle: no title sizes configured');
  return { size: best.size, lines: best.lines };
}

const attrs = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([name, value]) => `${name}="${escapeXml(String(value))}"`)
    .join(' ');

/** A workload mark at (x, y), `size` pixels square, in `colour`. */
function mark(workload: WorkloadId, x: number, y: number, size: number, colour: string): string {
  const scale = size / 24;
  return `<g ${attrs({ transform: `translate(${x} ${y}) scale(${scale})`, color: colour, ...MARK_STROKE })}>${MARK_PATHS[workload]}</g>`;
}

/** One line of text with its baseline at (x, y). */
function text(content: string, x: number, y: number, style: TextStyle, fill: string): string {
  return `<text ${attrs({
    x,
    y,
    'font-family': OG_FONT_FAMILY,
    'font-size': style.size,
    'font-weight': style.weight === 'bold' ? 700 : 400,
    ...(style.letterSpacing ? { 'letter-spacing': style.letterSpacing } : {}),
    fill,
  })}>${escapeXml(content)}</text>`;
}

/** The SVG of a social image (1200×630), ready for resvg. */
export function ogSvg(card: OgCard): string {
  const tint = card.workload ? OG_COLOURS.workloads[card.workload] : OG_COLOURS.accent;
  const contentRight = OG_WIDTH - PAD_RIGHT - (card.workload ? BIG_MARK + 56 : 0);
  const maxWidth = contentRight - PAD_X;

  const eyebrow = card.eyebrow ? truncateToWidth(card.eyebrow, maxWidth, EYEBROW) : '';
  const title = fitTitle(card.title, maxWidth);
  const lineHeight = Math.round(title.size * 1.08);
  const subtitle = truncateToWidth(card.description, OG_WIDTH - PAD_RIGHT - PAD_X, SUBTITLE);

  // Eyebrow, title and subtitle form one block, centred between header and footer. The big
  // mark sits beside eyebrow and title; the subtitle runs full width, below the mark.
  const headBlock = (eyebrow ? EYEBROW.size + 26 : 0) + lineHeight * title.lines.length;
  const overhang = card.workload ? Math.max(0, (BIG_MARK - headBlock) / 2) : 0;
  const subtitleGap = Math.max(30, overhang + 22);
  const block = headBlock + subtitleGap + SUBTITLE.size * 1.2;
  const bandTop = HEADER_Y + 60;
  const top = Math.round(bandTop + (FOOTER_Y - 24 - bandTop - block) / 2);
  const titleTop = top + (eyebrow ? EYEBROW.size + 26 : 0);
  const subtitleBaseline = Math.round(top + headBlock + subtitleGap + SUBTITLE.size * 0.95);
  const bigMarkX = OG_WIDTH - PAD_RIGHT - BIG_MARK;
  const bigMarkY = Math.round(top + headBlock / 2 - BIG_MARK / 2);

  const showName = card.title.trim() !== card.siteName.trim();
  const headerMarks = (['deployment', 'statefulset', 'daemonset'] as const)
    .map((id, i) => mark(id, PAD_X + i * 26, HEADER_Y, 34, OG_COLOURS.workloads[id]))
    .join('');
  const pillLabel = `Reviewed against Kubernetes v${card.kubernetesVersion}`;
  const pillWidth = Math.ceil(textWidth(pillLabel, PILL)) + 44;
  const footerRight = card.workload
    ? ''
    : WORKLOAD_IDS.map((id, i, all) =>
        mark(id, OG_WIDTH - PAD_RIGHT - (all.length - i) * 50 + 10, FOOTER_Y + 26, 36, OG_COLOURS.workloads[id]),
      ).join('');

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">`,
    '<defs>',
    `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${OG_COLOURS.surface}"/><stop offset="1" stop-color="${OG_COLOURS.background}"/></linearGradient>`,
    `<radialGradient id="glow" cx="1" cy="0" r="0.9"><stop offset="0" stop-color="${tint}" stop-opacity="0.22"/><stop offset="1" stop-color="${tint}" stop-opacity="0"/></radialGradient>`,
    `<pattern id="dots" width="28" height="28" patternUnits="userSpaceOnUse"><circle cx="2" cy="2" r="1.4" fill="${OG_COLOURS.line}" fill-opacity="0.55"/></pattern>`,
    '</defs>',
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="url(#bg)"/>`,
    `<rect x="${OG_WIDTH / 2}" width="${OG_WIDTH / 2}" height="${OG_HEIGHT}" fill="url(#dots)" opacity="0.6"/>`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="url(#glow)"/>`,
    `<rect width="${BAR_WIDTH}" height="${OG_HEIGHT}" fill="${tint}"/>`,
    headerMarks,
    showName ? text(card.siteName, PAD_X + 2 * 26 + 34 + 18, HEADER_Y + 27, SITE_NAME, OG_COLOURS.ink) : '',
    eyebrow ? text(eyebrow, PAD_X, top + EYEBROW.size, EYEBROW, tint) : '',
    ...title.lines.map((line, i) =>
      text(
        line,
        PAD_X - 3,
        Math.round(titleTop + i * lineHeight + title.size * 0.9),
        { size: title.size, weight: 'bold' },
        OG_COLOURS.ink,
      ),
    ),
    text(subtitle, PAD_X, subtitleBaseline, SUBTITLE, OG_COLOURS.muted),
    card.workload
      ? [
          `<rect ${attrs({ x: bigMarkX, y: bigMarkY, width: BIG_MARK, height: BIG_MARK, rx: 40, fill: tint, 'fill-opacity': 0.1, stroke: tint, 'stroke-opacity': 0.35, 'stroke-width': 2 })}/>`,
          mark(card.workload, bigMarkX + 32, bigMarkY + 32, BIG_MARK - 64, tint),
        ].join('')
      : '',
    `<line ${attrs({ x1: PAD_X, y1: FOOTER_Y, x2: OG_WIDTH - PAD_RIGHT, y2: FOOTER_Y, stroke: OG_COLOURS.line, 'stroke-width': 2 })}/>`,
    `<rect ${attrs({ x: PAD_X, y: FOOTER_Y + 22, width: pillWidth, height: 44, rx: 22, fill: OG_COLOURS.accent, 'fill-opacity': 0.12, stroke: OG_COLOURS.accent, 'stroke-opacity': 0.5, 'stroke-width': 1.5 })}/>`,
    text(pillLabel, PAD_X + 22, FOOTER_Y + 52, PILL, OG_COLOURS.accent),
    footerRight,
    '</svg>',
  ].join('');
}
