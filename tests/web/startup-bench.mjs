// Start-up time of the web build: from navigation to the first frame showing the sample (the
// app names the document in the page title on its first frame), in a fresh browser profile.
// node tests/web/startup-bench.mjs [RUNS]   (after scripts/build-web.sh)
import { launchChromium, serveDist, waitForDocument } from "./harness.mjs";

const runs = Number(process.argv[2] ?? 7);
const { server, url } = await serveDist();
const browser = await launchChromium();
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, locale: "en-GB" });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url);
    await waitForDocument(page, "erp-rollout.pilote.ron");
    times.push(performance.now() - started);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`runs: ${runs}`);
console.log(`startup_ms_median: ${median.toFixed(0)}`);
console.log(`startup_ms_min: ${times[0].toFixed(0)}`);
console.log(`startup_ms_max: ${times[times.length - 1].toFixed(0)}`);
