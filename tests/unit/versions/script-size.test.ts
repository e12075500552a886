// The version control may add at most 1 KB gzip of JavaScript to a page (issue 13): its module,
// bundled and minified as the build ships it, with everything it imports, is measured here. The
// dist checks assert each page's whole JavaScript budget.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { sizes } from '../../../src/lib/output/budget';

describe('the version control (src/browser/version.ts)', () => {
  it('is at most 1024 B gzip with its imports', async () => {
    const result = await build({
      entryPoints: ['src/browser/version.ts'],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('k8s-version');
    expect(sizes(code).gzip).toBeLessThanOrEqual(1024);
  });
});
