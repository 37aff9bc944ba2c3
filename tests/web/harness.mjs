// Shared by the browser test and the start-up benchmark: serve dist/ on 127.0.0.1 and launch
// Debian's Chromium headless with WebGL on SwiftShader.
import { spawn } from "node:child_process";
import path from "node:path";
import { chromium } from "playwright-core";

export const root = path.resolve(import.meta.dirname, "../..");
export const dist = path.join(root, "dist");

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--enable-unsafe-swiftshader",
  "--use-angle=swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Serves dist/ and returns its index URL and the server process. */
export async function serveDist() {
  const port = 8100 + Math.floor(Math.random() * 800);
  const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dist], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}/index.html`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { server, url };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Waits until the app names `file` in the page title: its first frame showing that document. */
export async function waitForDocument(page, file) {
  await page.waitForFunction((f) => document.title.includes(f), file, { timeout: 60_000 });
}
