/**
 * Schemas of every content collection, each field documented where it is declared.
 *
 * Single-entry rules (types, required fields, allowed values, URL shapes) live here, so Astro
 * names the file, the entry and the field when one is broken. Rules that span entries (every
 * dimension has a value for every workload, decision nodes resolve, ids are unique) live in
 * `integrity.ts` beside this file. The schemas import nothing from `astro:content`, so build
 * hooks, scripts and tests can validate content with them too.
 */
import { z } from 'astro/zod';
import { WORKLOAD_IDS, CATEGORIES, ID_PATTERN, KUBERNETES_DOCS_SOURCE } from './model';

// A missing field should say so, and how to fix it, rather than "expected string, received undefined".
z.config({
  customError: (issue) => (issue.input === undefined ? 'is required: add this field' : undefined),
});

/** A section-level kubernetes.io docs URL: the claim's evidence. */
export const sourceSchema = z
  .string()
  .regex(
    KUBERNETES_DOCS_SOURCE,
    'must be a kubernetes.io/docs/ URL with a #section anchor, ' +
      'e.g. https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions',
  );

/** A stable, readable id: lower-case words joined by hyphens. */
export const idSchema = z
  .string()
  .regex(ID_PATTERN, 'must be lower-case letters, digits and single hyphens, e.g. "network-identity"');

/** One of the seven workload ids. */
export const workloadIdSchema = z.enum(WORKLOAD_IDS, {
  error: (issue) => `unknown workload id ${JSON.stringify(issue.input)}: use one of ${WORKLOAD_IDS.join(', ')}`,
});

/** Site-wide facts that every page prints: one place to change the reviewed version. */
export const siteSchema = z.object({
  /** Kubernetes minor version the whole site was reviewed against, e.g. "1.36". */
  kubernetesVersion: z.string().regex(/^1\.\d+$/, 'write the minor version without "v", e.g. "1.36"'),
  /** Day the content was last reviewed against that version (ISO date). */
  reviewedOn: z.coerce.date(),
  /** Site name used in titles, social cards and copied Markdown links. */
  name: z.string().min(1),
  /** One sentence describing the site, used as the home page description. */
  tagline: z.string().min(1),
});

/** A workload page: frontmatter of `src/content/workloads/<id>.mdx`. */
export const workloadSchema = z.object({
  /** Display name, e.g. "StatefulSet" (or "Pod (bare)"). */
  title: z.string().min(1),
  /** The `kind` field of the API object. */
  kind: z.enum(['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']),
  /** The `apiVersion` field of the API object. */
  apiVersion: z.enum(['apps/v1', 'batch/v1', 'v1']),
  /** One-line summary (plain text, under 160 characters): the page's meta description. */
  summary: z.string().min(20).max(160),
  /** The seed's "when to use which" advice as one line (plain text). */
  whenToUse: z.string().min(20).max(200),
  /** Grouping used by the comparison presets. */
  category: z.enum(CATEGORIES),
  /** One of the three workloads the seed explainer compares (Deployment, DaemonSet, StatefulSet). */
  core: z.boolean().default(false),
  /** Display order across the site (cards, table rows, navigation). Unique, ascending. */
  order: z.number().int().min(1),
  /** kubectl short name, shown on the page (redirects live in aliases.yaml). */
  shortName: z
    .string()
    .regex(/^[a-z]+$/)
    .optional(),
  /** The official concept page on kubernetes.io (page-level URL, no anchor needed). */
  docs: z
    .string()
    .regex(/^https:\/\/kubernetes\.io\/docs\/[a-z0-9/-]+\/$/, 'must be a kubernetes.io/docs/ page URL ending in "/"'),
  /** Kubernetes minor version this page was reviewed against; must equal the site's version. */
  reviewedFor: z.string().regex(/^1\.\d+$/, 'write the minor version without "v", e.g. "1.36"'),
  /** Related workloads, each with the reason a reader would look at it next. */
  related: z.array(z.object({ workload: workloadIdSchema, why: z.string().min(10) })).min(1),
});

/** One cell of the comparison: how a workload behaves on one dimension. */
export const cellSchema = z.object({
  /** Short display value (a few words), shown as a badge. */
  value: z.string().min(1).max(60),
  /** Ordinal rank for sorting; required when the dimension's scale is "ordinal". Lower sorts first. */
  rank: z.number().int().optional(),
  /** Badge colour family; the text always carries the meaning on its own. */
  tone: z.enum(['yes', 'partial', 'no', 'neutral']).default('neutral'),
  /** Optional caveat shown as a numbered note under the table (plain text, one or two sentences). */
  note: z.string().min(10).optional(),
  /** kubernetes.io section the value rests on. */
  source: sourceSchema,
  /**
   * Version-sensitive features the value or its note depends on (ids in features.yaml): the
   * table then says what the reader's Kubernetes version does. Never write a stage by hand.
   */
  features: z.array(idSchema).default([]),
});

