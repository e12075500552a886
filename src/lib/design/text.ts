/**
 * Text measured from the font file itself, and the one word wrapper of the site. The flowchart
 * (src/lib/decide/flowchart.ts) sizes its boxes with it and the social images (src/lib/output/og.ts)
 * fit their lines with it, so a line that fits in one fits in the other.
 *
 * The font is DejaVu Sans from the dejavu-fonts-ttf package, read with fontkit: advance widths and
 * kerning as the shaper applies them. The social images draw their text as this font's outlines,
 * placed by the same shaping (`textPath`), so their widths are exact. The flowchart is drawn in
 * the reader's system font; DejaVu Sans runs wider than Arial, Helvetica or Segoe UI, so its boxes
 * fit whichever font the system picks.
 */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { camelHumps } from './breaks.ts';

/** Family name inside the DejaVu files, for SVG `font-family` and the renderer's font list. */
export const FONT_FAMILY = 'DejaVu Sans';

export type FontWeight = 'regular' | 'bold';

const FONT_FILES: Record<FontWeight, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

/** Font settings of a run of text. */
export interface TextStyle {
  /** Font size in pixels. */
  size: number;
  weight: FontWeight;
  /** Extra space after every glyph, in pixels (SVG `letter-spacing`, for text of one glyph per character). */
  letterSpacing?: number;
}

/** Path of the DejaVu file of `weight`, resolved from this module or, failing that, the project root. */
export function fontPath(weight: FontWeight): string {
  const file = `dejavu-fonts-ttf/ttf/${FONT_FILES[weight]}`;
  // A bundled build chunk runs from the build's output folder, which may sit outside the project.
  for (const from of [import.meta.url, `${process.cwd()}/`]) {
    try {
      return createRequire(from).resolve(file);
    } catch {
      // Try the next place.
    }
  }
  throw new Error(`text: cannot find ${file}; is the dejavu-fonts-ttf package installed?`);
}

interface LoadedFont {
  font: fontkit.Font;
  /** Each measured string's advance width, in font units, and how many glyphs it was shaped into. */
  widths: Map<string, { units: number; glyphs: number }>;
  /** The outline of each glyph drawn so far, by glyph id: SVG path commands in font units. */
  outlines: Map<number, { letter: string; args: number[] }[]>;
  /** Strings shaped so far: a line is measured, drawn and its ink boxed, and images repeat lines. */
  runs: Map<string, fontkit.GlyphRun>;
}

const fonts = new Map<FontWeight, LoadedFont>();

function loadFont(weight: FontWeight): LoadedFont {
  let loaded = fonts.get(weight);
  if (!loaded) {
    const font = fontkit.openSync(fontPath(weight));
    if (!('layout' in font)) throw new Error(`text: ${fontPath(weight)} is a font collection, not one font`);
    loaded = { font, widths: new Map(), outlines: new Map(), runs: new Map() };
    fonts.set(weight, loaded);
  }
  return loaded;
}

/** At most this many shaped strings are kept per font: the words and lines of a few hundred images. */
const RUNS_KEPT = 10000;

/** `text` shaped by `font`, from the font's kept runs when it was shaped before. */
function shapedLine(loaded: LoadedFont, text: string): fontkit.GlyphRun {
  let run = loaded.runs.get(text);
  if (!run) {
    if (loaded.runs.size >= RUNS_KEPT) loaded.runs.clear();
    run = loaded.font.layout(text);
    loaded.runs.set(text, run);
  }
  return run;
}

/** Rendered width of `text` in pixels: the shaped advance widths (with kerning) plus letter spacing. */
export function textWidth(text: string, style: TextStyle): number {
  const loaded = loadFont(style.weight);
  const { font, widths } = loaded;
  let shaped = widths.get(text);
  if (shaped === undefined) {
    // Shaping is the slow part, and the lines measured here are the lines drawn next (textPath).
    const run = shapedLine(loaded, text);
    shaped = { units: run.advanceWidth, glyphs: run.glyphs.length };
    widths.set(text, shaped);
  }
  return (shaped.units / font.unitsPerEm) * style.size + shaped.glyphs * (style.letterSpacing ?? 0);
}

