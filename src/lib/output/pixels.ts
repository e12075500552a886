/**
 * Pixel arithmetic for the social images (src/lib/output/og-render.ts), which draw each image as an
 * opaque backdrop rendered once per tint with a transparent foreground laid over it.
 */

/**
 * Lays `foreground` over an opaque `background`, both RGBA at 8 bits per channel and the same size,
 * in place: `foreground` becomes the result. The rule is source-over on premultiplied colour (what
 * resvg hands back), so a foreground pixel of alpha `a` keeps `(255 - a) / 255` of the background.
 * In place because an image is 3 MB: a new buffer per image kept the garbage collector busy.
 * sharp, which encodes the images, can composite too, but took 10 ms an image against about 2 ms
 * here (it blends in floating point, every pixel; here a bare pixel is one copy).
 */
export function layOver(foreground: Uint8Array, background: Uint8Array): Uint8Array {
  if (background.length !== foreground.length || background.length % 4)
    throw new Error(`layOver: ${foreground.length} foreground bytes against ${background.length} in the background`);
  if (foreground.byteOffset % 4 || background.byteOffset % 4)
    throw new Error('layOver: pixel buffers must start on a 4-byte boundary');
  const front = new Uint32Array(foreground.buffer, foreground.byteOffset, foreground.length >> 2);
  const back = new Uint32Array(background.buffer, background.byteOffset, background.length >> 2);
  for (let i = 0; i < front.length; i++) {
    // Most of an image is bare backdrop: a fully transparent pixel is one zero word.
    if (front[i] === 0) {
      front[i] = back[i] as number;
      continue;
    }
    const o = i << 2;
    const keep = 255 - (foreground[o + 3] as number);
    foreground[o] = (foreground[o] as number) + scale255((background[o] as number) * keep);
    foreground[o + 1] = (foreground[o + 1] as number) + scale255((background[o + 1] as number) * keep);
    foreground[o + 2] = (foreground[o + 2] as number) + scale255((background[o + 2] as number) * keep);
    foreground[o + 3] = 255;
  }
  return foreground;
}

/** `Math.round(product / 255)` for a product of two bytes, without dividing (a few million calls per image set). */
export function scale255(product: number): number {
  const t = product + 128;
  return (t + (t >> 8)) >> 8;
}
