// The build's page renderer with every HTML page also handed to the image workers
// (src/integrations/post-build.ts, `tapPages`): Astro must get the very same response.
import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { tapPages } from '../../../src/integrations/post-build';

const astro = (responses: Record<string, Response>): AstroPrerenderer => ({
  name: 'test',
  getStaticPaths: async () => [],
  render: async (request) => responses[new URL(request.url).pathname] ?? new Response(null, { status: 404 }),
});
const html = (body: string) => new Response(body, { headers: { 'content-type': 'text/html' } });

describe('tapPages', () => {
  it.each<[string, string, string, string | undefined]>([
    ['a page at the root', '/', '/', 'index.html'],
    ['a page in a folder', '/', '/workloads/job/', 'workloads/job/index.html'],
    ['a page under the base path', '/k8s-workloads/', '/k8s-workloads/compare/', 'compare/index.html'],
    ['a path outside the base', '/k8s-workloads/', '/elsewhere/', undefined],
  ])('hands over %s with its output file, and Astro still reads the whole page', async (_name, base, path, file) => {
    const seen: { file: string; html: string }[] = [];
    const body = `<!DOCTYPE html><p>${'words '.repeat(20000)}</p>`;
    const tapped = tapPages(astro({ [path]: html(body) }), base, (page) => seen.push(page));
    const result = await tapped.render(new Request(`https://example.org${path}`), {
      routeData: {} as never,
      collectMetadata: false,
    });
    const response = result instanceof Response ? result : result.response;
    expect(await response.text()).toBe(body);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(file ? [{ file, html: body }] : []);
  });

  it.each<[string, Response]>([
    ['a redirect', new Response(null, { status: 301, headers: { location: '/x/' } })],
    ['a file that is not HTML', new Response('User-agent: *', { headers: { 'content-type': 'text/plain' } })],
  ])('hands over no page for %s', async (_name, response) => {
    const seen: unknown[] = [];
    const tapped = tapPages(astro({ '/robots.txt': response }), '/', (page) => seen.push(page));
    await tapped.render(new Request('https://example.org/robots.txt'), {
      routeData: {} as never,
      collectMetadata: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual([]);
  });
});