/** One wrapped line. */
export interface TextLine {
  text: string;
  /** Width of `text` in pixels. */
  width: number;
  /** The text went on after a space (the line did not end inside a broken word, nor at the end). */
  spaceAfter: boolean;
}

/** Lines of a wrapped text, and what had to give for it to fit. */
export interface WrappedText {
  lines: TextLine[];
  /** More than `maxLines` were needed: the last line was shortened. */
  truncated: boolean;
  /** A word wider than a line was broken across lines. */
  broken: boolean;
}

/** How to wrap. */
export interface WrapOptions {
  /** Lines at most; past them the last line is shortened (see `wrap`). */
  maxLines?: number;
  /**
   * Even lines: as many lines as greedy wrapping needs, but as equal in width as they can be,
   * because centred text with one short last line reads as ragged.
   */
  balance?: boolean;
}

interface Token {
  text: string;
  /** A space separates this token from the one before (false inside a broken word). */
  space: boolean;
}

const ELLIPSIS = '…';
// Punctuation, and small words, that read badly right before an ellipsis.
const TRAILING_PUNCTUATION = /[\s,;:.!?·&+–—-]+$/;
const TRAILING_WORD = /\s+(?:a|an|and|as|at|but|by|for|from|in|its|of|on|or|the|their|to|with|your)$/i;
/** A shortened line ends at a sentence or clause only if that fills this much of the line. */
const CLEAN_CUT_RATIO = 0.6;

/** `text` with an ellipsis, after dropping trailing punctuation and small words. */
function ellipsize(text: string): string {
  let trimmed = text.replace(TRAILING_PUNCTUATION, '');
  while (TRAILING_WORD.test(trimmed)) trimmed = trimmed.replace(TRAILING_WORD, '').replace(TRAILING_PUNCTUATION, '');
  return `${trimmed}${ELLIPSIS}`;
}

/**
 * One line of at most `maxWidth` pixels cut from `text`: a whole sentence as it is (no ellipsis);
 * failing that, a clause (up to `,` `;` `:` or a dash) or else whole words, with an ellipsis; a
 * single word too wide for the line loses characters. A sentence or clause is preferred only when
 * it fills most of the line, so a short first clause does not waste it.
 */
function shorten(text: string, maxWidth: number, style: TextStyle): string {
  const words = text.split(' ');
  // A candidate is shaped whole only when the sum of its words' cached widths (DejaVu kerns no
  // pair with a space, so that is its width but for a kern before the ellipsis) says it may fit:
  // shaping every shorter prefix of a long text took most of the build's image time.
  const space = textWidth(' ', style);
  const ellipsis = textWidth(ELLIPSIS, style);
  const kernSlack = style.size / 4;
  const summed = (line: string) =>
    line.split(' ').reduce((width, word, i) => width + (i ? space : 0) + textWidth(word, style), 0);
  let fitting = '';
  for (let count = words.length - 1; count > 0; count--) {
    const candidate = words.slice(0, count).join(' ');
    const shortened = ellipsize(candidate);
    if (summed(shortened.slice(0, -ELLIPSIS.length)) + ellipsis > maxWidth + kernSlack) continue;
    if (textWidth(shortened, style) <= maxWidth) {
      fitting = candidate;
      break;
    }
  }
  if (!fitting) {
    const chars = [...(words[0] ?? '')];
    while (chars.length > 1 && textWidth(`${chars.join('')}${ELLIPSIS}`, style) > maxWidth) chars.pop();
    return `${chars.join('')}${ELLIPSIS}`;
  }
  const wide = (candidate: string) => textWidth(candidate, style) >= CLEAN_CUT_RATIO * maxWidth;
  const sentence = /^.*[.!?](?=\s)/.exec(`${fitting} `)?.[0];
  if (sentence && wide(sentence)) return sentence;
  const clause = /^.*(?=[,;:]\s|\s[–—]\s)/.exec(`${fitting} `)?.[0];
  if (clause && wide(clause)) return ellipsize(clause);
  return ellipsize(fitting);
}

