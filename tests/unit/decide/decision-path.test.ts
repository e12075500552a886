import { describe, expect, it } from 'vitest';
import { answersQuery, readAnswers, walk, type TreeQuestion } from '../../../src/lib/decide/decision-path';

const questions = new Map<string, TreeQuestion>([
  [
    'finishes',
    {
      answers: [
        { id: 'yes', next: 'schedule' },
        { id: 'no', next: 'every-node' },
      ],
    },
  ],
  [
    'schedule',
    {
      answers: [
        { id: 'schedule', next: 'cronjob' },
        { id: 'once', next: 'job' },
      ],
    },
  ],
  [
    'every-node',
    {
      answers: [
        { id: 'yes', next: 'daemonset' },
        { id: 'no', next: 'deployment' },
      ],
    },
  ],
]);

describe('walk', () => {
  it.each([
    ['the start', [], { steps: [], current: 'finishes' }],
    ['one answer', ['yes'], { steps: [{ question: 'finishes', answer: 'yes' }], current: 'schedule' }],
    [
      'to a result',
      ['no', 'yes'],
      {
        steps: [
          { question: 'finishes', answer: 'no' },
          { question: 'every-node', answer: 'yes' },
        ],
        current: 'daemonset',
      },
    ],
  ])('%s', (_, answers, expected) => {
    expect(walk(questions, 'finishes', answers)).toEqual(expected);
  });
  it.each([
    ['an answer that no longer exists', ['maybe']],
    ['an answer valid elsewhere but not at this step', ['yes', 'no']],
    ['answers beyond a result', ['yes', 'once', 'yes']],
    ['hostile input', ['<img src=x onerror=alert(1)>']],
    ['a prototype key', ['constructor']],
  ])('fails as a whole on %s', (_, answers) => {
    expect(walk(questions, 'finishes', answers)).toBeNull();
  });
});

describe('answers in the URL', () => {
  it.each([
    ['', []],
    ['?answers=no,yes', ['no', 'yes']],
    ['?answers=', []],
    ['?other=1&answers=yes', ['yes']],
  ])('readAnswers(%j)', (search, expected) => {
    expect(readAnswers(search)).toEqual(expected);
  });
  it.each([
    [[], ''],
    [['no', 'yes'], '?answers=no,yes'],
  ])('answersQuery(%j)', (answers, expected) => {
    expect(answersQuery(answers)).toBe(expected);
  });
});
