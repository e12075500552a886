// Support windows: which minors are supported on a day (upstream, or by EKS, GKE or AKS in their
// standard or extended/LTS periods), the minors the version control offers, and the rules across
// the minors of src/content/releases.yaml.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { releasesSchema } from '../../../src/lib/content/schemas';
import { formatProblem } from '../../../src/lib/content/integrity';
import {
  checkReleases,
  dayParts,
  periodEnd,
  supportOn,
  supportWords,
  vendorLines,
  versionChoices,
  VENDORS,
  type ReleaseMinor,
  type Releases,
} from '../../../src/lib/versions/releases';

const d = (date: string, inferred = false) => ({ date, inferred });
const upstream = (released: string, endOfStandard: string, endOfLife: string) => ({
  released: d(released),
  endOfStandard: d(endOfStandard),
  endOfLife: d(endOfLife),
});
/** The shape of the real data around the review day 2026-12-02 (kubernetes-1.37.md, section C). */
const FIXTURE: Releases = {
  asOf: '2026-08-22',
  sources: ['test data'],
  minors: [
    {
      minor: '1.37',
      upstream: {
        ...upstream('2026-08-26', '2027-08-28', '2027-10-28'),
        endOfLife: { date: '2027-10-28', inferred: true, note: 'The pattern of earlier minors.' },
      },
    },
    {
      minor: '1.34',
      upstream: upstream('2025-08-27', '2026-08-27', '2026-10-27'),
      eks: { released: d('2025-10-06'), endOfStandard: d('2026-12-02'), endOfExtended: d('2027-12-02') },
      gke: { released: d('2025-09-30'), endOfStandard: d('2026-10-01') },
    },
    {
      minor: '1.32',
      upstream: upstream('2024-12-11', '2025-12-28', '2026-02-28'),
      eks: { released: d('2025-01-25'), endOfStandard: d('2026-03-23'), endOfExtended: d('2027-03-23') },
      aks: { released: d('2025-04-06'), endOfStandard: d('2026-03-31'), endOfExtended: d('2027-03-31') },
    },
    {
      minor: '1.31',
      upstream: upstream('2024-08-13', '2025-08-28', '2025-10-28'),
      eks: { released: d('2024-09-26'), endOfStandard: d('2025-11-26'), endOfExtended: d('2026-11-26') },
      aks: { released: d('2024-10-25'), endOfStandard: d('2025-11-01'), endOfExtended: d('2026-11-30') },
    },
  ],
};
const minor = (m: string) => FIXTURE.minors.find((r) => r.minor === m) as ReleaseMinor;

describe('supportOn', () => {
  it.each<[string, string, boolean, string[]]>([
    ['1.37', '2026-12-02', true, []],
    ['1.37', '2026-08-25', false, []],
    ['1.34', '2026-10-01', true, ['eks', 'gke']],
    ['1.34', '2026-10-27', true, ['eks']],
    ['1.34', '2026-12-02', false, ['eks']],
    ['1.34', '2026-12-03', false, ['eks+']],
    ['1.32', '2026-12-02', false, ['eks+', 'aks+']],
    ['1.31', '2026-11-27', false, ['aks+']],
    ['1.31', '2026-12-02', false, []],
  ])('v%s on %s: upstream %s, vendors %j (+ = extended)', (m, day, up, vendors) => {
    const support = supportOn(minor(m), day);
    expect(support.upstream).toBe(up);
    expect(support.vendors.map((v) => `${v.id}${v.extended ? '+' : ''}`)).toEqual(vendors);
  });

  it('a period includes its last day and ends the day after', () => {
    expect(periodEnd(d('2026-12-02'), '2026-12-02')).toEqual({ text: 'ends 2026-12-02', over: false });
    expect(periodEnd(d('2026-12-02'), '2026-12-03')).toEqual({ text: 'ended 2026-12-02', over: true });
    expect(periodEnd(d('2027-10-28', true), '2026-12-02')).toEqual({ text: 'to 2027-10-28 (inferred)', over: false });
  });

  it('says who supports a minor, naming paid periods', () => {
    expect(supportWords(minor('1.32'), '2026-12-02')).toBe('Amazon EKS extended support, Azure AKS LTS');
    expect(supportWords(minor('1.31'), '2026-12-02')).toBe('no one');
    expect(supportWords(minor('1.37'), '2026-12-02')).toBe('upstream');
  });

  it('a vendor that does not list a minor says so with the date of the data', () => {
    const eks = VENDORS[0];
    expect(vendorLines(minor('1.37'), eks, '2026-12-02', FIXTURE.asOf)).toEqual(['not listed as of 2026-08-22']);
    expect(vendorLines(minor('1.32'), eks, '2026-12-02', FIXTURE.asOf)).toEqual([
      'from 2025-01-25',
      'standard ended 2026-03-23',
      'extended support to 2027-03-23',
    ]);
  });
});

