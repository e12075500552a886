// The decision tree as the pages list it: the root, questions numbered from the root outwards,
// results in the site's workload order.
import { describe, expect, it } from 'vitest';
import { questionsInOrder, resultsInOrder, rootQuestion, type TreeEntry } from '../../../src/lib/decide/tree';

const q = (id: string, next: string[], root = false): TreeEntry => ({
  id,
  data: { type: 'question', root, answers: next.map((n) => ({ next: n })) },
});
const r = (id: string): TreeEntry => ({ id, data: { type: 'result' } });
const ids = (entries: { id: string }[]) => entries.map((e) => e.id);

describe('rootQuestion', () => {
  it.each<[string, TreeEntry[], string]>([
    ['the root first', [q('a', ['job'], true), q('b', ['pod'])], 'a'],
    ['the root written last', [q('b', ['pod']), r('job'), q('a', ['b'], true)], 'a'],
  ])('finds %s', (_, entries, expected) => {
    expect(rootQuestion(entries).id).toBe(expected);
  });
  it('names the file to fix when no question is the root', () => {
    expect(() => rootQuestion([q('a', ['job']), r('job')])).toThrow(
      'src/content/decisions.yaml: no question has "root: true"',
    );
  });
});

describe('questionsInOrder', () => {
  it.each<[string, TreeEntry[], string[]]>([
    ['a chain', [q('c', ['job']), q('b', ['c']), q('a', ['b'], true)], ['a', 'b', 'c']],
    [
      'breadth first, answers in written order',
      [
        q('root', ['left', 'right'], true),
        q('left', ['left-deep', 'job']),
        q('right', ['pod']),
        q('left-deep', ['job']),
      ],
      ['root', 'left', 'right', 'left-deep'],
    ],
    [
      'a question reached twice, listed once where first reached',
      [q('root', ['a', 'b'], true), q('a', ['shared']), q('b', ['shared']), q('shared', ['job'])],
      ['root', 'a', 'b', 'shared'],
    ],
    [
      'results and unreachable questions left out',
      [q('root', ['job'], true), q('orphan', ['pod']), r('job')],
      ['root'],
    ],
  ])('%s', (_, entries, expected) => {
    expect(ids(questionsInOrder(entries))).toEqual(expected);
  });
});

describe('resultsInOrder', () => {
  it.each<[string, TreeEntry[], string[], string[]]>([
    [
      'in workload order, not file order',
      [r('pod'), r('job'), r('deployment')],
      ['deployment', 'job', 'pod'],
      ['deployment', 'job', 'pod'],
    ],
    ['questions left out', [q('root', ['job'], true), r('job')], ['job'], ['job']],
    ['results outside the order left out', [r('job'), r('lambda')], ['job'], ['job']],
  ])('%s', (_, entries, order, expected) => {
    expect(ids(resultsInOrder(entries, order))).toEqual(expected);
  });
});
