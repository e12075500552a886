/**
 * Pixel arithmetic for the social images (src/lib/output/og-render.ts), which draw each image as an
 * opaque backdrop, rendered once for many images, with the image's own transparent foreground laid
 * over the part of it that the foreground covers.
 */
import type { OgBox } from './og.ts';

/**
 * Lays `foreground` (`box.width` × `box.height` pixels) over the opaque `image` (`width` pixels a
 * row) with its top-left corner at `box.x`, `box.y`, in place: `image` becomes the result. Both are
 * RGBA at 8 bits per channel. The rule is source-over on premultiplied colour (what resvg hands
 * back), so a foreground pixel of alpha `a` keeps `(255 - a) / 255` of the image beneath.
 * In place because an image is 3 MB: a new buffer per image kept the garbage collector busy.
 * sharp, which encodes the images, can composite too, but took 10 ms an image against about 1 ms
 * here (it blends in floating point, every pixel; here a bare pixel costs one comparison).
 */
export function layOver(foreground: Uint8Array, box: OgBox, image: Uint8Array, width: number): Uint8Array {
  const height = image.length / 4 / width;
  if (foreground.length !== box.width * box.height * 4)
    throw new Error(`layOver: ${foreground.length} foreground bytes for a ${box.width}×${box.height} box`);
  if (!Number.isInteger(height) || box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height)
    throw new Error(
      `layOver: a ${box.width}×${box.height} box at ${box.x},${box.y} is not inside a ${width} px wide image`,
    );
  if (foreground.byteOffset % 4) throw new Error('layOver: the foreground must start on a 4-byte boundary');
  const front = new Uint32Array(foreground.buffer, foreground.byteOffset, foreground.length >> 2);
  for (let row = 0; row < box.height; row++) {
    const from = row * box.width;
    const to = (box.y + row) * width + box.x;
    for (let column = 0; column < box.width; column++) {
      // Most of a foreground is bare: a fully transparent pixel is one zero word, and leaves the image as it is.
      if (front[from + column] === 0) continue;
      const f = (from + column) << 2;
      const o = (to + column) << 2;
      const keep = 255 - (foreground[f + 3] as number);
      image[o] = (foreground[f] as number) + scale255((image[o] as number) * keep);
      image[o + 1] = (foreground[f + 1] as number) + scale255((image[o + 1] as number) * keep);
      image[o + 2] = (foreground[f + 2] as number) + scale255((image[o + 2] as number) * keep);
      image[o + 3] = 255;
    }
  }
  return image;
}

/** `Math.round(product / 255)` for a product of two bytes, without dividing (a few million calls per image set). */
export function scale255(product: number): number {
  const t = product + 128;
  return (t + (t >> 8)) >> 8;
}
