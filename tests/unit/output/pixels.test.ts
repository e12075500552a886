import { describe, expect, it } from 'vitest';
import { layOver, scale255 } from '../../../src/lib/output/pixels';

/** One RGBA pixel. */
const px = (...channels: number[]) => Uint8Array.from(channels);

describe('layOver: a premultiplied foreground over an opaque background', () => {
  const back = px(200, 100, 50, 255);
  it.each<[string, Uint8Array, Uint8Array]>([
    ['a transparent pixel shows the background', px(0, 0, 0, 0), px(200, 100, 50, 255)],
    ['an opaque pixel replaces it', px(10, 20, 30, 255), px(10, 20, 30, 255)],
    // Half-covered white (premultiplied: 128 of 255) keeps 127/255 of the background.
    ['half-covered white blends', px(128, 128, 128, 128), px(228, 178, 153, 255)],
    // Fully transparent in alpha but not zero elsewhere cannot happen premultiplied; a faint edge can.
    ['a faint edge keeps almost all of the background', px(3, 3, 3, 3), px(201, 102, 52, 255)],
  ])('%s', (_name, front, expected) => {
    expect([...layOver(Uint8Array.from(front), back)]).toEqual([...expected]);
  });

  it('works in place, pixel by pixel, and leaves the background as it was', () => {
    const background = Uint8Array.from([...back, 0, 0, 0, 255]);
    const foreground = Uint8Array.from([0, 0, 0, 0, 255, 255, 255, 255]);
    const result = layOver(foreground, background);
    expect(result).toBe(foreground);
    expect([...result]).toEqual([200, 100, 50, 255, 255, 255, 255, 255]);
    expect([...background]).toEqual([...back, 0, 0, 0, 255]);
  });

  it.each<[string, Uint8Array, Uint8Array]>([
    ['sizes that differ', new Uint8Array(8), new Uint8Array(4)],
    ['a size that is not whole pixels', new Uint8Array(6), new Uint8Array(6)],
    ['a buffer off a 4-byte boundary', new Uint8Array(new ArrayBuffer(12), 1, 8), new Uint8Array(8)],
  ])('refuses %s', (_name, foreground, background) => {
    expect(() => layOver(foreground, background)).toThrow(/layOver/);
  });
});

describe('scale255', () => {
  it('is Math.round(product / 255) for every product of two bytes', () => {
    for (let a = 0; a < 256; a++) for (let b = 0; b < 256; b++) expect(scale255(a * b)).toBe(Math.round((a * b) / 255));
  });
});
