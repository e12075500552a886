/**
 * The post-build pass: every job that works on the built site runs over one parse of its pages.
 *
 * The integration (src/integrations/post-build.ts) loads the pages once (built-pages.ts), hands
 * them to `runPass` with the ordered list of jobs, and writes what the jobs produced only when
 * none of them failed; otherwise it removes the output, so no half-checked site is left behind.
 *
 * Adding a job: write a module beside this one that exports a `PostBuildJob` whose `run` works on
 * `context.pages` (each page's hast tree) and reports through the context, test it with
 * `runPass` on pages made by `parsePage`, and add it to the list in the integration. A job
 * - adds a page (a copy under another path, a generated page) with `addPage`: every later job
 *   sees it, so put such jobs before the checks;
 * - rewrites a page by changing `page.tree` and setting `page.changed`: the pass writes it;
 * - writes or removes other files with `write` and `remove`, and reads any output file with
 *   `read` (it sees what earlier jobs wrote);
 * - fails the build with `fail`: the jobs after it do not run;
 * - hands work that needs no more of the pass (images rendered by worker processes) to `alongside`:
 *   the later jobs run meanwhile, and the pass ends only when it is done.
 */
import type { Root } from 'hast';
import { readFile } from 'node:fs/promises';
import { parsePage, pageHtml, treePage, type BuiltPage } from './built-pages.ts';

/** Facts about the build that jobs need. */
export interface BuildFacts {
  /** The site's origin and any path before the base, e.g. "https://example.org". */
  site: URL;
  /** The base path, with a trailing slash: "/" or "/k8s-workloads/". */
  base: string;
  /** The Kubernetes minor version the site was reviewed against (src/content/site.yaml). */
  kubernetesVersion: string;
}

/** Access to the output folder: the integration passes the real dist/, tests an in-memory one. */
export interface OutputFolder {
  /** A file's bytes, or null when it does not exist. */
  read(file: string): Promise<Uint8Array | null>;
  /** Every file, relative to the folder, with "/" separators. */
  list(): Promise<string[]>;
}

export interface PassContext extends BuildFacts {
  /** Every HTML page of the build in file order, including those that earlier jobs added. */
  readonly pages: readonly BuiltPage[];
  /**
   * Adds a page to the build (written by the pass, seen by every later job): its HTML, or the
   * tree a job built, which is taken as it is (not written out and parsed back).
   */
  addPage(file: string, content: string | Root): BuiltPage;
  /** An output file's bytes as the jobs so far left it, or null when there is none. */
  read(file: string): Promise<Uint8Array | null>;
  /** An output file's text, or null. */
  readText(file: string): Promise<string | null>;
  /** Every output file, as the jobs so far left them. */
  list(): Promise<string[]>;
  /** Writes a file into the output once the pass succeeds. */
  write(file: string, content: string | Uint8Array): void;
  /**
   * Puts the file at `from` (a path on disk, e.g. a cached image) into the output as `file` once
   * the pass succeeds: linked, not read and written, since hundreds of images would be megabytes.
   */
  copy(file: string, from: string): void;
  /** Removes an output file once the pass succeeds. */
  remove(file: string): void;
  /** Fails the build with a problem that names the page or file and the fix. */
  fail(problem: string): void;
  /**
   * Work that goes on while the later jobs run, such as images rendering in worker processes: the
   * pass waits for it before it ends (even when a job failed), fails if it rejects, and logs how
   * long it took as "<job> <what> … ms (alongside)".
   */
  alongside(what: string, work: Promise<void>): void;
  /** A line for the build log. */
  info(message: string): void;
  /** A warning for the build log: something to fix that does not break the site. */
  warn(message: string): void;
}

/** One job of the pass. */
export interface PostBuildJob {
  /** Short name, shown in the log beside the job's messages. */
  name: string;
  run(context: PassContext): void | Promise<void>;
}

