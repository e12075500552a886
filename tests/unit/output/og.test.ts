import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  escapeXml,
  fitTitle,
  ogImagePath,
  ogLayout,
  ogSlug,
  ogBackgrounds,
  ogDrawing,
  OG_HEIGHT,
  OG_WIDTH,
  type OgBox,
  type OgLayout,
  type OgSite,
  type OgSpec,
} from '../../../src/lib/output/og';
import { publicPages, type PagesContent } from '../../../src/data/pages';
import { inkBox, textPath, textWidth } from '../../../src/lib/design/text';
import { MARK_PATHS } from '../../../src/lib/design/marks';
import { siteColour } from '../../../src/lib/design/tokens';
import type { WorkloadId } from '../../../src/lib/content/model';

describe('ogSlug and ogImagePath', () => {
  it.each([
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
  it.each([
    ['plain', 'plain'],
    ['A & B', 'A &amp; B'],
    ['<script>', '&lt;script&gt;'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &apos;single&apos;'],
    ['&amp;', '&amp;amp;'],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe('fitTitle', () => {
  it.each<[string, number, number, number]>([
    ['StatefulSet', 744, 92, 1],
    ['Kubernetes workloads, compared', 1024, 76, 2],
    ['Kubernetes workloads, compared', 744, 64, 3],
    ['Which workload resource should run your app, and why does it matter?', 1024, 64, 3],
  ])('%j in %d px: %d px, %d lines', (title, maxWidth, size, lineCount) => {
    const fitted = fitTitle(title, maxWidth);
    expect(fitted.size).toBe(size);
    expect(fitted.lines).toHaveLength(lineCount);
    for (const line of fitted.lines) expect(textWidth(line, { size, weight: 'bold' })).toBeLessThanOrEqual(maxWidth);
  });

  it('prefers a smaller size to breaking a word', () => {
    // At 92 px and 76 px the word is wider than 900 px; at 64 px it fits.
    expect(fitTitle('PodDisruptionBudgets', 900)).toEqual({ size: 64, lines: ['PodDisruptionBudgets'] });
  });
});

/** The site and its public pages with the text as written in src/content. */
function realPages(): { site: OgSite; pages: ReturnType<typeof publicPages> } {
  const [site] = parse(readFileSync('src/content/site.yaml', 'utf8')) as {
    name: string;
    tagline: string;
    kubernetesVersion: string;
  }[];
  const workloads = readdirSync('src/content/workloads').map((file) => ({
    id: file.replace(/\.mdx$/, '') as WorkloadId,
    data: parse(
      readFileSync(`src/content/workloads/${file}`, 'utf8').split(/^---$/m)[1]!,
    ) as PagesContent['workloads'][number]['data'],
  }));
  return {
    site: { name: site!.name, kubernetesVersion: site!.kubernetesVersion },
    pages: publicPages({ site: site!, workloads }),
  };
}

const inside = (inner: OgBox, outer: OgBox): boolean =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01;
const overlap = (a: OgBox, b: OgBox): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
// Link previews crop and round the image's edges: everything stays 64 px from the sides, 24 px from top and bottom.
const SAFE: OgBox = { x: 64, y: 24, width: OG_WIDTH - 128, height: OG_HEIGHT - 48 };

/**
 * What every image must hold to: each part inside the image's safe area and apart from every other part; each
 * line measured no wider than its box, and its ink (the glyph outlines, from the font) inside it,
 * clear of the other lines; each mark inside its box; and the SVG drawing every line where the
 * layout put it.
 */
function expectSound(layout: OgLayout): void {
  const { parts } = layout;
  for (const part of parts) expect(inside(part.box, SAFE), `${part.role} inside the safe area`).toBe(true);
  parts.forEach((a, i) =>
    parts.slice(i + 1).forEach((b) => expect(overlap(a.box, b.box), `${a.role} overlaps ${b.role}`).toBe(false)),
  );
  const { background, foreground } = ogDrawing(layout);
  const svg = background + foreground;
  for (const part of parts) {
    if (part.kind === 'text' || part.kind === 'pill') {
      const inks = part.lines.map((line) => {
        expect(line.width).toBeCloseTo(textWidth(line.text, part.style));
        expect(line.x + line.width, `"${line.text}" fits its ${part.role} box`).toBeLessThanOrEqual(
          part.box.x + part.box.width + 0.01,
        );
        const ink = inkBox(line.text, part.style);
        const box = {
          x: line.x + ink.left,
          y: line.baseline + ink.top,
          width: ink.right - ink.left,
          height: ink.bottom - ink.top,
        };
        expect(inside(box, part.box), `the ink of "${line.text}" inside its ${part.role} box`).toBe(true);
        // Drawn where it was laid out: the outlines of its glyphs, one path for the line.
        expect(svg).toContain(
          `<path aria-label="${escapeXml(line.text)}" fill="${part.fill}" transform="scale(0.01)" ` +
            `d="${textPath(line.text, part.style, line.x, line.baseline)}"/>`,
        );
        return box;
      });
      inks.forEach((a, i) => inks.slice(i + 1).forEach((b) => expect(overlap(a, b), part.role).toBe(false)));
    }
    if (part.kind === 'marks')
      for (const mark of part.marks) {
        expect(inside({ ...mark, width: mark.size, height: mark.size }, part.box), part.role).toBe(true);
        expect(svg).toContain(MARK_PATHS[mark.workload]);
      }
  }
}

const textOf = (layout: OgLayout, role: string): string[] =>
  layout.parts.flatMap((part) => (part.role === role && 'lines' in part ? part.lines.map((line) => line.text) : []));

describe('the social image of every public page, with its real text', () => {
  const { site, pages } = realPages();

  it('covers the home page, the four fixed pages and the seven workloads', () => {
    expect(pages).toHaveLength(12);
  });

  describe.each(pages)('$path', (page) => {
    const spec: OgSpec = {
      title: page.title,
      description: page.description,
      eyebrow: page.eyebrow,
      workload: page.workload,
    };
    const layout = ogLayout(spec, site);

    it('keeps every line inside its box and nothing overlapping', () => expectSound(layout));

    it('shows the whole title and eyebrow, and the description in at most two lines', () => {
      expect(textOf(layout, 'title').join(' ')).toBe(page.title);
      expect(textOf(layout, 'eyebrow')).toEqual([page.eyebrow]);
      const description = textOf(layout, 'description');
      expect(description.length).toBeGreaterThanOrEqual(1);
      expect(description.length).toBeLessThanOrEqual(2);
      const shown = description.join(' ');
      // Whole, or cut after the second line: at a sentence's end or with an ellipsis.
      if (shown !== page.description) {
        expect(description).toHaveLength(2);
        expect(page.description.startsWith(shown.replace(/…$/, '').replace(/[.!?]$/, ''))).toBe(true);
      }
    });
  });

  it('says what the compare page is', () => {
    const compare = pages.find((p) => p.path === '/compare/')!;
    expect(compare.title).toBe('Compare all seven workload resources');
    const layout = ogLayout(compare, site);
    expect(textOf(layout, 'title').join(' ')).toBe('Compare all seven workload resources');
  });

  it('wraps a long description to two lines instead of cutting it after one', () => {
    const statefulset = pages.find((p) => p.workload === 'statefulset')!;
    expect(textOf(ogLayout(statefulset, site), 'description')).toHaveLength(2);
  });
});

describe('social images of long and awkward text', () => {
  const site: OgSite = { name: 'Kubernetes workloads, compared', kubernetesVersion: '1.37' };
  const long =
    'A description that goes on for much longer than two lines of the image could ever hold, naming ' +
    'Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob and the bare Pod, and then some more.';
  it.each<[string, OgSpec]>([
    [
      'a short workload page',
      {
        title: 'Job',
        description: 'Runs Pods to completion.',
        eyebrow: 'Workload resource · batch/v1',
        workload: 'job',
      },
    ],
    [
      'a title longer than three lines',
      {
        title:
          'A very long page title that goes on and on about workload resources and more than three lines would hold',
        description: long,
        eyebrow: 'An eyebrow that is itself far too long to fit on its one line beside the mark of a workload',
        workload: 'statefulset',
      },
    ],
    [
      'a word wider than the image',
      { title: 'PodDisruptionBudgetsAndHorizontalPodAutoscalersEverywhere', description: long },
    ],
    [
      'accents and descenders',
      { title: 'Égalité, jauge, typographie', description: 'Ça débute à l’échelle: “quotes” — dashes.' },
    ],
    ['no eyebrow, home page title', { title: site.name, description: long }],
    ['a very long description word', { title: 'Pod', description: 'x'.repeat(300), workload: 'pod' }],
    ['no description', { title: 'Pod', description: ' ', workload: 'pod' }],
  ])('%s', (_name, spec) => {
    const layout = ogLayout(spec, site);
    expectSound(layout);
    expect(textOf(layout, 'description').length).toBeLessThanOrEqual(2);
    expect(textOf(layout, 'title').length).toBeLessThanOrEqual(3);
  });
});

describe('ogDrawing', () => {
  const site: OgSite = { name: 'Kubernetes workloads, compared', kubernetesVersion: '1.36' };
  const base: OgSpec = {
    title: 'StatefulSet',
    description: 'Runs Pods that each keep a stable name, a stable network identity and their own persistent volume.',
    eyebrow: 'Workload resource · apps/v1',
  };

  it.each<[string, OgSpec, string[], string[]]>([
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
      { ...base, title: site.name },
      [],
      ['aria-label="Kubernetes workloads, compared"'],
    ],
    ['escapes text', { ...base, title: 'Pods & <Jobs>' }, ['aria-label="Pods &amp; &lt;Jobs&gt;"'], ['<Jobs>']],
  ])('%s', (_name, spec, present, absent) => {
    const { background, foreground, box } = ogDrawing(ogLayout(spec, site));
    expect(
      background.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}"`),
    ).toBe(true);
    expect(foreground).toMatch(
      new RegExp(
        `^<svg [^>]*width="${box.width}" height="${box.height}" viewBox="${box.x} ${box.y} ${box.width} ${box.height}"`,
      ),
    );
    const svg = background + foreground;
    const labels = (svg.match(/aria-label="[^"]*"/g) ?? []).join(' ');
    for (const fragment of present) expect(`${labels} ${svg}`).toContain(fragment);
    for (const fragment of absent) expect(svg).not.toContain(fragment);
  });

  it('draws text as outlines, so the renderer needs no font', () => {
    const { background, foreground } = ogDrawing(ogLayout({ ...base, workload: 'job' }, site));
    for (const svg of [background, foreground]) {
      expect(svg).not.toContain('<text');
      expect(svg).not.toContain('font-family');
    }
  });

  it('puts what every image of a tint shares in the background, one of the site’s backdrops', () => {
    const job = ogDrawing(ogLayout({ ...base, workload: 'job' }, site));
    const other = ogDrawing(
      ogLayout({ ...base, title: 'Job › Retries', description: 'Other words.', workload: 'job' }, site),
    );
    expect(other.background).toBe(job.background);
    expect(other.foreground).not.toBe(job.foreground);
    expect(ogBackgrounds(site)).toContain(job.background);
    expect(ogBackgrounds(site)).toContain(ogDrawing(ogLayout({ ...base, title: 'Compare' }, site)).background);
    expect(ogDrawing(ogLayout({ ...base, workload: 'pod' }, site)).background).not.toBe(job.background);
    // Header and footer stand in the same place on every image: they are the backdrop's.
    expect(job.background).toContain('aria-label="Reviewed against Kubernetes v1.36"');
    expect(job.foreground).not.toContain('aria-label="Kubernetes workloads, compared"');
    // The foreground lies on a transparent ground: no full-frame fill of its own.
    expect(job.foreground).not.toMatch(/<rect width="1200" height="630"/);
  });

  it.each<[string, OgSpec]>([
    ['a workload page', { ...base, workload: 'statefulset' }],
    ['a long title and no mark', { ...base, title: 'Pod disruption budgets and voluntary disruptions of every kind' }],
  ])('draws the foreground over a box inside the image that holds all its parts (%s)', (_name, spec) => {
    const layout = ogLayout(spec, site);
    const { box } = ogDrawing(layout);
    expect(Object.values(box).every(Number.isInteger)).toBe(true);
    expect(inside(box, { x: 0, y: 0, width: OG_WIDTH, height: OG_HEIGHT })).toBe(true);
    for (const part of layout.parts.filter((p) => ['eyebrow', 'title', 'description', 'mark'].includes(p.role)))
      expect(inside(part.box, box), `${part.role} inside the foreground's box`).toBe(true);
    // The point of the box: well under the image's area to draw and lay over.
    expect(box.width * box.height).toBeLessThan(0.6 * OG_WIDTH * OG_HEIGHT);
  });

  it('paints with the dark scheme’s tokens from the stylesheet, the workload’s colour as the accent', () => {
    const { background, foreground } = ogDrawing(ogLayout({ ...base, workload: 'job' }, site));
    expect(background).toContain(`stop-color="${siteColour('bg', 'dark')}"`);
    expect(foreground).toContain(`fill="${siteColour('ink', 'dark')}"`);
    expect(background).toContain(`fill="${siteColour('job', 'dark')}"`);
    expect(`${background}${foreground}`).not.toContain(siteColour('bg', 'light'));
  });
});
