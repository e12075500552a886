import { defineConfig } from 'vitest/config';

// Unit tests cover src/lib (pure logic) and content rules; tests/build runs the real build on
// deliberately broken copies of the content.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // The tested modules are pure, so test files can share workers (much faster start-up).
    isolate: false,
  },
});
