import { describe, expect, it } from 'vitest';
import {
  fontExtent,
  inkBox,
  PATH_UNITS_PER_PIXEL,
  textPath,
  textWidth,
  wrap,
  type TextStyle,
} from '../../../src/lib/design/text';

const REGULAR: TextStyle = { size: 32, weight: 'regular' };
const BOLD: TextStyle = { size: 92, weight: 'bold' };
const SMALL: TextStyle = { size: 14, weight: 'regular' };
const width = (text: string, style = REGULAR) => textWidth(text, style);

describe('textWidth, from the DejaVu font files', () => {
  it.each<[string, string, TextStyle, number]>([
    ['nothing', '', REGULAR, 0],
    // DejaVu Sans has 2048 units per em; its space advances 651 of them, "W" 2025.
    ['a space', ' ', { size: 2048, weight: 'regular' }, 651],
    ['a capital W', 'W', { size: 2048, weight: 'regular' }, 2025],
    ['a bold i', 'i', { size: 2048, weight: 'bold' }, 702],
    // Letter spacing is added after every glyph.
    [
      'letter spacing',
      'ab',
      { size: 10, weight: 'regular', letterSpacing: 2 },
      width('ab', { size: 10, weight: 'regular' }) + 4,
    ],
  ])('%s', (_name, text, style, expected) => {
    expect(textWidth(text, style)).toBeCloseTo(expected, 5);
  });

  it.each([
    { a: 'iiii', b: 'mmmm' },
    { a: 'short', b: 'a longer text' },
    { a: 'Job', b: 'JOB' },
  ])('measures "$a" narrower than "$b"', ({ a, b }) => {
    expect(width(a)).toBeLessThan(width(b));
  });

  it('applies the font’s kerning, as the renderer does', () => {
    expect(width('AV')).toBeLessThan(width('A') + width('V'));
  });

  it('scales with the font size, runs wider in bold and gives a combining accent no width', () => {
    expect(textWidth('Pod', { size: 28, weight: 'regular' })).toBeCloseTo(2 * textWidth('Pod', SMALL));
    expect(textWidth('StatefulSet', { size: 50, weight: 'bold' })).toBeGreaterThan(
      textWidth('StatefulSet', { size: 50, weight: 'regular' }),
    );
    expect(width('cafe\u0301')).toBeCloseTo(width('cafe'));
  });
});

describe('a line is as wide as its words and spaces', () => {
  // wrap() sums the cached widths of words and spaces instead of shaping every candidate line:
  // true as long as the font kerns no pair with a space.
  const words = (text: string, style: TextStyle) =>
    text.split(' ').reduce((sum, word) => sum + textWidth(word, style), 0) +
    (text.split(' ').length - 1) * textWidth(' ', style);
  it.each([
    'Per-Pod claims via volumeClaimTemplates',
    'StatefulSet › Use cases · v1.37 edition',
    'Does the work finish on its own? "Yes", (no) [maybe] A. V, T; Y: W/ L’',
  ])('%s', (text) => {
    for (const weight of ['regular', 'bold'] as const) {
      const style: TextStyle = { size: 40, weight };
      expect(textWidth(text, style)).toBeCloseTo(words(text, style), 9);
    }
  });
});

describe('fontExtent and inkBox', () => {
  it('put the ink of every line inside the font’s reach, and inside the measured width', () => {
    const { ascent, descent } = fontExtent(BOLD);
    for (const text of ['StatefulSet', 'Égal jpg', 'Which workload?']) {
      const ink = inkBox(text, BOLD);
      expect(ink.top).toBeGreaterThanOrEqual(-ascent);
      expect(ink.bottom).toBeLessThanOrEqual(descent);
      expect(ink.left).toBeGreaterThanOrEqual(0);
      expect(ink.right).toBeLessThanOrEqual(textWidth(text, BOLD));
    }
  });

  it('finds descenders below the baseline and none in capitals', () => {
    expect(inkBox('gyp', BOLD).bottom).toBeGreaterThan(10);
    expect(inkBox('HELL', BOLD).bottom).toBeLessThan(1);
    expect(inkBox('   ', BOLD)).toEqual({ left: 0, top: 0, right: 0, bottom: 0 });
  });
});

