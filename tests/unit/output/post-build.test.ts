// The post-build pass and its jobs, run on small in-memory sites: no Astro build needed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'hast';
import { select } from 'hast-util-select';
import { describe, expect, it, test } from 'vitest';
import { parsePage, pageHtml } from '../../../src/lib/output/built-pages';
import { cspCheck } from '../../../src/lib/output/csp-check';
import { headersFile } from '../../../src/lib/output/headers-file';
import { idCheck } from '../../../src/lib/output/id-check';
import { markdownTwins } from '../../../src/lib/output/markdown-twin';
import { pageCss } from '../../../src/lib/output/page-css';
import { pageListCheck } from '../../../src/lib/output/page-list-check';
import { runPass, type OutputFolder, type PostBuildJob } from '../../../src/lib/output/post-build';

const facts = { site: new URL('https://example.org'), base: '/', kubernetesVersion: '1.37' };
const text = (content: string | Uint8Array | undefined) =>
  typeof content === 'string' ? content : new TextDecoder().decode(content);

/** An output folder held in memory. */
function folder(files: Record<string, string>): OutputFolder {
  return {
    read: async (file) => (file in files ? new TextEncoder().encode(files[file]) : null),
    list: async () => Object.keys(files).sort(),
  };
}

/** A built page with `main` as its content. */
const html = (main: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><title>T</title>${head}</head><body><main id="main" data-title="T">` +
  `${main}</main></body></html>`;

describe('runPass', () => {
  const pages = () => [parsePage('index.html', html('<h1>Home</h1>')), parsePage('a/index.html', html('<h1>A</h1>'))];

  it('runs the jobs in order, each over every page, and seeds later jobs with earlier output', async () => {
    const seen: string[] = [];
    const jobs: PostBuildJob[] = [
      { name: 'first', run: (c) => void (seen.push(`first:${c.pages.length}`), c.write('x.txt', 'from first')) },
      { name: 'second', run: async (c) => void seen.push(`second:${await c.readText('x.txt')}`) },
    ];
    const result = await runPass(jobs, facts, pages(), folder({}));
    expect(seen).toEqual(['first:2', 'second:from first']);
    expect(result.problems).toEqual([]);
    expect(text(result.writes.get('x.txt'))).toBe('from first');
  });

  it('copies a file from disk into the output: later jobs read and list it, and a write replaces it', async () => {
    const from = join(mkdtempSync(join(tmpdir(), 'pass-')), 'image.png');
    writeFileSync(from, 'PNG bytes');
    const seen: (string | null)[] = [];
    const jobs: PostBuildJob[] = [
      { name: 'images', run: (c) => c.copy('og/a.png', from) },
      {
        name: 'reader',
        run: async (c) => void seen.push(await c.readText('og/a.png'), String((await c.list()).includes('og/a.png'))),
      },
    ];
    const result = await runPass(jobs, facts, pages(), folder({}));
    expect(seen).toEqual(['PNG bytes', 'true']);
    expect(result.copies.get('og/a.png')).toBe(from);
    expect(result.writes.has('og/a.png')).toBe(false);

    const replaced = await runPass(
      [...jobs.slice(0, 1), { name: 'over', run: (c) => c.write('og/a.png', 'new') }],
      facts,
      pages(),
      folder({}),
    );
    expect(replaced.copies.has('og/a.png')).toBe(false);
    expect(text(replaced.writes.get('og/a.png'))).toBe('new');
  });

  it('gives later jobs the pages an earlier job added, and writes them', async () => {
    const jobs: PostBuildJob[] = [
      { name: 'copy', run: (c) => void c.addPage('v1.36/index.html', html('<h1>Old home</h1>')) },
      idCheck,
      headersFile,
    ];
    const result = await runPass(jobs, facts, pages(), folder({}));
    expect(result.pages.map((page) => page.path)).toEqual(['/a/', '/', '/v1.36/']);
    expect(text(result.writes.get('v1.36/index.html'))).toContain('Old home');
    expect(text(result.writes.get('_headers'))).toContain('\n/v1.36/\n');
  });

  it('takes an added page as the tree its job built, with the HTML it wrote', async () => {
    const tree = parsePage('x.html', html('<h1>Built as a tree</h1>')).tree;
    let seen: Root | undefined;
    const jobs: PostBuildJob[] = [
      { name: 'add', run: (c) => void c.addPage('tree/index.html', tree) },
      { name: 'read', run: (c) => void (seen = c.pages.find((page) => page.path === '/tree/')?.tree) },
    ];
    const result = await runPass(jobs, facts, pages(), folder({}));
    expect(seen).toBe(tree);
    expect(text(result.writes.get('tree/index.html'))).toContain('<h1>Built as a tree</h1>');
  });

  it('rewrites a page whose tree a job changed, and only that page', async () => {
    const banner: PostBuildJob = {
      name: 'banner',
      run(c) {
        const page = c.pages.find((p) => p.path === '/a/');
        const main = page && select('main', page.tree);
        if (!page || !main) return;
        main.children.unshift({
          type: 'element',
          tagName: 'p',
          properties: { className: ['banner'] },
          children: [{ type: 'text', value: 'Old edition' }],
        });
        page.changed = true;
      },
    };
    const result = await runPass([banner], facts, pages(), folder({}));
    expect([...result.writes.keys()]).toEqual(['a/index.html']);
    expect(text(result.writes.get('a/index.html'))).toContain(
      '<main id="main" data-title="T"><p class="banner">Old edition</p><h1>A</h1>',
    );
  });

  it('stops at the first job that fails, naming it', async () => {
    const after: PostBuildJob = { name: 'after', run: (c) => c.write('late.txt', 'x') };
    const broken = [parsePage('index.html', html('<h2>No id</h2><p id="x"></p><p id="x"></p>'))];
    const result = await runPass([idCheck, after], facts, broken, folder({}));
    expect(result.problems).toEqual([
      'ids: /: id "x" is used more than once; every linkable id must be unique on its page',
      'ids: /: heading "No id" has no id; give it one in the content (<H2 id="...">)',
    ]);
    expect(result.writes.has('late.txt')).toBe(false);
  });

  it('lets later jobs run while work handed to `alongside` goes on, and ends only when it is done', async () => {
    const order: string[] = [];
    let finish = () => {};
    const work = new Promise<void>((resolve) => (finish = resolve)).then(() => void order.push('work done'));
    const jobs: PostBuildJob[] = [
      { name: 'images', run: (c) => c.alongside('rendering', work) },
      { name: 'checks', run: () => void (order.push('checks ran'), setTimeout(finish, 5)) },
    ];
    const result = await runPass(jobs, facts, pages(), folder({}));
    expect(order).toEqual(['checks ran', 'work done']);
    expect(result.problems).toEqual([]);
    expect(result.timings.at(-1)).toMatch(/^images rendering \d+ ms \(alongside\)$/);
  });

  it.each<[string, boolean]>([
    ['while the later jobs run', false],
    ['after a later job failed', true],
  ])('fails the pass when work alongside rejects %s, and still waits for it', async (_name, laterFails) => {
    let settled = false;
    const work = new Promise<void>((_resolve, reject) =>
      setTimeout(() => {
        settled = true;
        reject(new Error('social image a.png: out of memory'));
      }, 5),
    );
    const jobs: PostBuildJob[] = [
      { name: 'images', run: (c) => c.alongside('rendering', work) },
      { name: 'checks', run: (c) => (laterFails ? c.fail('a.html: broken') : undefined) },
    ];
    const result = await runPass(jobs, facts, pages(), folder({}));
    expect(settled).toBe(true);
    expect(result.problems).toContain('images: social image a.png: out of memory');
    if (laterFails) expect(result.problems).toContain('checks: a.html: broken');
  });

  it('fails on inline code the CSP would block', async () => {
    const page = parsePage('index.html', html('<p style="color:red">x</p>'));
    const result = await runPass([cspCheck], facts, [page], folder({}));
    expect(result.problems).toEqual(['csp: index.html: style attribute on <p>: use a class']);
  });

  it('lets a job see removals and writes in the folder listing', async () => {
    const listing: string[][] = [];
    const jobs: PostBuildJob[] = [
      { name: 'w', run: (c) => (c.write('b.txt', 'b'), c.remove('a.txt')) },
      { name: 'l', run: async (c) => void listing.push(await c.list()) },
    ];
    const result = await runPass(jobs, facts, [], folder({ 'a.txt': 'a', 'c.txt': 'c' }));
    expect(listing).toEqual([['b.txt', 'c.txt']]);
    expect([...result.removals]).toEqual(['a.txt']);
  });
});

describe('twins job', () => {
  it('writes a twin per public page with the site version, none for noindex pages', async () => {
    const pages = [
      parsePage('workloads/job/index.html', html('<h1>Job</h1><p>Runs to completion.</p>')),
      parsePage('404.html', html('<h1>Not found</h1>', '<meta name="robots" content="noindex">')),
    ];
    const result = await runPass([markdownTwins], { ...facts, base: '/k8s/' }, pages, folder({}));
    expect([...result.writes.keys()]).toEqual(['workloads/job.md']);
    expect(text(result.writes.get('workloads/job.md'))).toBe(
      '# Job\n\n> Source: https://example.org/k8s/workloads/job/ · Reviewed against Kubernetes v1.37\n\n' +
        'Runs to completion.\n',
    );
  });
});

describe('page-css job', () => {
  const css =
    ':root{--x:1;--y:2}.used{a:var(--x)}.unused{b:var(--y)}.scripted{c:3}.lazy{d:4}.js .only-js{e:5}' +
    '@media print{.unused{f:6}.used{g:7}}blockquote{h:8}';
  const files = {
    '_astro/site.css': css,
    '_astro/site.js': 'import"./chunk.js";',
    '_astro/chunk.js': 'el.classList.add("scripted")',
    'scripts/stepper.js': 'x.className="lazy"',
  };
  const head = '<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/site.js"></script>';
  const run = async (pages: string[]) =>
    runPass(
      [pageCss],
      facts,
      pages.map((main, i) => parsePage(`p${i}/index.html`, html(main, head))),
      folder(files),
    );

  it('keeps the rules of the markup, of loaded scripts, of lazy scripts it names and of the theme script', async () => {
    const result = await run(['<p class="used only-js" data-src="/scripts/stepper.js">x</p>']);
    const [page] = result.pages;
    const href = String(select('link[rel~=stylesheet]', page!.tree)?.properties.href);
    expect(href).toMatch(/^\/_astro\/site\.[\w-]{8}\.css$/);
    expect(text(result.writes.get(href.slice(1)))).toBe(
      ':root{--x:1}.used{a:var(--x)}.scripted{c:3}.lazy{d:4}.js .only-js{e:5}@media print{.used{g:7}}',
    );
    expect(pageHtml(page!)).toContain(`<link rel="stylesheet" href="${href}">`);
    expect([...result.removals]).toEqual(['_astro/site.css']);
  });

  it('leaves out the classes of a lazy script the page does not name', async () => {
    const result = await run(['<p class="used">x</p>']);
    const css = [...result.writes].find(([file]) => file.endsWith('.css'))?.[1];
    expect(text(css)).not.toContain('.lazy');
  });

  test.each([
    ['pages with the same classes share one file', ['<p class="used">a</p>', '<p class="used">b</p>'], 1],
    ['pages with different classes get their own', ['<p class="used">a</p>', '<p class="unused">b</p>'], 2],
  ])('%s', async (_name, mains, stylesheets) => {
    const result = await run(mains);
    expect([...result.writes.keys()].filter((file) => file.endsWith('.css'))).toHaveLength(stylesheets);
  });

  it('fails when a page links a stylesheet that is not in the output', async () => {
    const page = parsePage('index.html', html('', '<link rel="stylesheet" href="/_astro/gone.css">'));
    const result = await runPass([pageCss], facts, [page], folder({}));
    expect(result.problems).toEqual(['page-css: /: stylesheet /_astro/gone.css is not in the output']);
  });
});

describe('page-list job', () => {
  const sitemap = (urls: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset>` +
    `${urls.map((u) => `<url><loc>${u}</loc></url>`).join('')}</urlset>`;
  const pages = () => [
    parsePage('index.html', html('<h1>Home</h1>')),
    parsePage('glossary/index.html', html('<h1>Glossary</h1>')),
    parsePage('404.html', html('<h1>Not found</h1>', '<meta name="robots" content="noindex">')),
  ];

  it('is quiet when the sitemap and the social images match the public pages', async () => {
    const files = {
      'sitemap.xml': sitemap(['https://example.org/', 'https://example.org/glossary/']),
      'og/index.png': 'png',
      'og/glossary.png': 'png',
    };
    const result = await runPass([pageListCheck], facts, pages(), folder(files));
    expect(result.log.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('warns about a page missing from either list, and a listed page that was not built', async () => {
    const files = {
      'sitemap.xml': sitemap(['https://example.org/', 'https://example.org/gone/']),
      'og/index.png': 'png',
    };
    const result = await runPass([pageListCheck], facts, pages(), folder(files));
    expect(result.log.map((line) => line.message)).toEqual([
      'page-list: /glossary/ is not in sitemap.xml: add the page to src/data/pages.ts',
      'page-list: sitemap.xml lists https://example.org/gone/, which is not a public page of the build: ' +
        'check src/data/pages.ts',
      'page-list: /glossary/ has no social image /og/glossary.png: add the page to src/data/pages.ts',
    ]);
  });
});
