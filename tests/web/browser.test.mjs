// Pilote's web build in a real browser: Debian's Chromium, headless, driven by playwright-core.
// Run by scripts/web-test.sh (from scripts/check.sh) after scripts/build-web.sh built dist/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { dist, launchChromium, root, serveDist, waitForDocument } from "./harness.mjs";

const artifacts = path.join(root, "tests/artifacts");
let base;
let server;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, "index.html")), "build dist/ first (scripts/build-web.sh)");
  fs.mkdirSync(artifacts, { recursive: true });
  ({ server, url: base } = await serveDist());
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/** A fresh browser profile (empty local storage) with console errors collected. */
async function openPage(url = base) {
  // An English browser whatever the machine's locale: a first start speaks the browser's language,
  // and the test waits for the English sample.
  const context = await browser.newContext({
    viewport: { width: 1400, height: 860 },
    acceptDownloads: true,
    locale: "en-GB",
  });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  const started = Date.now();
  await page.goto(url);
  return { context, page, errors, started };
}

/**
 * File ▸ Open… by the mouse (egui draws the menu on the canvas, at these positions for this
 * window size). Retried: on a loaded machine the first frames can lag behind the clicks.
 */
async function openFileChooser(page) {
  for (let attempt = 1; ; attempt++) {
    const shown = page.waitForEvent("filechooser", { timeout: 5_000 });
    await page.mouse.click(700, 845);
    await page.waitForTimeout(300);
    await page.mouse.click(19, 12);
    await page.waitForTimeout(600);
    await page.mouse.click(40, 62);
    try {
      return await shown;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.keyboard.press("Escape");
      await page.waitForTimeout(500);
    }
  }
}

/** Decodes an 8-bit RGB(A) PNG (what Chromium writes) and counts its distinct colours. */
function distinctColours(png) {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const byte = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let value = byte;
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = value & 0xff;
    }
  }
  const colours = new Set();
  for (let i = 0; i < pixels.length; i += channels) {
    colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
  }
  return colours.size;
}