describe('textPath: text drawn as the outlines it was measured with', () => {
  /** The box of a path's points, in pixels. */
  const extent = (d: string) => {
    const numbers = (d.match(/-?\d+/g) ?? []).map((n) => Number(n) / PATH_UNITS_PER_PIXEL);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
  };
  const SPACED: TextStyle = { size: 22, weight: 'bold', letterSpacing: 2.5 };

  it.each<[string, string, TextStyle]>([
    ['plain words', 'Partition (canaries)', REGULAR],
    ['bold, large', 'StatefulSet ›', BOLD],
    ['kerned pairs', 'AVATAR Tv', BOLD],
    ['letter spacing', 'WORKLOAD RESOURCE', SPACED],
  ])('%s: the outlines cover the ink textWidth and inkBox measured', (_name, text, style) => {
    const box = extent(textPath(text, style, 0, 0));
    const ink = inkBox(text, style);
    for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(box[side]).toBeCloseTo(ink[side], 1);
    expect(box.right).toBeLessThanOrEqual(textWidth(text, style));
  });

  it('starts at the given baseline origin', () => {
    const at = extent(textPath('Job', BOLD, 0, 0));
    const moved = extent(textPath('Job', BOLD, 96, 278));
    expect(moved.left - at.left).toBeCloseTo(96, 1);
    expect(moved.top - at.top).toBeCloseTo(278, 1);
  });

  it('pulls a kerned pair together, as textWidth does', () => {
    const pair = extent(textPath('AV', BOLD, 0, 0));
    expect(pair.right).toBeLessThan(textWidth('A', BOLD) + inkBox('V', BOLD).right - 1);
  });

  it('draws nothing for a space, and one path for a whole line', () => {
    expect(textPath('   ', REGULAR, 10, 10)).toBe('');
    const d = textPath('I I', { size: 2048, weight: 'regular' }, 0, 0);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).toMatch(/^M-?\d+ -?\d+L/);
  });
});

