/**
 * Keeps the folders that the post-build pass writes (share pages, their images, the editions)
 * from one build to the next, so that a rebuild overwrites their files instead of making them anew.
 *
 * Why: Astro empties the output folder before it builds, and the pass then creates some 2,100
 * files in 2,000 folders. On ext4, creating files just after thousands were deleted is slow: the
 * inode allocator passes over every inode freed in the last half minute (`recently_deleted`),
 * looking each one up, so the writes took 0.6 to 3.5 s where they took 0.2 s on a fresh disk. So
 * the integration parks those folders (one rename each) before Astro empties the output, and puts
 * them back when the pass has succeeded: files the pass writes again are overwritten in place,
 * and the rest are removed, so nothing of an earlier build is left in the output.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/** Moves each of `folders` (paths relative to `outDir`) out of `outDir` into `parkDir`, where they exist. */
export function park(outDir: string, folders: readonly string[], parkDir: string): string[] {
  const parked: string[] = [];
  for (const folder of folders) {
    const from = path.join(outDir, folder);
    if (!existsSync(from)) continue;
    const to = path.join(parkDir, folder);
    // A folder parked by an earlier build that failed: the output has a newer one.
    rmSync(to, { recursive: true, force: true });
    mkdirSync(path.dirname(to), { recursive: true });
    try {
      renameSync(from, to);
      parked.push(folder);
    } catch {
      // Another file system (EXDEV), say: Astro empties the folder as it always did.
    }
  }
  return parked;
}

/**
 * Puts each parked folder back into `outDir`, keeping only the files in `keep` (output paths with
 * "/" separators, the files the pass is about to write or link): every other file, and every
 * folder left empty, is removed. A folder is not put back where the output already has one, nor
 * when the pass writes nothing into it. Returns how many parked files were kept and removed.
 */
export function unpark(
  outDir: string,
  folders: readonly string[],
  parkDir: string,
  keep: ReadonlySet<string>,
): { kept: number; removed: number } {
  let kept = 0;
  let removed = 0;
  for (const folder of folders) {
    const from = path.join(parkDir, folder);
    if (!existsSync(from)) continue;
    const to = path.join(outDir, folder);
    const prefix = `${folder}/`;
    if (existsSync(to) || ![...keep].some((file) => file.startsWith(prefix))) {
      rmSync(from, { recursive: true, force: true });
      continue;
    }
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(from, to);
    // Depth first, so that a folder is looked at once its contents were.
    const sweep = (dir: string, relative: string): boolean => {
      let empty = true;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = `${relative}/${entry.name}`;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() ? sweep(full, file) : !keep.has(file)) {
          if (entry.isDirectory()) rmdirSync(full);
          else {
            unlinkSync(full);
            removed++;
          }
        } else {
          empty = false;
          if (!entry.isDirectory()) kept++;
        }
      }
      return empty;
    };
    if (sweep(to, folder)) rmdirSync(to);
  }
  return { kept, removed };
}
