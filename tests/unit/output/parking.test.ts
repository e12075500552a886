import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { park, unpark } from '../../../src/lib/output/parking';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** An output folder and a parking place with `files` (relative path → text) in the output. */
function setup(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'parking-'));
  dirs.push(root);
  const out = path.join(root, 'dist');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), text);
  }
  return { out, parking: path.join(root, 'parked') };
}
const inode = (file: string) => statSync(file).ino;

describe('park and unpark', () => {
  it('moves the folders out and back, keeping the files the pass writes (the same files) and removing the rest', () => {
    const { out, parking } = setup({
      's/compare/a/index.html': 'old a',
      's/compare/gone/index.html': 'old gone',
      'og/s/compare/a.png': 'png',
      'og/compare.png': 'Astro’s',
      'index.html': 'home',
    });
    const before = inode(path.join(out, 's/compare/a/index.html'));
    expect(park(out, ['s', 'og/s', 'v1.37'], parking)).toEqual(['s', 'og/s']);
    expect(existsSync(path.join(out, 's'))).toBe(false);
    expect(existsSync(path.join(out, 'og/compare.png'))).toBe(true);

    const keep = new Set(['s/compare/a/index.html', 's/share.css', 'og/s/compare/a.png', 'index.html']);
    expect(unpark(out, ['s', 'og/s', 'v1.37'], parking, keep)).toEqual({ kept: 2, removed: 1 });
    // The same file, ready to be overwritten in place; the page that went is gone, with its folder.
    expect(inode(path.join(out, 's/compare/a/index.html'))).toBe(before);
    expect(readFileSync(path.join(out, 's/compare/a/index.html'), 'utf8')).toBe('old a');
    expect(existsSync(path.join(out, 's/compare/gone'))).toBe(false);
    expect(existsSync(path.join(out, 'og/s/compare/a.png'))).toBe(true);
    expect(existsSync(path.join(parking, 's'))).toBe(false);
  });

  it.each<[string, (out: string) => void, ReadonlySet<string>]>([
    ['the output has the folder already', (out) => mkdirSync(path.join(out, 's')), new Set(['s/x/index.html'])],
    ['the pass writes nothing into it', () => {}, new Set(['index.html'])],
  ])('drops a parked folder when %s', (_name, prepare, keep) => {
    const { out, parking } = setup({ 's/x/index.html': 'old', 'index.html': 'home' });
    park(out, ['s'], parking);
    prepare(out);
    expect(unpark(out, ['s'], parking, keep)).toEqual({ kept: 0, removed: 0 });
    expect(existsSync(path.join(parking, 's'))).toBe(false);
    expect(existsSync(path.join(out, 's/x/index.html'))).toBe(false);
  });

  it('replaces a folder left parked by a build that failed', () => {
    const { out, parking } = setup({ 's/new/index.html': 'newer' });
    mkdirSync(path.join(parking, 's/old'), { recursive: true });
    writeFileSync(path.join(parking, 's/old/index.html'), 'older');
    park(out, ['s'], parking);
    expect(existsSync(path.join(parking, 's/old'))).toBe(false);
    expect(readFileSync(path.join(parking, 's/new/index.html'), 'utf8')).toBe('newer');
  });

  it('removes everything of a parked folder when the pass keeps none of its files but writes into it', () => {
    const { out, parking } = setup({ 's/a/index.html': 'a', 's/b/c/index.html': 'c' });
    park(out, ['s'], parking);
    expect(unpark(out, ['s'], parking, new Set(['s/share.css']))).toEqual({ kept: 0, removed: 2 });
    expect(existsSync(path.join(out, 's'))).toBe(false);
  });
});
