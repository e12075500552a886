// What the Content-Security-Policy that nginx sends does in a reader's browser: code, styles and
// markup injected into a page (as a cross-site scripting bug would inject them) are refused and
// reported, nothing loads from another origin, the site cannot be framed, and what the site
// itself needs still works: the theme script by its hash, its own files, WebAssembly for search.
import { expect, test, type Page } from '@playwright/test';
import { THEME_INIT_SCRIPT } from '../../../src/lib/output/theme-init.ts';
import { ORIGIN, SUBPATH, SUBPATH_ORIGIN } from './site.ts';

/** Another origin with a real server behind it (the sub-path build), so only the policy can refuse a load. */
const OTHER = `${SUBPATH_ORIGIN}${SUBPATH}`;

interface Attempt {
  what: string;
  /** The directive the browser names when it refuses; null when the policy must allow it. */
  refusedBy: string | null;
  /** Runs in the page (given OTHER and the theme script) and says whether the thing took effect. */
  attempt: (input: { other: string; theme: string }) => Promise<boolean>;
}

declare global {
  interface Window {
    /** Waits for an element's load or error event (2 s at most): true when it loaded. */
    loaded?: (element: Element) => Promise<boolean>;
    /** The directive of each `securitypolicyviolation` report since the last reset. */
    cspReports?: string[];
  }
}

const ATTEMPTS: Attempt[] = [
  {
    what: 'the theme script, by its hash',
    refusedBy: null,
    attempt: async ({ theme }) => {
      document.documentElement.classList.remove('js');
      const script = document.createElement('script');
      script.textContent = theme;
      document.head.append(script);
      return document.documentElement.classList.contains('js');
    },
  },
  {
    what: 'the theme script changed by one character',
    refusedBy: 'script-src-elem',
    attempt: async ({ theme }) => {
      document.documentElement.classList.remove('js');
      const script = document.createElement('script');
      script.textContent = `${theme} `;
      document.head.append(script);
      const ran = document.documentElement.classList.contains('js');
      document.documentElement.classList.add('js');
      return ran;
    },
  },
  {
    what: 'an injected inline <script>',
    refusedBy: 'script-src-elem',
    attempt: async () => {
      const script = document.createElement('script');
      script.textContent = "document.documentElement.dataset.took = 'inline'";
      document.head.append(script);
      return document.documentElement.dataset.took === 'inline';
    },
  },
  {
    what: 'an inline event handler',
    refusedBy: 'script-src-attr',
    attempt: async () => {
      const button = document.createElement('button');
      button.setAttribute('onclick', "document.documentElement.dataset.took = 'handler'");
      document.body.append(button);
      button.click();
      button.remove();
      return document.documentElement.dataset.took === 'handler';
    },
  },
  {
    what: 'a javascript: link',
    refusedBy: 'script-src-elem',
    attempt: async () => {
      const link = document.createElement('a');
      link.href = "javascript:void(document.documentElement.dataset.took='url')";
      document.body.append(link);
      link.click();
      link.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return document.documentElement.dataset.took === 'url';
    },
  },
  {
    what: 'a script file from another origin',
    refusedBy: 'script-src-elem',
    attempt: async ({ other }) => {
      const script = document.createElement('script');
      script.src = `${other}scripts/search-ui.js`;
      document.head.append(script);
      return window.loaded!(script);
    },
  },
  {
    what: 'a style attribute',
    refusedBy: 'style-src-attr',
    attempt: async () => {
      const span = document.createElement('span');
      span.setAttribute('style', 'color: rgb(1, 2, 3)');
      document.body.append(span);
      const applied = getComputedStyle(span).color === 'rgb(1, 2, 3)';
      span.remove();
      return applied;
    },
  },
  {
    what: 'an injected <style> element',
    refusedBy: 'style-src-elem',
    attempt: async () => {
      const style = document.createElement('style');
      style.textContent = 'html { --took: yes; }';
      document.head.append(style);
      const applied = getComputedStyle(document.documentElement).getPropertyValue('--took').trim() === 'yes';
      style.remove();
      return applied;
    },
  },
  {
    what: 'a stylesheet from another origin',
    refusedBy: 'style-src-elem',
    attempt: async ({ other }) => {
      const href = new URL(document.querySelector<HTMLLinkElement>('link[rel=stylesheet]')!.href).pathname;
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `${other}${href.slice(1)}`;
      document.head.append(link);
      return window.loaded!(link);
    },
  },
  {
    what: 'an image from another origin',
    refusedBy: 'img-src',
    attempt: async ({ other }) => {
      const image = new Image();
      image.src = `${other}favicon.svg`;
      return window.loaded!(image);
    },
  },
  {
    what: 'an image from the site',
    refusedBy: null,
    attempt: async () => {
      const image = new Image();
      image.src = `${document.body.dataset.base ?? '/'}favicon.svg`;
      return window.loaded!(image);
    },
  },
  {
    what: 'fetch() to another origin',
    refusedBy: 'connect-src',
    // no-cors: without the policy the request goes out and resolves (opaque) whatever CORS says.
    attempt: async ({ other }) =>
      fetch(other, { mode: 'no-cors' }).then(
        () => true,
        () => false,
      ),
  },
  {
    what: 'a plugin <object>',
    refusedBy: 'object-src',
    attempt: async ({ other }) => {
      const object = document.createElement('object');
      // A PNG, not an SVG: the other site's own frame-ancestors would refuse an SVG document.
      object.data = `${other}og/compare.png`;
      document.body.append(object);
      const loaded = await window.loaded!(object);
      object.remove();
      return loaded;
    },
  },
  {
    what: 'a <base> that redirects relative links to another origin',
    refusedBy: 'base-uri',
    attempt: async ({ other }) => {
      const base = document.createElement('base');
      base.href = other;
      document.head.append(base);
      const moved = document.baseURI.startsWith(other);
      base.remove();
      return moved;
    },
  },
  {
    what: 'a form that posts to another origin',
    refusedBy: 'form-action',
    attempt: async ({ other }) => {
      const form = document.createElement('form');
      form.action = other;
      form.method = 'post';
      document.body.append(form);
      form.requestSubmit();
      // Not refused, the post navigates away and this script ends (the caller counts that).
      await new Promise((resolve) => setTimeout(resolve, 200));
      form.remove();
      return location.origin === new URL(other).origin;
    },
  },
];

