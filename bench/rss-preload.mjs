// Fallback for machines without GNU time: `node --import bench/rss-preload.mjs …`
// writes the process's peak resident set size (KiB, process.resourceUsage().maxRSS)
// and its user and system CPU time (seconds) to the file named by RAPPORT_BENCH_RSS_FILE
// when the process exits.

import { writeFileSync } from 'node:fs';

const file = process.env.RAPPORT_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage(); // KiB, and CPU time in µs, written as GNU time's %M %U %S would be
      writeFileSync(file, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
    } catch {
      // the measurement is lost, the run is not
    }
  });
}
