// Writes deploy/security-headers.conf, the nginx snippet of the site's security headers, from
// src/lib/output/security-headers.ts. Run it (`npm run headers`) after changing that module or the
// inline theme script; tests/unit/output/security-headers.test.ts fails while the two disagree.
import { writeFile } from 'node:fs/promises';
import { renderNginxSnippet, securityHeaders } from '../src/lib/output/security-headers.ts';

const target = new URL('../deploy/security-headers.conf', import.meta.url);
await writeFile(target, renderNginxSnippet(securityHeaders()));
console.log(`wrote ${target.pathname}`);
