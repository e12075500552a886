import { defineConfig } from 'vitest/config';

// Unit tests cover src/lib (pure logic) and content rules; they never need Astro's runtime.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
  },
});
