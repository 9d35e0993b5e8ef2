// Preloaded into a measured process with --require: at exit it writes the peak resident set size
// (kilobytes, from getrusage) to the file named by OCROLUS_BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.OCROLUS_BENCH_RSS_FILE) writeFileSync(process.env.OCROLUS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
