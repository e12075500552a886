/**
 * The only inline script of the site. It runs in <head> before the first paint so the page
 * never flashes the wrong colour theme, and marks <html> with `js` so controls that need
 * JavaScript take their place from the first frame (no layout shift when scripts load).
 * Its SHA-256 is allowed by the Content-Security-Policy (src/lib/output/security-headers.ts);
 * change the text and the policy follows at the next build.
 */
export const THEME_INIT_SCRIPT =
  "document.documentElement.classList.add('js');" +
  "try{var t=localStorage.getItem('theme');" +
  "if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";