describe('wrap', () => {
  it.each<[string, string, number, number, string[]]>([
    ['one line', 'StatefulSet', 1000, Infinity, ['StatefulSet']],
    ['greedy', 'Which workload do you need?', width('Which workload do', BOLD), 3, ['Which workload do', 'you need?']],
    ['nothing', '   ', 1000, 2, []],
    ['whitespace runs count as one space', '  Runs   Pods\n on nodes ', 2000, 1, ['Runs Pods on nodes']],
    [
      'an ellipsis past maxLines',
      'one two three four five six seven eight',
      width('one two three', BOLD),
      2,
      ['one two three', 'four five six…'],
    ],
  ])('%s', (_name, text, maxWidth, maxLines, lines) => {
    const result = wrap(text, maxWidth, BOLD, { maxLines });
    expect(result.lines.map((line) => line.text)).toEqual(lines);
    expect(result.truncated).toBe(text.includes('eight'));
    for (const line of result.lines) {
      expect(line.width).toBeCloseTo(textWidth(line.text, BOLD));
      expect(line.width).toBeLessThanOrEqual(maxWidth);
    }
  });

  it.each([
    { text: 'Job', max: 100, lines: 1 },
    { text: 'Does the work finish and exit on its own?', max: 150, lines: 2 },
    { text: 'Does each replica need a stable name and its own storage?', max: 150, lines: 3 },
    { text: 'Supercalifragilisticexpialidocious', max: 80, lines: 3 },
    { text: '  spaced   out   words  ', max: 60, lines: 3 },
  ])('balances "$text" into $lines lines within $max px, losing no character', ({ text, max, lines }) => {
    const wrapped = wrap(text, max, SMALL, { balance: true }).lines;
    expect(wrapped).toHaveLength(lines);
    for (const line of wrapped) expect(textWidth(line.text, SMALL)).toBeLessThanOrEqual(max);
    expect(
      wrapped
        .map((line) => line.text)
        .join('')
        .replace(/\s+/g, ''),
    ).toBe(text.replace(/\s+/g, ''));
  });

  it('balances lines instead of leaving one short word on the last line', () => {
    const [first, second] = wrap('Should it run on a schedule, say every night?', 260, SMALL, { balance: true }).lines;
    expect(Math.abs(first!.width - second!.width)).toBeLessThan(textWidth('schedule,', SMALL));
  });

  it('says where a line broke at a space, so drawn lines can keep it', () => {
    const { lines } = wrap('Runs Pods HorizontalPodAutoscaler', width('Runs Pods Horizontal', BOLD), BOLD);
    expect(lines.map((line) => [line.text, line.spaceAfter])).toEqual([
      ['Runs Pods', true],
      ['HorizontalPod', false],
      ['Autoscaler', false],
    ]);
  });

  it.each<[string, string, number, string[]]>([
    [
      'at camel-case humps',
      'HorizontalPodAutoscaler',
      width('HorizontalPodAuto', BOLD),
      ['HorizontalPod', 'Autoscaler'],
    ],
    ['after a slash', 'networking.k8s.io/v1', width('networking.k8s.io/', BOLD) + 1, ['networking.k8s.io/', 'v1']],
    ['between characters when there is no better place', 'aaaaaaaa', width('aaa', BOLD) + 1, ['aaa', 'aaa', 'aa']],
  ])('breaks a word wider than the line %s', (_name, word, maxWidth, pieces) => {
    const result = wrap(word, maxWidth, BOLD);
    expect(result.broken).toBe(true);
    expect(result.lines.map((line) => line.text)).toEqual(pieces);
  });

  describe('shortening the last line', () => {
    const one = (text: string, maxWidth: number) => wrap(text, maxWidth, REGULAR, { maxLines: 1 }).lines[0]!.text;
    it.each<[string, string, number, string]>([
      ['fits unchanged', 'Runs Pods on every node.', 1000, 'Runs Pods on every node.'],
      [
        'keeps a whole sentence, without an ellipsis',
        'Which workload resource should run your app? Deployment, StatefulSet and DaemonSet compared.',
        width('Which workload resource should run your app? Deployment'),
        'Which workload resource should run your app?',
      ],
      [
        'prefers the end of a clause',
        'Runs Pods that each keep a stable name, a stable network identity and their own volume.',
        width('Runs Pods that each keep a stable name, a stable network'),
        'Runs Pods that each keep a stable name…',
      ],
      [
        'cuts between words, dropping a trailing small word',
        'Creates Jobs on a repeating schedule written in cron syntax',
        width('Creates Jobs on a repeating schedule written in'),
        'Creates Jobs on a repeating schedule written…',
      ],
      [
        'drops trailing punctuation before the ellipsis',
        'Deployments & ReplicaSets and StatefulSets',
        width('Deployments & Replica'),
        'Deployments…',
      ],
      ['cuts a single word that is too wide', 'HorizontalPodAutoscaler', width('Horizontal…'), 'Horizontal…'],
    ])('%s', (_name, text, maxWidth, expected) => {
      const result = one(text, maxWidth);
      expect(result).toBe(expected);
      expect(width(result)).toBeLessThanOrEqual(maxWidth);
    });

    // Long texts are cut by the summed widths of their words before any candidate is shaped
    // whole: the cut must still be the longest run of words that fits with its ellipsis.
    it.each([300, 640, 1000, 1500])('cuts a long text at the last word that fits in %i px', (maxWidth) => {
      const words = 'Pods Deployments replicas rollout revision controller node volume claim ordinal'.split(' ');
      const text = Array.from({ length: 400 }, (_, i) => words[i % words.length]).join(' ');
      const result = one(text, maxWidth);
      const kept = result.slice(0, -1).split(' ');
      expect(result.endsWith('…')).toBe(true);
      expect(text.startsWith(kept.join(' '))).toBe(true);
      expect(width(result)).toBeLessThanOrEqual(maxWidth);
      expect(
        width(
          `${text
            .split(' ')
            .slice(0, kept.length + 1)
            .join(' ')}…`,
        ),
      ).toBeGreaterThan(maxWidth);
    });

    it('does not waste the line on a short first clause', () => {
      const text = 'Pods, in order, with stable names and their own persistent volumes across restarts';
      expect(one(text, 600)).not.toBe('Pods, in order…');
    });

    it('keeps the lines before the last as they wrapped, and shortens the rest into the last', () => {
      const text =
        'Pods with a sticky identity (ordinal, DNS name, own volume claims) that survives rescheduling, ' +
        'and more words than two lines hold.';
      const { lines, truncated } = wrap(text, 500, REGULAR, { maxLines: 2 });
      const full = wrap(text, 500, REGULAR).lines;
      expect(truncated).toBe(true);
      expect(lines[0]!.text).toBe(full[0]!.text);
      expect(lines[1]!.text.endsWith('…')).toBe(true);
      expect(lines[1]!.text.startsWith(full[1]!.text.split(' ')[0]!)).toBe(true);
      expect(lines[1]!.width).toBeLessThanOrEqual(500);
    });
  });
});
