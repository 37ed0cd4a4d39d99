// Fallback for machines without GNU time: `node --import bench/rss-preload.mjs …`
// writes the process's peak resident set size (KiB, process.resourceUsage().maxRSS)
// to the file named by RAPPORT_BENCH_RSS_FILE when the process exits.

import { writeFileSync } from 'node:fs';

const file = process.env.RAPPORT_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // the measurement is lost, the run is not
    }
  });
}