/** A comparison dimension: one column of the table. Entry of `src/content/dimensions.yaml`. */
export const dimensionSchema = z
  .object({
    /** Column header. */
    label: z.string().min(1).max(40),
    /** The question the column answers, shown as the header's description. */
    question: z.string().min(10),
    /** "ordinal": values have a natural order given by `rank`; "nominal": sort by the value text. */
    scale: z.enum(['ordinal', 'nominal']),
    /** True for the six dimensions of the seed explainer's table (shown first). */
    seed: z.boolean().default(false),
    /** Column order, ascending. Unique. */
    order: z.number().int().min(1),
    /** One cell per workload id; every workload must appear exactly once. */
    values: z.record(z.string(), cellSchema),
  })
  .superRefine((dimension, ctx) => {
    if (dimension.scale !== 'ordinal') return;
    for (const [workload, cell] of Object.entries(dimension.values)) {
      if (cell.rank === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', workload, 'rank'],
          message: 'an ordinal dimension needs a rank on every value: add "rank: <integer>"',
        });
      }
    }
  });

/** An answer to a decision question. */
export const answerSchema = z.object({
  /** Id unique within its question; used in the stepper's URL. */
  id: idSchema,
  /** Button and link text, e.g. "Yes, it exits when done". */
  label: z.string().min(1),
  /** Id of the next question, or of a result (a workload id). */
  next: idSchema,
});

/** A node of the decision tree. Entry of `src/content/decisions.yaml`. */
export const decisionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('question'),
    /** Exactly one question is the starting point. */
    root: z.boolean().default(false),
    /** The question, phrased so each answer reads naturally after it. */
    question: z.string().min(5),
    /** One or two sentences that help the reader answer. */
    help: z.string().min(10),
    /** kubernetes.io section that explains the distinction. */
    source: sourceSchema,
    /** At least two answers. */
    answers: z.array(answerSchema).min(2, 'a question needs at least two answers'),
  }),
  z.object({
    type: z.literal('result'),
    /** Why this workload fits the answers that lead here. */
    why: z.string().min(10),
    /** What the reader gives up by choosing it. */
    givesUp: z.string().min(10),
    /** The closest alternative and when to switch to it. */
    runnerUp: z.object({ workload: workloadIdSchema, when: z.string().min(10) }),
    /** kubernetes.io section that backs the recommendation. */
    source: sourceSchema,
    /**
     * Features the advice relies on (ids in features.yaml): the guide warns a reader whose
     * Kubernetes version does not have them on by default.
     */
    needs: z.array(idSchema).default([]),
  }),
]);

/** A misconception or mistake the decision page warns about. Entry of `src/content/mistakes.yaml`. */
export const mistakeSchema = z.object({
  /** Short title, phrased as the mistake. */
  title: z.string().min(5),
  /** What goes wrong. */
  problem: z.string().min(10),
  /** What to do instead. */
  instead: z.string().min(10),
  /** Workloads the mistake involves (links). */
  workloads: z.array(workloadIdSchema).min(1),
  /** kubernetes.io section that backs the correction. */
  source: sourceSchema,
});

/** A glossary term. Entry of `src/content/glossary.yaml`. */
export const termSchema = z.object({
  /** The term as it appears in prose. */
  term: z.string().min(1),
  /** One to three sentences, in our own words. */
  definition: z.string().min(10),
  /** kubernetes.io section that defines it. */
  source: sourceSchema,
});

/** A Kubernetes release: a minor ("1.35") or, where a default changed within a minor, a patch ("1.35.4"). */
export const releaseSchema = z
  .string()
  .regex(/^1\.\d+(\.\d+)?$/, 'write a release without "v": a minor such as "1.35" or a patch such as "1.35.4"');

/** One stage of a feature gate over a range of releases, as in the kubernetes/website gate files. */
export const stageSchema = z.object({
  /** Maturity in these releases. */
  stage: z.enum(['alpha', 'beta', 'stable']),
  /** Whether the gate is on by default in these releases. */
  default: z.boolean(),
  /** First release of the range. */
  from: releaseSchema,
  /** Last release of the range; omitted on the last entry, which holds up to the site's version. */
  to: releaseSchema.optional(),
  /** True when no source states this entry directly; `note` then says what it rests on. */
  inferred: z.boolean().default(false),
  /** Why the stage or default changed, or what an inferred entry rests on (plain text). */
  note: z.string().min(10).optional(),
});

