/**
 * Post-build job: writes `_headers` (Netlify, Cloudflare Pages) with the security headers of
 * security-headers.ts and the caching rules, for every page of the build, added pages included.
 */
import { pageAddresses, withBase } from '../links/urls.ts';
import { CACHE_CONTROL, renderHeadersFile, securityHeaders, type HeaderRule } from './security-headers.ts';
import type { PostBuildJob } from './post-build.ts';

/**
 * The `_headers` rules for a build: security headers everywhere, immutable caching for the
 * content-hashed assets, and `no-cache` for every HTML page by each address it answers to.
 * No two rules set the same header for one path: Cloudflare joins such values with a comma.
 * Other files keep the host's default, which already revalidates.
 */
export function headerRules(base: string, htmlFiles: readonly string[]): HeaderRule[] {
  const revalidate = [{ name: 'Cache-Control', value: CACHE_CONTROL.revalidate }];
  const addresses = [...new Set(htmlFiles.flatMap(pageAddresses))].sort();
  return [
    { path: withBase(base, '/*'), headers: securityHeaders() },
    { path: withBase(base, '/_astro/*'), headers: [{ name: 'Cache-Control', value: CACHE_CONTROL.immutable }] },
    ...addresses.map((path) => ({ path: withBase(base, path), headers: revalidate })),
  ];
}

/** The job: writes `_headers` for every page of the build. */
export const headersFile: PostBuildJob = {
  name: 'headers',
  run(context) {
    context.write(
      '_headers',
      renderHeadersFile(
        headerRules(
          context.base,
          context.pages.map((page) => page.file),
        ),
      ),
    );
    context.info(`_headers written for ${context.pages.length} pages`);
  },
};
