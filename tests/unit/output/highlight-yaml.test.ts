import { describe, expect, it } from 'vitest';
import { highlightYaml } from '../../../src/lib/output/highlight-yaml';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('highlightYaml', () => {
  it.each([
    [
      'key and string',
      'kind: Deployment',
      '<span class="k">kind</span><span class="p">:</span> <span class="s">Deployment</span>',
    ],
    ['number', '  replicas: 3', '  <span class="k">replicas</span><span class="p">:</span> <span class="n">3</span>'],
    [
      'percentage',
      '  maxSurge: 25%',
      '  <span class="k">maxSurge</span><span class="p">:</span> <span class="n">25%</span>',
    ],
    [
      'comment after a value',
      'a: 1 # note',
      '<span class="k">a</span><span class="p">:</span> <span class="n">1</span> <span class="c"># note</span>',
    ],
    [
      'quoted string with a #',
      'schedule: "30 2 * * * # x"',
      '<span class="k">schedule</span><span class="p">:</span> <span class="s">&quot;30 2 * * * # x&quot;</span>',
    ],
    [
      'list item',
      '- name: nginx',
      '<span class="p">- </span><span class="k">name</span><span class="p">:</span> <span class="s">nginx</span>',
    ],
    ['document separator', '---', '<span class="p">---</span>'],
    [
      'flow list',
      'values: [42]',
      '<span class="k">values</span><span class="p">:</span> <span class="p">[</span><span class="n">42</span><span class="p">]</span>',
    ],
    [
      'HTML is escaped',
      'x: <script>',
      '<span class="k">x</span><span class="p">:</span> <span class="s">&lt;script&gt;</span>',
    ],
  ])('%s', (_, yaml, expected) => {
    expect(highlightYaml(yaml)).toBe(expected);
  });
  it('keeps the text byte for byte (what the copy button copies)', () => {
    const yaml =
      'apiVersion: v1\nkind: Service   # headless\nspec:\n  clusterIP: None\n  ports:\n  - port: 80\n    name: "http"\n';
    expect(textOf(highlightYaml(yaml))).toBe(yaml.replace(/\n$/, ''));
  });
});