/**
 * Pieces of a word wider than a line, each as wide as fits: broken after `-` `/` `.` `_` or at a
 * camel-case hump ("HorizontalPod|Autoscaler") where possible, else between characters.
 */
function breakWord(word: string, maxWidth: number, style: TextStyle): string[] {
  const chars = [...word];
  const natural = new Set<number>(camelHumps(word));
  chars.forEach((_, i) => {
    if (i > 0 && /[-/._]/.test(chars[i - 1] ?? '')) natural.add(i);
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

interface Line {
  text: string;
  spaceAfter: boolean;
  /** Index of the line's first token. */
  start: number;
}

/** Greedy lines: each takes as many tokens as fit in `maxWidth`. */
function greedy(tokens: Token[], maxWidth: number, style: TextStyle): Line[] {
  const lines: Line[] = [];
  let line = '';
  let width = 0;
  let start = 0;
  // A candidate line is measured as the line so far plus the space and the next token, each shaped
  // once and cached, rather than shaping every longer prefix anew (DejaVu Sans kerns no pair with
  // a space, so the sum is the shaped width).
  const space = textWidth(' ', style);
  tokens.forEach((token, i) => {
    const added = (line && token.space ? space : 0) + textWidth(token.text, style);
    if (line && width + added > maxWidth) {
      lines.push({ text: line, spaceAfter: token.space, start });
      line = token.text;
      width = textWidth(token.text, style);
      start = i;
    } else {
      line = line ? line + (token.space ? ' ' : '') + token.text : token.text;
      width += added;
    }
  });
  if (line) lines.push({ text: line, spaceAfter: false, start });
  return lines;
}

/** The tokens from `start` on, as text. */
const join = (tokens: Token[]): string =>
  tokens.reduce((text, token, i) => (i === 0 ? token.text : text + (token.space ? ' ' : '') + token.text), '');

/**
 * Wraps `text` into lines no wider than `maxWidth` pixels in `style`, breaking at spaces, and
 * inside a word only when the word alone is too wide. Whitespace runs count as one space. Past
 * `maxLines`, the last line takes what is left, shortened to fit: at the end of a sentence, or
 * with an ellipsis.
 */
export function wrap(text: string, maxWidth: number, style: TextStyle, options: WrapOptions = {}): WrappedText {
  const { maxLines = Infinity, balance = false } = options;
  const words = text.trim().split(/\s+/).filter(Boolean);
  let broken = false;
  const tokens: Token[] = words.flatMap((word) => {
    if (textWidth(word, style) <= maxWidth) return [{ text: word, space: true }];
    broken = true;
    return breakWord(word, maxWidth, style).map((piece, i) => ({ text: piece, space: i === 0 }));
  });
  let lines = greedy(tokens, maxWidth, style);
  const last = lines[maxLines - 1];
  const truncated = lines.length > maxLines;
  if (truncated && last) {
    const rest = join(tokens.slice(last.start));
    lines = [
      ...lines.slice(0, maxLines - 1),
      { text: shorten(rest, maxWidth, style), spaceAfter: false, start: last.start },
    ];
  } else if (balance && lines.length > 1) {
    // The line count only grows as the width shrinks: search for the narrowest width that keeps it.
    let low = 0;
    let high = maxWidth;
    for (let step = 0; step < 12; step++) {
      const mid = (low + high) / 2;
      if (greedy(tokens, mid, style).length === lines.length) high = mid;
      else low = mid;
    }
    lines = greedy(tokens, high, style);
  }
  return {
    lines: lines.map(({ text, spaceAfter }) => ({ text, spaceAfter, width: textWidth(text, style) })),
    truncated,
    broken,
  };
}

/**
 * How far the font's glyphs reach, in pixels at `style.size`: `ascent` above the baseline and
 * `descent` below it (the font's own hhea metrics). Text set with its baseline `ascent` below a
 * box's top and `descent` above its bottom stays inside the box.
 */
export function fontExtent(style: TextStyle): { ascent: number; descent: number } {
  const { font } = loadFont(style.weight);
  const scale = style.size / font.unitsPerEm;
  return { ascent: font.ascent * scale, descent: -font.descent * scale };
}

/** The ink of `text`: the bounding box of its glyph outlines, in pixels from its baseline's start (y down). */
export function inkBox(text: string, style: TextStyle): { left: number; top: number; right: number; bottom: number } {
  const loaded = loadFont(style.weight);
  const scale = style.size / loaded.font.unitsPerEm;
  const run = shapedLine(loaded, text);
  const { minX, minY, maxX, maxY } = run.bbox;
  // Blank text has no outlines: an empty box at the origin.
  if (!Number.isFinite(minX)) return { left: 0, top: 0, right: 0, bottom: 0 };
  const spacing = Math.max(0, run.glyphs.length - 1) * (style.letterSpacing ?? 0);
  return { left: minX * scale, top: -maxY * scale, right: maxX * scale + spacing, bottom: -minY * scale };
}

/** SVG path letters of fontkit's path commands. */
const PATH_LETTERS: Record<string, string> = {
  moveTo: 'M',
  lineTo: 'L',
  quadraticCurveTo: 'Q',
  bezierCurveTo: 'C',
  closePath: 'Z',
};

/** `textPath` coordinates are in hundredths of a pixel: whole numbers print five times faster. */
export const PATH_UNITS_PER_PIXEL = 100;

/** Paths drawn so far, by text, style and place: every social image draws the same header and footer. */
const drawn = new Map<string, string>();

/**
 * `text` as one SVG path, in hundredths of a pixel, its baseline starting at pixel (`x`,
 * `baseline`): the outlines of the glyphs it is shaped into exactly as `textWidth` measures it
 * (same font, kerning and letter spacing). The social images draw their text this way instead of
 * handing it to the renderer, which shaped every line again with its own copy of the font; one
 * path a line, not one a glyph, because the renderer's cost grows with the number of shapes.
 */
export function textPath(text: string, style: TextStyle, x: number, baseline: number): string {
  const key = `${style.weight} ${style.size} ${style.letterSpacing ?? 0} ${x} ${baseline} ${text}`;
  let d = drawn.get(key);
  if (d === undefined) {
    if (drawn.size >= RUNS_KEPT) drawn.clear();
    d = outlinePath(text, style, x, baseline);
    drawn.set(key, d);
  }
  return d;
}

/** `textPath` without the kept paths. */
function outlinePath(text: string, style: TextStyle, x: number, baseline: number): string {
  const loaded = loadFont(style.weight);
  const { font, outlines } = loaded;
  const scale = style.size / font.unitsPerEm;
  const units = scale * PATH_UNITS_PER_PIXEL;
  const run = shapedLine(loaded, text);
  let pen = x * PATH_UNITS_PER_PIXEL;
  let d = '';
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i];
    let outline = outlines.get(glyph.id);
    if (!outline) {
      outline = glyph.path.commands.map(({ command, args }) => ({ letter: PATH_LETTERS[command] ?? '', args }));
      outlines.set(glyph.id, outline);
    }
    const originX = pen + (position?.xOffset ?? 0) * units;
    const originY = baseline * PATH_UNITS_PER_PIXEL - (position?.yOffset ?? 0) * units;
    for (const { letter, args } of outline) {
      d += letter;
      // Font units point up, pixels down.
      for (let k = 0; k + 1 < args.length; k += 2)
        d +=
          (k ? ' ' : '') +
          Math.round(originX + (args[k] as number) * units) +
          ' ' +
          Math.round(originY - (args[k + 1] as number) * units);
    }
    // Letter spacing follows every glyph, as in textWidth.
    pen += (position?.xAdvance ?? 0) * units + (style.letterSpacing ?? 0) * PATH_UNITS_PER_PIXEL;
  });
  return d;
}
