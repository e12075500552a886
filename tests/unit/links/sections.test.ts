// Places read from a built page (src/lib/links/sections.ts): kind, label, preview text, image and
// way back, for each kind of place, on small pages written the way the site's components write them.
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/lib/output/built-pages';
import { readSections, sectionsOf as sectionsOnce, shorten, type Section } from '../../../src/lib/links/sections';

const permalink = (id: string, label: string) =>
  `<span class="anchors"><a class="anchor" href="#${id}" aria-label="Permalink: ${label}">#</a></span>`;
const heading = (level: number, id: string, text: string) =>
  `<div class="hx hx-${level}"><h${level} id="${id}">${text}</h${level}>${permalink(id, text)}</div>`;
const cite = '<a class="cite" href="https://kubernetes.io/docs/x/#y">docs<span class="sr-only">: X › Y</span></a>';

const sectionsOf = (main: string): Map<string, Section> => {
  const html =
    '<!DOCTYPE html><html><head><title>T</title></head>' +
    `<body><main id="main" data-title="P">${main}</main></body></html>`;
  return new Map(readSections(parsePage('p/index.html', html).tree).map((section) => [section.id, section]));
};

describe('headings', () => {
  const sections = sectionsOf(
    `<h1>StatefulSet</h1>` +
      heading(2, 'updates', 'Updates') +
      `<p>Pods are replaced one at a time. ${cite}</p>` +
      heading(3, 'partition', 'partition (canaries)') +
      `<p>Only Pods with an ordinal of <code>N</code> or more are updated. ${cite}</p>` +
      '<p>Lower ones keep the old revision.</p>' +
      `<pre><code>kubectl patch sts web</code></pre>` +
      heading(2, 'storage', 'Storage') +
      '<p>Each Pod gets a claim.</p>',
  );

  it('a heading is named by its permalink and previewed by its first paragraphs, without citation chips', () => {
    expect(sections.get('partition')).toMatchObject({
      kind: 'heading',
      label: 'partition (canaries)',
      summary: 'Only Pods with an ordinal of N or more are updated. Lower ones keep the old revision.',
      image: 'partition',
      parents: ['updates'],
    });
  });

  it("a section's content holds its subsections; its own words stop at the next heading", () => {
    const updates = sections.get('updates') as Section;
    expect(updates.content).toContain('Lower ones keep the old revision');
    expect(updates.content).not.toContain('Each Pod gets a claim');
    expect(updates.words).toBe('Updates Pods are replaced one at a time.');
  });

  it('ids that are not places are left out', () => {
    expect([...sections.keys()]).toEqual(['updates', 'partition', 'storage']);
  });
});