test("the sample opens with no console error and the canvas is drawn", async () => {
  const { context, page, errors, started } = await openPage();
  await waitForDocument(page, "erp-rollout.pilote.ron");
  const startupMs = Date.now() - started;
  console.log(`startup_ms: ${startupMs}`);
  fs.writeFileSync(path.join(artifacts, "web-startup.txt"), `startup_ms: ${startupMs}\n`);
  await page.waitForFunction(() => !document.getElementById("loading"), null, { timeout: 10_000 });
  await page.waitForTimeout(500);
  const shot = await page.screenshot({ path: path.join(artifacts, "web-task-plan.png") });
  assert.ok(distinctColours(shot) > 50, "the canvas shows more than a blank background");
  assert.equal(new URL(page.url()).hash, "#tasks");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the URL fragment and the keyboard switch views, the dashboard draws", async () => {
  const { context, page, errors } = await openPage();
  await waitForDocument(page, "erp-rollout.pilote.ron");
  await page.waitForTimeout(300);
  const tasks = await page.screenshot();
  await page.mouse.click(700, 845); // the status bar: gives the canvas the keyboard
  await page.keyboard.press("Control+3");
  await page.waitForFunction(() => location.hash === "#workload", null, { timeout: 10_000 });
  await page.waitForTimeout(500);
  const workload = await page.screenshot({ path: path.join(artifacts, "web-workload.png") });
  assert.ok(distinctColours(workload) > 50, "the heatmap is drawn");
  await page.keyboard.press("Control+4");
  await page.waitForFunction(() => location.hash === "#dashboard", null, { timeout: 10_000 });
  await page.waitForTimeout(500);
  const dashboard = await page.screenshot({ path: path.join(artifacts, "web-dashboard.png") });
  assert.notDeepEqual(dashboard, tasks, "the dashboard is drawn");
  assert.ok(distinctColours(dashboard) > 50, "the dashboard's charts and tiles are drawn");
  await page.keyboard.press("Control+5");
  await page.waitForFunction(() => location.hash === "#project", null, { timeout: 10_000 });
  await page.waitForTimeout(300);
  const project = await page.screenshot({ path: path.join(artifacts, "web-project.png") });
  assert.notDeepEqual(project, tasks, "the project view is drawn");
  // A link can point at a view.
  const linked = await context.newPage();
  await linked.goto(`${base}#project`);
  await waitForDocument(linked, "erp-rollout.pilote.ron");
  await linked.waitForTimeout(300);
  assert.equal(new URL(linked.url()).hash, "#project");
  await page.keyboard.press("Control+1");
  await page.waitForFunction(() => location.hash === "#tasks", null, { timeout: 10_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a project opens through the browser's file picker, autosaves, and is offered back", async () => {
  const { context, page, errors } = await openPage();
  await waitForDocument(page, "erp-rollout.pilote.ron");
  // File ▸ Open… (the menu as laid out at this window size). A click is a user gesture, so
  // rfd opens the browser's own file chooser straight away.
  const chooser = await openFileChooser(page);
  await chooser.setFiles(path.join(root, "tests/data/minimal.pilote.ron"));
  await waitForDocument(page, "minimal.pilote.ron");
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, "web-opened.png") });

  // Save downloads the file.
  await page.mouse.click(700, 845);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+s")]);
  assert.equal(download.suggestedFilename(), "minimal.pilote.ron");
  const saved = fs.readFileSync(await download.path(), "utf8");
  assert.match(saved, /^\(\n  format_version: 1,/);
  assert.match(saved, /name: "Intranet redesign"/);

  // Leaving the page autosaves; the next visit offers the document back.
  await page.reload();
  await page.waitForFunction(() => localStorage.getItem("pilote.autosave.name") !== null, null, {
    timeout: 10_000,
  });
  assert.equal(await page.evaluate(() => localStorage.getItem("pilote.autosave.name")), "minimal.pilote.ron");
  await waitForDocument(page, "erp-rollout.pilote.ron");
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, "web-restore-offer.png") });
  await page.mouse.click(700, 400); // on the prompt itself (a click outside would dismiss it)
  await page.keyboard.press("Enter"); // the prompt's default answer: restore
  await waitForDocument(page, "minimal.pilote.ron");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a project file dropped on the page opens", async () => {
  const { context, page, errors } = await openPage();
  await waitForDocument(page, "erp-rollout.pilote.ron");
  const text = fs.readFileSync(path.join(root, "tests/data/minimal.pilote.ron"), "utf8");
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], "dropped.pilote.ron", { type: "application/octet-stream" }));
    const canvas = document.getElementById("pilote_canvas");
    for (const type of ["dragenter", "dragover", "drop"]) {
      canvas.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, text);
  await waitForDocument(page, "dropped.pilote.ron");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the Gantt chart draws in the browser and a bar's double-click opens the task editor", async () => {
  const { context, page, errors } = await openPage(`${base}#gantt`);
  await waitForDocument(page, "erp-rollout.pilote.ron");
  await page.waitForFunction(() => !document.getElementById("loading"), null, { timeout: 10_000 });
  await page.waitForTimeout(500);
  const before = await page.screenshot({ path: path.join(artifacts, "web-gantt.png") });
  assert.equal(new URL(page.url()).hash, "#gantt");
  assert.ok(distinctColours(before) > 50, "the chart's bars, scale and list are drawn");
  // Row 1's bar (the "Framing" phase) starts at the left of the fitted timeline, on the
  // first row: a double-click on it opens Task information over the chart.
  const row1 = { x: 740, y: 138 };
  await page.mouse.dblclick(row1.x, row1.y);
  await page.waitForTimeout(500);
  const editor = await page.screenshot({ path: path.join(artifacts, "web-gantt-editor.png") });
  assert.notDeepEqual(editor, before, "the task editor is drawn over the chart");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the risk analysis runs in the browser, between frames, and draws its results", async () => {
  const { context, page, errors } = await openPage(`${base}#risk-analysis`);
  await waitForDocument(page, "erp-rollout.pilote.ron");
  await page.waitForFunction(() => !document.getElementById("loading"), null, { timeout: 10_000 });
  await page.waitForTimeout(500);
  const before = await page.screenshot({ path: path.join(artifacts, "web-risk-before.png") });
  assert.equal(new URL(page.url()).hash, "#risk-analysis");
  // "Run analysis", right of the options (where egui draws it for this window size).
  await page.mouse.click(855, 67);
  // 10,000 iterations run a few blocks per frame: the progress bar first, then the tiles and
  // charts, whose anti-aliased curves and bars bring hundreds of colours the table has not.
  await page.waitForTimeout(300);
  const running = await page.screenshot({ path: path.join(artifacts, "web-risk-running.png") });
  assert.notDeepEqual(running, before, "the progress bar replaces the Run button");
  // Done when the picture stops changing (the progress bar moves until then).
  let after = running;
  for (let k = 0; k < 120; k++) {
    await page.waitForTimeout(500);
    const next = await page.screenshot();
    const settled = Buffer.compare(next, after) === 0;
    after = next;
    if (settled && k > 0) break;
  }
  fs.writeFileSync(path.join(artifacts, "web-risk-analysis.png"), after);
  const [b, r, a] = [before, running, after].map(distinctColours);
  console.log(`distinct colours: before ${b}, running ${r}, done ${a}`);
  assert.ok(a >= b + 200, `the tiles, histograms and tornado are drawn (${b} → ${a} colours)`);
  assert.deepEqual(errors, []);
  await context.close();
});