describe('versionChoices: computed from the data, never typed', () => {
  it('marks the minors supported on the day', () => {
    expect(versionChoices(FIXTURE, '2026-12-02')).toEqual([
      { minor: '1.37', supported: true },
      { minor: '1.34', supported: true },
      { minor: '1.32', supported: true },
      { minor: '1.31', supported: false },
    ]);
    expect(versionChoices(FIXTURE, '2026-11-30').find((c) => c.minor === '1.31')?.supported).toBe(true);
  });

  it('on the review day 2026-12-02 the real data supports v1.32–v1.37 and lists v1.29–v1.31 as ended', () => {
    const entry = (parse(readFileSync('src/content/releases.yaml', 'utf8')) as unknown[])[0];
    const releases = releasesSchema.parse(entry);
    expect(checkReleases('src/content/releases.yaml', releases, '1.37')).toEqual([]);
    const choices = versionChoices(releases, '2026-12-02');
    expect(choices.filter((c) => c.supported).map((c) => c.minor)).toEqual([
      '1.37',
      '1.36',
      '1.35',
      '1.34',
      '1.33',
      '1.32',
    ]);
    expect(choices.filter((c) => !c.supported).map((c) => c.minor)).toEqual(['1.31', '1.30', '1.29']);
  });
});

describe('checkReleases', () => {
  const problems = (releases: Releases) => checkReleases('releases.yaml', releases, '1.37').map(formatProblem);
  it('accepts ordered, complete data', () => {
    expect(
      problems({
        ...FIXTURE,
        minors: [minor('1.37'), { ...minor('1.34'), minor: '1.36' }, { ...minor('1.32'), minor: '1.35' }],
      }),
    ).toEqual([]);
  });
  it.each<[string, ReleaseMinor[], string[]]>([
    [
      'the newest minor is not the site version',
      [{ ...minor('1.37'), minor: '1.38' }],
      [
        'releases.yaml › releases › minors[0].minor: is v1.38, but the site states Kubernetes v1.37 ' +
          '(src/content/site.yaml): list the newest minor first, and never one newer than the site',
      ],
    ],
    [
      'a missing minor',
      [minor('1.37'), minor('1.34')],
      [
        'releases.yaml › releases › minors[1].minor: is v1.34, but after v1.37 comes v1.36: list ' +
          'every minor once, newest first',
      ],
    ],
    [
      'dates out of order',
      [{ ...minor('1.37'), upstream: upstream('2026-08-26', '2026-08-01', '2027-10-28') }],
      [
        'releases.yaml › releases › minors[0].upstream: dates out of order (2026-08-26, 2026-08-01, ' +
          '2027-10-28): a release comes before its support ends',
      ],
    ],
    [
      'an inferred date without a note',
      [
        {
          ...minor('1.37'),
          upstream: { ...upstream('2026-08-26', '2027-08-28', '2027-10-28'), endOfLife: d('2027-10-28', true) },
        },
      ],
      [
        'releases.yaml › releases › minors[0].upstream.endOfLife.note: is required with `inferred: ' +
          'true`: say what the date rests on',
      ],
    ],
  ])('%s', (_, minors, expected) => {
    expect(problems({ ...FIXTURE, minors })).toEqual(expected);
  });
});

describe('dayParts', () => {
  it.each([
    ['standard to 2027-04-28 (inferred)', ['standard to ', '2027-04-28', ' (inferred)']],
    ['no day here', ['no day here']],
    ['from 2026-01-04; to 2026-11-30', ['from ', '2026-01-04', '; to ', '2026-11-30', '']],
  ])('%s', (line, parts) => {
    expect(dayParts(line)).toEqual(parts);
  });
});
