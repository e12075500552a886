/**
 * robots.txt: everything may be crawled, the share pages of linkable places (/s/, noindex) named
 * outright, since link unfurlers that honour robots.txt must reach them; the sitemap is named by
 * its absolute URL. Crawlers
 * only read /robots.txt at the host's root, so under a base path this file is a template for
 * the host's own.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl, withBase } from '../lib/links/urls';

export const GET: APIRoute = ({ site }) => {
  if (!site)
    throw new Error('robots.txt: set `site` in astro.config.mjs (SITE_URL); the sitemap line needs an absolute URL');
  const body = [
    'User-agent: *',
    'Allow: /',
    `Allow: ${withBase(import.meta.env.BASE_URL, '/s/')}`,
    '',
    `Sitemap: ${absoluteUrl(site, import.meta.env.BASE_URL, '/sitemap.xml')}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