/** A version-sensitive feature. Entry of `src/content/features.yaml`; the id is the gate in kebab-case. */
export const featureSchema = z.object({
  /** The feature gate, e.g. "MaxUnavailableStatefulSet". */
  gate: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'write the gate name as Kubernetes spells it, e.g. "JobSuccessPolicy"'),
  /** Short name for badges and the /versions/ matrix, e.g. "StatefulSet maxUnavailable". */
  title: z.string().min(3).max(80),
  /**
   * Shorter name for a comparison-table cell, where the row already names the workload and a
   * column is narrow, e.g. "maxUnavailable" (the title otherwise).
   */
  short: z.string().min(3).max(40).optional(),
  /** What the feature does, in one line (Markdown code spans allowed). */
  description: z.string().min(10).max(200),
  /** The kubernetes.io section that documents the feature. */
  docs: sourceSchema,
  /** Workloads whose pages the feature concerns. */
  workloads: z.array(workloadIdSchema).min(1),
  /** API fields the feature governs, so example manifests that set them can say so. */
  fields: z
    .array(
      z.object({
        /** Object kind the path belongs to; `Pod` paths also match Pod templates. */
        kind: z.string().min(1),
        /** Dotted path below the object (lists are stepped through), e.g. "spec.ordinals.start". */
        path: z
          .string()
          .regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/, 'a dotted field path such as "spec.ordinals.start"'),
        /** Only this value of the field needs the feature, e.g. "Recreate". */
        value: z.string().optional(),
      }),
    )
    .default([]),
  /** Stages in release order, oldest first, without gaps or overlaps. */
  history: z.array(stageSchema).min(1),
  /** First minor without the gate: from then on the feature is always on. */
  removedIn: z
    .object({
      version: z.string().regex(/^1\.\d+$/, 'a minor such as "1.27"'),
      /** True when no source records the removal directly. */
      inferred: z.boolean().default(false),
      /** What the removal version rests on. */
      note: z.string().min(10).optional(),
    })
    .optional(),
});

/** A calendar day written YYYY-MM-DD (YAML may hand it over as a date); kept as that string. */
export const daySchema = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write a day as YYYY-MM-DD, e.g. 2026-08-26')])
  .transform((day) => (typeof day === 'string' ? day : day.toISOString().slice(0, 10)))
  .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'is not a day of the calendar');

/** A date of the support data: a day, or `{ date, inferred, note }` when no source states it. */
export const datedSchema = z.union([
  daySchema.transform((date) => ({ date, inferred: false })),
  z.strictObject({
    date: daySchema,
    /** True when the source does not state this date; `note` says what it rests on. */
    inferred: z.boolean().default(false),
    /** What an inferred date rests on (plain text). */
    note: z.string().min(10).optional(),
  }),
]);

/** One vendor's support of a minor (endoflife.date's fields: releaseDate, eol, eoes). */
export const vendorSupportSchema = z.strictObject({
  /** When the vendor made the minor generally available. */
  released: datedSchema,
  /** End of standard support. */
  endOfStandard: datedSchema,
  /** End of extended support (EKS) or long-term support (AKS), which cost extra; absent when none is offered. */
  endOfExtended: datedSchema.optional(),
});

/** One Kubernetes minor: its upstream dates and each major vendor's, where the data has them. */
export const releaseMinorSchema = z.strictObject({
  /** The minor without "v", e.g. "1.37". */
  minor: z.string().regex(/^1\.\d+$/, 'write the minor without "v", e.g. "1.37"'),
  /** Upstream: release, end of the standard period (maintenance mode begins), end of life. */
  upstream: z.strictObject({ released: datedSchema, endOfStandard: datedSchema, endOfLife: datedSchema }),
  /** Amazon EKS; absent when the data does not list the minor. */
  eks: vendorSupportSchema.optional(),
  /** Google GKE (availability in the Regular channel; the data has no extended dates). */
  gke: vendorSupportSchema.optional(),
  /** Azure AKS (standard = community support; extended = LTS). */
  aks: vendorSupportSchema.optional(),
});

/**
 * Kubernetes releases and their support windows: the single entry (`id: releases`) of
 * `src/content/releases.yaml`. The version control and the /versions/ matrix cover its minors.
 */
export const releasesSchema = z.object({
  /** Day of the newest data the dates come from: the site prints "as of" it. */
  asOf: daySchema,
  /** Where the dates come from (plain text, one source per item). */
  sources: z.array(z.string().min(10)).min(1),
  /** Every minor the site describes, newest first, one per minor. */
  minors: z.array(releaseMinorSchema).min(1),
});

/** Old ids and old page paths that must keep working. Entry of `src/content/aliases.yaml`. */
export const aliasSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('anchor'),
    /** Page path the old id lived on, e.g. "/compare/". */
    page: z.string().regex(/^\/([a-z0-9-]+\/)*$/, 'a page path such as "/compare/"'),
    /** The retired id. */
    from: idSchema,
    /** The id that replaces it on the same page. */
    to: idSchema,
  }),
  z.object({
    type: z.literal('page'),
    /** Retired page path, e.g. "/workloads/sts/". */
    from: z.string().regex(/^\/([a-z0-9-]+\/)+$/, 'a page path such as "/workloads/sts/"'),
    /** Its new home, optionally with a fragment. */
    to: z.string().regex(/^\/([a-z0-9-]+\/)*(#[a-z0-9-]+)?$/, 'a page path such as "/workloads/statefulset/"'),
  }),
]);

export type Workload = z.infer<typeof workloadSchema>;
export type Cell = z.infer<typeof cellSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Mistake = z.infer<typeof mistakeSchema>;
export type Term = z.infer<typeof termSchema>;
export type Alias = z.infer<typeof aliasSchema>;
export type Feature = z.infer<typeof featureSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Releases = z.infer<typeof releasesSchema>;
export type ReleaseMinor = z.infer<typeof releaseMinorSchema>;
export type Dated = z.infer<typeof datedSchema>;