/** Opens the home page served by nginx, with a listener for the browser's CSP reports. */
async function openSite(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(() => {
    window.cspReports = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspReports?.push(event.effectiveDirective));
    window.loaded = (element) =>
      new Promise((resolve) => {
        element.addEventListener('load', () => resolve(true), { once: true });
        element.addEventListener('error', () => resolve(false), { once: true });
        setTimeout(() => resolve(false), 2_000);
      });
  });
}

test('injected code, styles and markup are refused and reported; the site’s own are allowed', async ({ page }) => {
  await openSite(page);
  for (const { what, refusedBy, attempt } of ATTEMPTS) {
    await test.step(what, async () => {
      await page.evaluate(() => (window.cspReports = []));
      // A navigation away (the form, when not refused) ends the page's scripts: it took effect.
      const tookEffect = await page.evaluate(attempt, { other: OTHER, theme: THEME_INIT_SCRIPT }).catch((error) => {
        if (/context was destroyed/.test(String(error))) return true;
        throw error;
      });
      // Soft: one run reports every attempt that the policy does not handle.
      expect.soft(tookEffect, `${what} ${refusedBy ? 'is refused' : 'works'}`).toBe(!refusedBy);
      if (refusedBy) {
        await expect
          .soft(
            async () => expect(await page.evaluate(() => window.cspReports)).toContain(refusedBy),
            `${what}: report`,
          )
          .toPass({ timeout: 2_000 });
      } else expect.soft(await page.evaluate(() => window.cspReports), `${what}: no report`).toEqual([]);
    });
  }
});

test('the site’s scripts cannot compile JavaScript from strings, but can compile WebAssembly', async ({ page }) => {
  // A script served from the site's own origin, as any of its files would be: page.evaluate()
  // itself is exempt from the policy, a page's script is not.
  await page.route(`${ORIGIN}/csp-probe.js`, (route) =>
    route.fulfill({
      contentType: 'application/javascript',
      body: `const outcome = (f) => { try { f(); return 'ran'; } catch (error) { return error.name; } };
        document.documentElement.dataset.evalOutcome = outcome(() => eval('1'));
        document.documentElement.dataset.functionOutcome = outcome(() => new Function('return 1')());
        WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
          () => (document.documentElement.dataset.wasmOutcome = 'ran'),
          (error) => (document.documentElement.dataset.wasmOutcome = error.name),
        );`,
    }),
  );
  await openSite(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.src = '/csp-probe.js';
    document.head.append(script);
  });
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-eval-outcome', 'EvalError');
  await expect(html).toHaveAttribute('data-function-outcome', 'EvalError');
  await expect(html).toHaveAttribute('data-wasm-outcome', 'ran');
  await expect.poll(() => page.evaluate(() => window.cspReports)).toContain('script-src');
});

test('no other site can frame the pages', async ({ page }) => {
  // about:blank has no policy of its own: only the site's answer can refuse the frame.
  await page.setContent(`<iframe src="${ORIGIN}/compare/" title="framed"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(page.locator('iframe')).toBeAttached();
  await expect
    .poll(() =>
      page
        .frames()
        .find((f) => f !== page.mainFrame())
        ?.url(),
    )
    .toBe('chrome-error://chromewebdata/');
  await expect(frame.locator('table.compare')).toHaveCount(0);
});
