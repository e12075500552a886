/**
 * Every content collection of the site: where its entries come from and which schema
 * (src/lib/content/schemas.ts) validates them.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { manifestEntrySchema, manifestLoader } from './loaders/manifests';
import {
  aliasSchema,
  decisionSchema,
  dimensionSchema,
  featureSchema,
  mistakeSchema,
  releasesSchema,
  siteSchema,
  termSchema,
  workloadSchema,
} from './lib/content/schemas';

const workloads = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/workloads' }),
  schema: workloadSchema,
});
const site = defineCollection({ loader: file('src/content/site.yaml'), schema: siteSchema });
const dimensions = defineCollection({ loader: file('src/content/dimensions.yaml'), schema: dimensionSchema });
const decisions = defineCollection({ loader: file('src/content/decisions.yaml'), schema: decisionSchema });
const mistakes = defineCollection({ loader: file('src/content/mistakes.yaml'), schema: mistakeSchema });
const glossary = defineCollection({ loader: file('src/content/glossary.yaml'), schema: termSchema });
const aliases = defineCollection({ loader: file('src/content/aliases.yaml'), schema: aliasSchema });
const features = defineCollection({ loader: file('src/content/features.yaml'), schema: featureSchema });
const releases = defineCollection({ loader: file('src/content/releases.yaml'), schema: releasesSchema });
const manifests = defineCollection({ loader: manifestLoader('src/content/manifests'), schema: manifestEntrySchema });

export const collections = {
  site,
  workloads,
  dimensions,
  decisions,
  mistakes,
  glossary,
  aliases,
  features,
  releases,
  manifests,
};

export type * from './lib/content/schemas';
