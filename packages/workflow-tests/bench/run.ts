/** `pnpm bench` of this package: each bench replaces its own section of BENCHMARKS.md. */
await import('./dev-latency.js');
await import('./loop-speed.js');
await import('./spec-growth.js');