export interface PassResult {
  /** Every page, with the added ones. */
  pages: BuiltPage[];
  /** Files to write (changed and added pages included), by output path. */
  writes: Map<string, string | Uint8Array>;
  /** Files to link (or copy) into the output from a path on disk, by output path. */
  copies: Map<string, string>;
  /** Output files to remove. */
  removals: Set<string>;
  /** What failed, each line starting with the job's name; empty when the pass succeeded. */
  problems: string[];
  /** Log lines, each with its level. */
  log: { level: 'info' | 'warn'; message: string }[];
  /** How long each job took, for the build log ("twins 120 ms"). */
  timings: string[];
}

/** Runs the jobs in order over the pages; stops after the first job that reports a problem. */
export async function runPass(
  jobs: readonly PostBuildJob[],
  facts: BuildFacts,
  initialPages: readonly BuiltPage[],
  folder: OutputFolder,
): Promise<PassResult> {
  // In file order from the start, so that addPage can insert each new page in its place.
  const pages = [...initialPages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const added = new Set<BuiltPage>();
  const writes = new Map<string, string | Uint8Array>();
  const copies = new Map<string, string>();
  const removals = new Set<string>();
  const problems: string[] = [];
  const log: PassResult['log'] = [];
  const timings: string[] = [];
  const pending: Promise<void>[] = [];

  for (const job of jobs) {
    const context: PassContext = {
      ...facts,
      pages,
      addPage(file, content) {
        const page = typeof content === 'string' ? parsePage(file, content) : treePage(file, content);
        if (pages.some((other) => other.file === page.file))
          throw new Error(`${job.name}: a page ${page.file} already exists`);
        // Kept in file order by inserting in place: a job adds thousands of share pages, and sorting
        // the whole list after each one made the pass quadratic.
        let low = 0;
        for (let high = pages.length; low < high;) {
          const middle = (low + high) >>> 1;
          if ((pages[middle] as BuiltPage).file < page.file) low = middle + 1;
          else high = middle;
        }
        pages.splice(low, 0, page);
        added.add(page);
        return page;
      },
      async read(file) {
        if (removals.has(file)) return null;
        const written = writes.get(file);
        if (written !== undefined) return typeof written === 'string' ? new TextEncoder().encode(written) : written;
        const copied = copies.get(file);
        if (copied !== undefined) return readFile(copied).catch(() => null);
        return folder.read(file);
      },
      async readText(file) {
        const bytes = await context.read(file);
        return bytes && new TextDecoder().decode(bytes);
      },
      async list() {
        const files = new Set([...(await folder.list()), ...writes.keys(), ...copies.keys()]);
        for (const file of removals) files.delete(file);
        return [...files].sort();
      },
      write(file, content) {
        removals.delete(file);
        copies.delete(file);
        writes.set(file, content);
      },
      copy(file, from) {
        removals.delete(file);
        writes.delete(file);
        copies.set(file, from);
      },
      remove(file) {
        writes.delete(file);
        copies.delete(file);
        removals.add(file);
      },
      alongside(what, work) {
        const started = performance.now();
        // Settled here, at once: a rejection left unhandled until the pass ends would stop Node first.
        pending.push(
          work.then(
            () => void timings.push(`${job.name} ${what} ${Math.round(performance.now() - started)} ms (alongside)`),
            (error: unknown) => void problems.push(`${job.name}: ${(error as Error).message ?? String(error)}`),
          ),
        );
      },
      fail: (problem) => void problems.push(`${job.name}: ${problem}`),
      info: (message) => void log.push({ level: 'info', message: `${job.name}: ${message}` }),
      warn: (message) => void log.push({ level: 'warn', message: `${job.name}: ${message}` }),
    };
    const started = performance.now();
    await job.run(context);
    timings.push(`${job.name} ${Math.round(performance.now() - started)} ms`);
    if (problems.length) break;
  }
  await Promise.all(pending);

  for (const page of pages) if (page.changed || added.has(page)) writes.set(page.file, pageHtml(page));
  return { pages, writes, copies, removals, problems, log, timings };
}
