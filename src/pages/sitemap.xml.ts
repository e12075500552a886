/** The sitemap: every public page, as absolute URLs on the configured site and base path. */
import type { APIRoute } from 'astro';
import { publicPages } from '../data/pages';
import { getSiteContent } from '../data/site';
import { escapeXml } from '../lib/output/og';
import { absoluteUrl } from '../lib/links/urls';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('sitemap.xml: set `site` in astro.config.mjs (SITE_URL); a sitemap needs absolute URLs');
  const urls = publicPages(await getSiteContent()).map(
    (page) => `  <url><loc>${escapeXml(absoluteUrl(site, import.meta.env.BASE_URL, page.path))}</loc></url>`,
  );
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
