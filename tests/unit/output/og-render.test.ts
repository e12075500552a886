import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { parsePage } from '../../../src/lib/output/built-pages';
import {
  likelyImages,
  ogImagesMoved,
  ogPrefetchSettled,
  prefetchOgPage,
  renderOgImages,
  stopOgWorkers,
  warmUpOgWorkers,
} from '../../../src/lib/output/og-pool';
import { OG_RENDERER } from '../../../src/lib/output/og-cache';
import { ogImageSource, renderOgImage, type OgRenderer } from '../../../src/lib/output/og-render';
import { OG_HEIGHT, OG_WIDTH, type OgSite, type OgSpec } from '../../../src/lib/output/og';
import { pageImageRequests } from '../../../src/lib/output/share-previews';

const site: OgSite = { name: 'Kubernetes workloads, compared', kubernetesVersion: '1.37' };
const spec: OgSpec = {
  title: 'StatefulSet',
  description: 'Pods with a sticky identity (ordinal, DNS name, own volume claims) that survives rescheduling.',
  eyebrow: 'Workload resource · apps/v1',
  workload: 'statefulset',
};

/** Width and height from a PNG's header chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(String.fromCharCode(...png.slice(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('renderOgImage', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'og-cache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('renders a 1200×630 PNG once, then serves the same bytes from the cache', async () => {
    const first = await renderOgImage(spec, site, cache);
    expect(first.cached).toBe(false);
    expect(pngSize(first.png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    const again = await renderOgImage({ ...spec }, { ...site }, cache);
    expect(again.cached).toBe(true);
    expect(Buffer.from(again.png).equals(Buffer.from(first.png))).toBe(true);
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it.each<[string, OgSpec, OgSite]>([
    ['another description', { ...spec, description: 'Something else entirely.' }, site],
    ['no workload mark', { ...spec, workload: undefined }, site],
    ['another reviewed version', spec, { ...site, kubernetesVersion: '1.38' }],
  ])('renders anew for %s', async (_name, changed, changedSite) => {
    const before = await renderOgImage(spec, site, cache);
    const after = await renderOgImage(changed, changedSite, cache);
    expect(after.cached).toBe(false);
    expect(Buffer.from(after.png).equals(Buffer.from(before.png))).toBe(false);
    expect((await renderOgImage(changed, changedSite, cache)).cached).toBe(true);
  });

  it('draws the same pixels as the backdrop and the foreground drawn as one picture', async () => {
    // The image is a backdrop, drawn once, with the foreground laid over its box: the result must
    // be the picture resvg draws of both at once, give or take the rounding of one blend.
    const { png } = await renderOgImage(spec, site, cache);
    const { background, foreground, box } = ogImageSource(spec, site, cache);
    // The foreground, an SVG of its box, nested in the backdrop where it goes.
    const whole = background.replace(
      '</svg>',
      `${foreground.replace('<svg ', `<svg x="${box.x}" y="${box.y}" `)}</svg>`,
    );
    const expected = new Resvg(whole).render().asPng();
    const [ours, theirs] = await Promise.all(
      [png, expected].map((bytes) => sharp(bytes).removeAlpha().raw().toBuffer()),
    );
    expect(ours?.length).toBe(OG_WIDTH * OG_HEIGHT * 3);
    let worst = 0;
    ours?.forEach((value, i) => (worst = Math.max(worst, Math.abs(value - (theirs?.[i] ?? 0)))));
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('leaves no partly written file behind', () => {
    expect(readdirSync(cache).every((file) => /^[0-9a-f]{40}\.png$/.test(file))).toBe(true);
  });
});

describe('renderOgImages: a batch over worker processes', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'og-pool-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const request = (n: number) => ({ spec: { ...spec, title: `StatefulSet › Place ${n}` }, site });

  it.each<[string, number, number]>([
    // Up to 12 new images are rendered on the calling thread; more start the workers.
    ['a few, on the calling thread', 3, 2],
    ['many, over two workers', 15, 2],
  ])('renders %s, once per drawing, and takes them from the cache next time', async (_name, count, threads) => {
    const offset = count * 100;
    // Every image twice: requests that draw the same image share one render and one file.
    const requests = Array.from({ length: count }, (_, n) => request(offset + n)).flatMap((r) => [r, { ...r }]);
    const batch = renderOgImages(requests, cache, threads);
    expect(batch.images).toHaveLength(requests.length);
    expect(batch.images.every((image) => !image.cached)).toBe(true);
    expect(new Set(batch.images.map((image) => image.file)).size).toBe(count);
    await batch.done;
    for (const image of batch.images)
      expect(pngSize(readFileSync(image.file))).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });

    const again = renderOgImages(requests, cache, threads);
    expect(again.images.map((image) => image.file)).toEqual(batch.images.map((image) => image.file));
    expect(again.images.every((image) => image.cached)).toBe(true);
    await again.done;
  });

  it('rejects, naming the image, when one cannot be rendered', async () => {
    const requests = Array.from({ length: 14 }, (_, n) => request(9000 + n));
    // A cache folder that is a file: no image can be written into it.
    const blocked = path.join(cache, 'not-a-folder');
    writeFileSync(blocked, '');
    const batch = renderOgImages(requests, blocked, 2);
    await expect(batch.done).rejects.toThrow(/social image .*not-a-folder/);
  });
});

describe('prefetchOgPage: a page’s images, laid out and rendered by warm workers as Astro renders it', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'og-prefetch-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const file = 'workloads/statefulset/index.html';
  const html = (headings: string[]) =>
    '<!DOCTYPE html><html lang="en"><head><meta name="description" content="Pods with an identity.">' +
    '<meta property="og:site_name" content="Kubernetes workloads, compared"></head><body>' +
    `<main id="main" data-title="StatefulSet"><h1>StatefulSet</h1>${headings
      .map((h, i) => `<h2 id="place-${i}">${h}</h2><p>What ${h} says.</p>`)
      .join('')}</main></body></html>`;
  const requestsOf = (page: string) => pageImageRequests(parsePage(file, page), site.kubernetesVersion);

  it('hands a batch of the same requests the images as they are, and lays out only the others', async () => {
    const page = html(['Storage', 'Scaling', 'Updates']);
    warmUpOgWorkers(site, 2);
    try {
      prefetchOgPage({ file, html: page }, site.kubernetesVersion, cache);
      await ogPrefetchSettled();
      const requests = requestsOf(page);
      expect(requests).toHaveLength(3);
      const other = { spec: { ...spec, title: 'Seen by no worker' }, site };
      const batch = renderOgImages([...requests, other], cache);
      expect(batch.images.map((image) => image.prefetched)).toEqual([true, true, true, false]);
      // The same files the pass would have laid out itself.
      expect(batch.images.map((image) => image.file)).toEqual(
        [...requests, other].map((request) => ogImageSource(request.spec, request.site, cache).file),
      );
      await batch.done;
      for (const image of batch.images)
        expect(pngSize(readFileSync(image.file))).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    } finally {
      stopOgWorkers();
    }
  });

  it('moves half of a busy worker’s queue to a worker with nothing to do', async () => {
    const many = html(Array.from({ length: 16 }, (_, i) => `Moved place ${i}`));
    warmUpOgWorkers(site, 2);
    try {
      // The first worker gets the big page, the second one without places, and nothing to render.
      prefetchOgPage({ file, html: many }, site.kubernetesVersion, cache);
      prefetchOgPage({ file: 'elsewhere/index.html', html: html([]) }, site.kubernetesVersion, cache);
      await ogPrefetchSettled();
      const batch = renderOgImages(requestsOf(many), cache);
      await batch.done;
      expect(ogImagesMoved()).toBeGreaterThan(0);
      for (const image of batch.images)
        expect(pngSize(readFileSync(image.file))).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    } finally {
      stopOgWorkers();
    }
    expect(ogImagesMoved()).toBe(0);
  });

  it('fails the batch that takes a prefetched image the worker could not render, naming it', async () => {
    const blocked = path.join(cache, 'not-a-folder');
    writeFileSync(blocked, '');
    const page = html(['Blocked']);
    warmUpOgWorkers(site, 1);
    try {
      prefetchOgPage({ file, html: page }, site.kubernetesVersion, blocked);
      await ogPrefetchSettled();
      const batch = renderOgImages(requestsOf(page), blocked);
      expect(batch.images.map((image) => image.prefetched)).toEqual([true]);
      await expect(batch.done).rejects.toThrow(/social image .*not-a-folder/);
    } finally {
      stopOgWorkers();
    }
  });
});

describe('likelyImages: how many images a page is likely to need, to share pages out evenly', () => {
  const link = (label: string) => `<a href="#x" aria-label="Permalink: ${label}">#</a>`;
  it.each<[string, string, number]>([
    ['a page without places counts as one', '<main><p>Text</p></main>', 1],
    ['one per permalink', `<main>${link('A')}${link('B')}${link('C')}</main>`, 3],
    ['other labels do not count', `<main>${link('A')}<a aria-label="Copy link">c</a></main>`, 1],
  ])('%s', (_name, html, count) => expect(likelyImages(html)).toBe(count));
});

describe('renderOgImage during a build: the workers draw it', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'og-route-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('hands the drawing to the warm workers and reads back the same image it would draw itself', async () => {
    const routeSpec = { ...spec, title: 'Drawn by a worker' };
    warmUpOgWorkers(site, 1);
    const shared = globalThis as { [OG_RENDERER]?: OgRenderer };
    const workers = shared[OG_RENDERER];
    expect(workers).toBeTypeOf('function');
    const handed: string[] = [];
    shared[OG_RENDERER] = (source) => {
      handed.push(source.file);
      return (workers as OgRenderer)(source);
    };
    let drawn: Awaited<ReturnType<typeof renderOgImage>>;
    try {
      drawn = await renderOgImage(routeSpec, site, cache);
    } finally {
      stopOgWorkers();
    }
    expect(handed).toEqual([ogImageSource(routeSpec, site, cache).file]);
    expect(shared[OG_RENDERER]).toBeUndefined();
    expect(drawn.cached).toBe(false);
    expect(pngSize(drawn.png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    // With no workers it is drawn here, to the same bytes.
    const here = mkdtempSync(path.join(tmpdir(), 'og-route-here-'));
    try {
      const inline = await renderOgImage(routeSpec, site, here);
      expect(inline.cached).toBe(false);
      expect(Buffer.from(inline.png).equals(Buffer.from(drawn.png))).toBe(true);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  });
});
