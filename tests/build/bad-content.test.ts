// Bad content must stop `npm run build` with a message naming the file and the field. Each case
// copies the project (without node_modules or build output), breaks one thing and runs the real
// Astro build. The rules themselves are unit-tested in tests/unit; this proves they are wired in.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = process.cwd();
const CACHES = new Set(['.astro', '.vite', '.cache']);
const SKIP = new Set(['node_modules', 'dist', '.git', '.tmp', '.astro', '.tools', 'reports', 'test-results']);

async function buildWith(
  file: string,
  edit: (text: string) => string,
): Promise<{ code: number; output: string; dist: boolean }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-workloads-bad-'));
  try {
    cpSync(ROOT, dir, {
      recursive: true,
      filter: (src) => !SKIP.has(path.relative(ROOT, src).split(path.sep)[0] ?? ''),
    });
    // The packages are linked one by one, so that each build keeps its own caches (Astro's content
    // store in node_modules/.astro, Vite's in node_modules/.vite): concurrent builds sharing them
    // would read each other's broken content.
    mkdirSync(path.join(dir, 'node_modules'));
    for (const entry of readdirSync(path.join(ROOT, 'node_modules'))) {
      if (!CACHES.has(entry))
        symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(dir, 'node_modules', entry));
    }
    const target = path.join(dir, file);
    writeFileSync(target, edit(readFileSync(target, 'utf8')));
    try {
      await run(path.join(ROOT, 'node_modules/.bin/astro'), ['build'], {
        cwd: dir,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      return { code: 0, output: '', dist: true };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      let dist = true;
      try {
        readFileSync(path.join(dir, 'dist/index.html'));
      } catch {
        dist = false;
      }
      // Colour codes would split the words the tests look for.
      const plain = stripVTControlCharacters(`${e.stdout}\n${e.stderr}`);
      return { code: e.code, output: plain, dist };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.concurrent('npm run build refuses bad content', { timeout: 180_000 }, () => {
  it('a workload page without a required frontmatter field', async () => {
    const { code, output, dist } = await buildWith('src/content/workloads/job.mdx', (t) =>
      t.replace(/^kind: Job\n/m, ''),
    );
    expect(code).not.toBe(0);
    expect(output).toContain('workloads → job');
    expect(output).toContain('src/content/workloads/job.mdx');
    expect(output).toMatch(/kind: is required: add this field/);
    expect(dist).toBe(false);
  });
  it('an MDX page with an unknown term and a Markdown heading, each named by file and line', async () => {
    let lines: string[] = [];
    const { code, output, dist } = await buildWith('src/content/workloads/job.mdx', (t) => {
      const edited = `${t.trimEnd()}\n\nA <Term id="no-such-term">term</Term>.\n\n## Notes\n\nText.\n`;
      lines = edited.split('\n');
      return edited;
    });
    const line = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    expect(code).not.toBe(0);
    const file = 'src/content/workloads/job.mdx';
    const term = '<Term id="no-such-term">: "no-such-term" is not in src/content/glossary.yaml';
    expect(output).toContain(`${file}:${line('no-such-term')} › job › ${term}`);
    expect(output).toContain(
      `${file}:${line('## Notes')} › job › heading: Markdown heading "Notes" has no explicit id`,
    );
    expect(dist).toBe(false);
  });
  it('a feature history with a gap', async () => {
    const { code, output, dist } = await buildWith('src/content/features.yaml', (t) =>
      t.replace(
        '{ stage: beta, default: true, from: "1.31", to: "1.32" }',
        '{ stage: beta, default: true, from: "1.32", to: "1.32" }',
      ),
    );
    expect(code).not.toBe(0);
    expect(output).toContain(
      'src/content/features.yaml › job-success-policy › history[1].from: is v1.32, but history[0] ends at v1.30: ' +
        'v1.31 is not covered',
    );
    expect(dist).toBe(false);
  });
  it('a dimension with a value for an unknown workload', async () => {
    const { code, output, dist } = await buildWith('src/content/dimensions.yaml', (t) =>
      t.replace(
        /^(\s+)pod:\n/m,
        (line, indent: string) =>
          `${indent}mongodb:\n${indent}  value: Operator-managed\n${indent}  rank: 0\n${indent}  source: ` +
          `https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates\n${line}`,
      ),
    );
    expect(code).not.toBe(0);
    expect(output).toContain(
      'src/content/dimensions.yaml › pod-uniqueness › values.mongodb: "mongodb" is not a workload id',
    );
    expect(dist).toBe(false);
  });
  it('a page with inline code the CSP would block (caught by the post-build pass)', async () => {
    const { code, output, dist } = await buildWith(
      'src/content/workloads/job.mdx',
      (t) => `${t}\n<p style="color:red">Red text</p>\n`,
    );
    expect(code).not.toBe(0);
    expect(output).toContain('csp: workloads/job/index.html: style attribute on <p>: use a class');
    expect(output).toContain('output removed');
    expect(dist).toBe(false);
  });
});
