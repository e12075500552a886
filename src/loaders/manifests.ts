/**
 * Content loader for example manifests: every `*.yaml` file in a folder becomes one entry
 * holding the file's text (shown on the page, byte for byte) and the objects it declares.
 * Each file is validated against the Kubernetes API schema while loading, so an invalid
 * manifest stops the build with the file, document, field and fix named.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { SCHEMA_VERSION, checkManifest, formatManifestProblems } from '../lib/content/manifests';

export const manifestEntrySchema = z.object({
  /** Path of the YAML file, relative to the project root. */
  file: z.string(),
  /** The file's text exactly as written. */
  yaml: z.string(),
  /** Objects declared in the file, in order. */
  objects: z.array(z.object({ apiVersion: z.string(), kind: z.string(), name: z.string() })),
  /** Kubernetes minor whose API schema the file was validated against, e.g. "1.36". */
  schemaVersion: z.string(),
});

/** Loads and validates `<folder>/*.yaml`; the entry id is the file name without extension. */
export function manifestLoader(folder: string): Loader {
  return {
    name: 'manifest-loader',
    async load({ store, parseData, generateDigest, config }) {
      const root = new URL('.', config.root).pathname;
      const names = (await readdir(path.join(root, folder))).filter((name) => name.endsWith('.yaml')).sort();
      const failures: string[] = [];
      store.clear();
      for (const name of names) {
        const file = path.posix.join(folder, name);
        const yaml = await readFile(path.join(root, file), 'utf8');
        const { objects, problems } = checkManifest(yaml);
        if (problems.length) {
          failures.push(formatManifestProblems(file, problems));
          continue;
        }
        const id = name.replace(/\.yaml$/, '');
        const data = await parseData({ id, data: { file, yaml, objects, schemaVersion: SCHEMA_VERSION } });
        store.set({ id, data, digest: generateDigest({ yaml, schemaVersion: SCHEMA_VERSION }) });
      }
      if (failures.length) {
        throw new Error(
          `Invalid example manifest (checked against the Kubernetes v${SCHEMA_VERSION} API schema):\n` +
            failures.join('\n'),
        );
      }
    },
  };
}
