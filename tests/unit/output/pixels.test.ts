import { describe, expect, it } from 'vitest';
import { layOver, scale255 } from '../../../src/lib/output/pixels';

/** One RGBA pixel. */
const px = (...channels: number[]) => Uint8Array.from(channels);
const one = { x: 0, y: 0, width: 1, height: 1 };

describe('layOver: a premultiplied foreground over an opaque image', () => {
  const back = px(200, 100, 50, 255);
  it.each<[string, Uint8Array, Uint8Array]>([
    ['a transparent pixel shows the image beneath', px(0, 0, 0, 0), px(200, 100, 50, 255)],
    ['an opaque pixel replaces it', px(10, 20, 30, 255), px(10, 20, 30, 255)],
    // Half-covered white (premultiplied: 128 of 255) keeps 127/255 of the image beneath.
    ['half-covered white blends', px(128, 128, 128, 128), px(228, 178, 153, 255)],
    // Fully transparent in alpha but not zero elsewhere cannot happen premultiplied; a faint edge can.
    ['a faint edge keeps almost all of the image beneath', px(3, 3, 3, 3), px(201, 102, 52, 255)],
  ])('%s', (_name, front, expected) => {
    expect([...layOver(front, one, Uint8Array.from(back), 1)]).toEqual([...expected]);
  });

  it('lays a foreground over its box only, in place, and leaves the foreground as it was', () => {
    // A 3×2 image of grey, and a 2×1 foreground (transparent, then opaque white) at 1,1.
    const grey = [9, 9, 9, 255];
    const image = Uint8Array.from(Array.from({ length: 6 }, () => grey).flat());
    const foreground = Uint8Array.from([0, 0, 0, 0, 255, 255, 255, 255]);
    const result = layOver(foreground, { x: 1, y: 1, width: 2, height: 1 }, image, 3);
    expect(result).toBe(image);
    expect([...result]).toEqual([...grey, ...grey, ...grey, ...grey, ...grey, 255, 255, 255, 255]);
    expect([...foreground]).toEqual([0, 0, 0, 0, 255, 255, 255, 255]);
  });

  it.each<[string, Uint8Array, { x: number; y: number; width: number; height: number }, Uint8Array, number]>([
    ['a foreground of another size than its box', new Uint8Array(8), one, new Uint8Array(16), 2],
    ['a box that reaches out of the image', new Uint8Array(4), { ...one, x: 2 }, new Uint8Array(16), 2],
    ['a box below the image', new Uint8Array(4), { ...one, y: 2 }, new Uint8Array(16), 2],
    ['an image that is not whole rows', new Uint8Array(4), one, new Uint8Array(12), 2],
    ['a foreground off a 4-byte boundary', new Uint8Array(new ArrayBuffer(8), 1, 4), one, new Uint8Array(16), 2],
  ])('refuses %s', (_name, foreground, box, image, width) => {
    expect(() => layOver(foreground, box, image, width)).toThrow(/layOver/);
  });
});

describe('scale255', () => {
  it('is Math.round(product / 255) for every product of two bytes', () => {
    for (let a = 0; a < 256; a++) for (let b = 0; b < 256; b++) expect(scale255(a * b)).toBe(Math.round((a * b) / 255));
  });
});