describe('the comparison table', () => {
  const sections = sectionsOf(
    `<table><thead><tr><th>Workload</th>` +
      '<th scope="col" id="col-storage" data-label="Storage" title="Does each Pod get its own volume?">' +
      '<button>Storage</button></th>' +
      `<th scope="col" id="col-scaling" data-label="Scaling"><button>Scaling</button></th></tr></thead><tbody>` +
      '<tr id="statefulset"><th scope="row"><a href="/workloads/statefulset/">StatefulSet</a>' +
      `${permalink('statefulset', 'StatefulSet')}</th>` +
      `<td id="statefulset-storage"><a class="badge" href="https://kubernetes.io/a/#b">Per-Pod claims</a>` +
      `<sup class="note-ref"><a href="#note-statefulset-storage"><span class="sr-only">Note </span>7</a></sup>` +
      // What another Kubernetes version would show is hidden, and not the cell's words.
      '<span class="feature-line block" data-k8s-for="1.31" hidden>' +
      '<a href="/versions/#r">Retention</a>: beta</span></td>' +
      `<td id="statefulset-scaling"><a class="badge" href="https://kubernetes.io/c/#d">By replicas</a></td></tr>` +
      `</tbody></table>` +
      '<ol><li id="note-statefulset-storage">' +
      '<a href="#statefulset-storage" class="note-cell">StatefulSet · Storage</a>: Claims are kept on scale-down. ' +
      '<a href="https://kubernetes.io/e/#f">StatefulSets › Volume claim templates</a>' +
      '<span class="feature-line block"><span data-k8s-label>v1.37</span> · <a href="/versions/#r">Retention</a>: ' +
      '<span data-k8s-for="1.37">GA</span><span data-k8s-for="1.31" hidden>beta</span></span></li></ol>',
  );

  it.each([
    [
      'statefulset',
      {
        kind: 'row',
        label: 'StatefulSet',
        summary: 'Storage: Per-Pod claims; Scaling: By replicas',
        image: 'statefulset',
      },
    ],
    [
      'statefulset-storage',
      {
        kind: 'cell',
        label: 'StatefulSet · Storage',
        summary: 'Per-Pod claims. Claims are kept on scale-down. v1.37 · Retention: GA',
        image: 'statefulset',
        parents: ['statefulset'],
      },
    ],
    ['statefulset-scaling', { kind: 'cell', label: 'StatefulSet · Scaling', summary: 'By replicas.' }],
    [
      'col-storage',
      { kind: 'column', label: 'Storage', summary: 'Does each Pod get its own volume?', image: 'col-storage' },
    ],
    [
      'note-statefulset-storage',
      {
        kind: 'note',
        label: 'Note on StatefulSet · Storage',
        summary: 'Claims are kept on scale-down. v1.37 · Retention: GA',
        image: 'statefulset',
        parents: ['statefulset-storage'],
      },
    ],
  ])('%s', (id, expected) => {
    expect(sections.get(id)).toMatchObject(expected);
  });

  it('a column without a title attribute takes its question from the column list', () => {
    const page = sectionsOf(
      '<table><thead><tr><th>W</th><th id="col-scaling" data-label="Scaling">Scaling</th></tr></thead>' +
        '<tbody></tbody></table>' +
        `<dl><dt><a href="#col-scaling">Scaling</a></dt><dd>What decides how many Pods run?</dd></dl>`,
    );
    expect(page.get('col-scaling')?.summary).toBe('What decides how many Pods run?');
  });

  it("a row's own words are its name: its cells are compared on their own", () => {
    expect(sections.get('statefulset')?.words).toBe('StatefulSet');
    expect(sections.get('statefulset')?.content).toContain('Claims are kept on scale-down');
  });
});

describe('the decision guide and the glossary', () => {
  const sections = sectionsOf(
    '<section class="step"><p class="kicker">Question 1</p>' +
      heading(3, 'q-finishes', 'Does the work finish on its own?') +
      `<p class="help">A migration exits when done. ${cite}</p>` +
      '<ul><li><a href="#q-schedule">Yes</a></li></ul></section>' +
      `<div><div>${heading(3, 'use-job', 'Use a Job')}</div>` +
      '<dl><div><dt>Why</dt><dd>It runs Pods to completion.</dd></div>' +
      `<div><dt>What you give up</dt><dd>No schedule.</dd></div></dl></div>` +
      '<dl><div><dt><span id="headless-service">headless Service</span>' +
      `${permalink('headless-service', 'headless Service')}</dt>` +
      '<dd>A Service with clusterIP None. <a href="https://kubernetes.io/g/#h">Service › Headless services</a></dd>' +
      '</div></dl>',
  );

  it.each([
    [
      'q-finishes',
      { kind: 'step', label: 'Does the work finish on its own?', summary: 'A migration exits when done.' },
    ],
    ['use-job', { kind: 'result', label: 'Use a Job', summary: 'It runs Pods to completion.' }],
    ['headless-service', { kind: 'term', label: 'headless Service', summary: 'A Service with clusterIP None.' }],
  ])('%s', (id, expected) => {
    expect(sections.get(id)).toMatchObject(expected);
  });
});

describe('shorten', () => {
  const sentence = 'A sentence of some length that goes on. ';
  it.each([
    ['short text', 'short text'],
    [sentence.repeat(10).trim(), sentence.repeat(7).trim()],
    ['word '.repeat(80).trim(), `${'word '.repeat(59).trim()}…`],
  ])('%#', (text, expected) => {
    expect(shorten(text)).toBe(expected);
  });
});

describe('sectionsOf (read once per tree)', () => {
  it('reads a tree’s places once: the same list each time, equal to reading them afresh', () => {
    const { tree } = parsePage(
      'x/index.html',
      '<html><body><main><div class="hx hx-2"><h2 id="a">A</h2></div><p>Words of A.</p></main></body></html>',
    );
    const first = sectionsOnce(tree);
    expect(first.map((section) => section.id)).toEqual(['a']);
    expect(sectionsOnce(tree)).toBe(first);
    expect(first).toEqual(readSections(tree));
  });
});
