import { describe, expect, test } from 'vitest';
import {
  breakWord,
  escapeXml,
  fitTitle,
  ogImagePath,
  ogSlug,
  ogSvg,
  textWidth,
  truncateToWidth,
  wrapText,
  OG_HEIGHT,
  OG_WIDTH,
  type OgCard,
  type TextStyle,
} from '../../../src/lib/output/og';
import { MARK_PATHS } from '../../../src/lib/design/marks';

const REGULAR: TextStyle = { size: 32, weight: 'regular' };
const BOLD: TextStyle = { size: 92, weight: 'bold' };

describe('ogSlug and ogImagePath', () => {
  test.each([
    ['/', 'index', '/og/index.png'],
    ['/compare/', 'compare', '/og/compare.png'],
    ['/workloads/statefulset/', 'workloads/statefulset', '/og/workloads/statefulset.png'],
    ['/workloads/job', 'workloads/job', '/og/workloads/job.png'],
  ])('%s → %s', (path, slug, image) => {
    expect(ogSlug(path)).toBe(slug);
    expect(ogImagePath(path)).toBe(image);
  });
});

describe('escapeXml', () => {
  test.each([
    ['plain', 'plain'],
    ['A & B', 'A &amp; B'],
    ['<script>', '&lt;script&gt;'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &apos;single&apos;'],
    ['&amp;', '&amp;amp;'],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe('textWidth (DejaVu width model)', () => {
  test.each<[string, TextStyle, number]>([
    ['', REGULAR, 0],
    [' ', { size: 1000, weight: 'regular' }, 318],
    ['i', { size: 1000, weight: 'bold' }, 343],
    ['W', { size: 1000, weight: 'regular' }, 989],
    ['…', { size: 100, weight: 'regular' }, 100],
    // Unknown characters are assumed wide (0.70 em regular), never narrow.
    ['é', { size: 100, weight: 'regular' }, 70],
    // Letter spacing is added after every character.
    ['ab', { size: 10, weight: 'regular', letterSpacing: 2 }, 6.13 + 6.35 + 4],
  ])('%j at %o is %d px', (text, style, width) => {
    expect(textWidth(text, style)).toBeCloseTo(width, 5);
  });

  test('bold is wider than regular', () => {
    expect(textWidth('StatefulSet', { size: 50, weight: 'bold' })).toBeGreaterThan(
      textWidth('StatefulSet', { size: 50, weight: 'regular' }),
    );
  });
});

describe('truncateToWidth', () => {
  const width = (text: string) => textWidth(text, REGULAR);
  test.each<[string, string, number, string]>([
    ['fits unchanged', 'Runs Pods on every node.', 1000, 'Runs Pods on every node.'],
    ['collapses whitespace', '  Runs   Pods\n on nodes ', 1000, 'Runs Pods on nodes'],
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
    const result = truncateToWidth(text, maxWidth, REGULAR);
    expect(result).toBe(expected);
    expect(width(result)).toBeLessThanOrEqual(maxWidth);
  });

  test('a short first clause does not waste the line', () => {
    const text = 'Pods, in order, with stable names and their own persistent volumes across restarts';
    expect(truncateToWidth(text, 600, REGULAR)).not.toBe('Pods, in order…');
  });
});

describe('breakWord', () => {
  test.each<[string, string, number, string[]]>([
    [
      'at camel-case humps',
      'HorizontalPodAutoscaler',
      textWidth('HorizontalPodAuto', BOLD),
      ['HorizontalPod', 'Autoscaler'],
    ],
    ['after a slash', 'networking.k8s.io/v1', textWidth('networking.k8s.io/', BOLD) + 1, ['networking.k8s.io/', 'v1']],
    ['between characters when there is no better place', 'aaaaaaaa', textWidth('aaa', BOLD) + 1, ['aaa', 'aaa', 'aa']],
  ])('%s', (_name, word, maxWidth, pieces) => {
    expect(breakWord(word, maxWidth, BOLD)).toEqual(pieces);
  });
});

describe('wrapText', () => {
  test.each<[string, string, number, number, string[], boolean]>([
    ['one line', 'StatefulSet', 1000, 2, ['StatefulSet'], false],
    [
      'greedy wrap',
      'Which workload do you need?',
      textWidth('Which workload do', BOLD),
      3,
      ['Which workload do', 'you need?'],
      false,
    ],
    ['empty', '   ', 1000, 2, [], false],
    [
      'ellipsis past maxLines',
      'one two three four five six seven eight',
      textWidth('one two three', BOLD),
      2,
      ['one two three', 'four five six…'],
      true,
    ],
  ])('%s', (_name, text, maxWidth, maxLines, lines, truncated) => {
    const result = wrapText(text, maxWidth, BOLD, maxLines);
    expect(result.lines).toEqual(lines);
    expect(result.truncated).toBe(truncated);
    for (const line of result.lines) expect(textWidth(line, BOLD)).toBeLessThanOrEqual(maxWidth);
  });

  test('reports a broken word', () => {
    expect(wrapText('HorizontalPodAutoscaler rules', 500, BOLD).broken).toBe(true);
  });
});

describe('fitTitle', () => {
  test.each<[string, number, number, number]>([
    ['StatefulSet', 744, 92, 1],
    ['Kubernetes workloads, compared', 1024, 76, 2],
    ['Kubernetes workloads, compared', 744, 64, 3],
    ['Which workload resource should run your app, and why does it matter?', 1024, 64, 3],
  ])('%j in %d px: %d px, %d lines', (title, maxWidth, size, lineCount) => {
    const fitted = fitTitle(title, maxWidth);
    expect(fitted.size).toBe(size);
    expect(fitted.lines).toHaveLength(lineCount);
    for (const line of fitted.lines)
      expect(textWidth(line, { size: fitted.size, weight: 'bold' })).toBeLessThanOrEqual(maxWidth);
  });

  test('prefers a smaller size to breaking a word', () => {
    // At 92 px and 76 px the word is wider than 900 px; at 64 px it fits.
    expect(fitTitle('PodDisruptionBudgets', 900)).toEqual({ size: 64, lines: ['PodDisruptionBudgets'] });
  });
});

describe('ogSvg', () => {
  const base: OgCard = {
    title: 'StatefulSet',
    description: 'Runs Pods that each keep a stable name, a stable network identity and their own persistent volume.',
    siteName: 'Kubernetes workloads, compared',
    kubernetesVersion: '1.36',
    eyebrow: 'Workload resource · apps/v1',
  };
  const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

  test.each<[string, OgCard, string[], string[]]>([
    [
      'a workload page',
      { ...base, workload: 'statefulset' },
      [
        'StatefulSet',
        'Kubernetes workloads, compared',
        'Reviewed against Kubernetes v1.36',
        'Workload resource · apps/v1',
        MARK_PATHS.statefulset,
      ],
      [],
    ],
    [
      'a page without a workload draws all seven marks',
      { ...base, title: 'Compare' },
      ['Compare', MARK_PATHS.pod, MARK_PATHS.job],
      [],
    ],
    [
      'the home page leaves the site name out of the header',
      { ...base, title: base.siteName },
      [],
      ['>Kubernetes workloads, compared</text><text'],
    ],
    ['escapes text', { ...base, title: 'Pods & <Jobs>' }, ['Pods &amp; &lt;Jobs&gt;'], ['<Jobs>']],
  ])('%s', (_name, card, present, absent) => {
    const svg = ogSvg(card);
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}"`)).toBe(
      true,
    );
    for (const fragment of present) expect(svg).toContain(fragment);
    for (const fragment of absent) expect(svg).not.toContain(fragment);
  });

  test('the subtitle is one line that fits the image', () => {
    const svg = ogSvg({ ...base, workload: 'statefulset' });
    const subtitle = texts(svg).find((t) => t?.startsWith('Runs Pods'));
    expect(subtitle).toBeDefined();
    expect(textWidth(subtitle ?? '', { size: 32, weight: 'regular' })).toBeLessThanOrEqual(OG_WIDTH - 96 - 80);
  });

  test('every text element sits inside the image', () => {
    const svg = ogSvg({
      ...base,
      title: 'A very long page title that goes on and on about workload resources and more',
    });
    for (const [, y] of svg.matchAll(/<text x="\d+" y="(\d+)"/g)) {
      expect(Number(y)).toBeGreaterThan(0);
      expect(Number(y)).toBeLessThan(OG_HEIGHT);
    }
  });
});
