/**
 * `npm run dashboard:screenshot`: the demo community's health page in a real headless Chromium
 * (Debian's `chromium`; not part of CI), in English and Bahasa Indonesia. Serves each page the demo
 * wrote (`npm run demo` and `npm run demo -- --lang id`; run here when missing) from a local
 * server with the real page's headers, opens it at 390 px wide through the DevTools protocol, and
 * fails on any console error (a CSP violation included), any request outside the page's origin,
 * or a page wider than the screen; then writes `docs/dashboard.png` and `docs/dashboard-id.png`.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DASHBOARD_CSP, defaultDashboardFile } from "./demo/dashboard.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WIDTH = 390;
const SHOTS = [
  { lang: "en", file: "docs/dashboard.png" },
  { lang: "id", file: "docs/dashboard-id.png" },
] as const;

/** Serves one page with the headers GET /dashboard sends. */
function serve(html: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    if (request.url !== "/dashboard") {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": DASHBOARD_CSP,
        "referrer-policy": "no-referrer",
        "cache-control": "no-store",
      })
      .end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

/** Starts Chromium with the DevTools protocol on a free port; resolves its browser WebSocket URL. */
function startChromium(): Promise<{ browser: ChildProcess; ws: string }> {
  const browser = spawn(
    "chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--hide-scrollbars",
      "--remote-debugging-port=0",
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    let seen = "";
    browser.once("error", (e) =>
      reject(new Error(`could not run chromium (apt-get install chromium): ${e.message}`)),
    );
    browser.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match?.[1]) resolve({ browser, ws: match[1] });
    });
  });
}

/** A minimal DevTools protocol client over Node's WebSocket: commands by id, events to a listener. */
async function devtools(url: string, onEvent: (method: string, params: Record<string, unknown>) => void) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let next = 0;
  const waiting = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data));
    if (message.id !== undefined) waiting.get(message.id)?.(message);
    else onEvent(message.method, message.params ?? {});
  };
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (m) =>
        m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result as Record<string, unknown>),
      );
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  return { send, close: () => socket.close() };
}

async function check(lang: string, file: string): Promise<void> {
  const pageFile = join(ROOT, defaultDashboardFile(lang as "en" | "id"));
  if (!existsSync(pageFile)) {
    const demo = spawnSync("npm", ["run", "demo", "--", "--quiet", "--lang", lang], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (demo.status !== 0) throw new Error(`npm run demo --lang ${lang} exited ${demo.status}`);
  }
  const { server, origin } = await serve(readFileSync(pageFile, "utf8"));
  const { browser, ws } = await startChromium();
  const problems: string[] = [];
  let loaded: () => void = () => undefined;
  const load = new Promise<void>((resolve) => {
    loaded = resolve;
  });
  try {
    const cdp = await devtools(ws, (method, params) => {
      if (method === "Page.loadEventFired") loaded();
      if (method === "Runtime.consoleAPICalled" && params.type === "error")
        problems.push(`console error: ${JSON.stringify(params.args)}`);
      if (method === "Runtime.exceptionThrown")
        problems.push(`exception: ${JSON.stringify(params.exceptionDetails)}`);
      if (method === "Log.entryAdded") {
        const entry = params.entry as { level: string; text: string };
        if (entry.level === "error") problems.push(`console error: ${entry.text}`);
      }
      if (method === "Network.requestWillBeSent") {
        const requested = (params.request as { url: string }).url;
        if (!requested.startsWith(`${origin}/`) && !requested.startsWith("data:"))
          problems.push(`request outside the page: ${requested}`);
      }
    });
    const { targetId } = await cdp.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = (await cdp.send("Target.attachToTarget", { targetId, flatten: true })) as {
      sessionId: string;
    };
    for (const domain of ["Page", "Runtime", "Log", "Network"])
      await cdp.send(`${domain}.enable`, {}, sessionId);
    await cdp.send(
      "Emulation.setDeviceMetricsOverride",
      { width: WIDTH, height: 844, deviceScaleFactor: 1, mobile: true },
      sessionId,
    );
    await cdp.send("Page.navigate", { url: `${origin}/dashboard` }, sessionId);
    await load;
    const measured = (await cdp.send(
      "Runtime.evaluate",
      {
        expression:
          "JSON.stringify([document.documentElement.scrollWidth, window.innerWidth, document.documentElement.scrollHeight])",
        returnByValue: true,
      },
      sessionId,
    )) as { result: { value: string } };
    const [scrollWidth, innerWidth, height] = JSON.parse(measured.result.value) as number[];
    if ((scrollWidth ?? 0) > (innerWidth ?? WIDTH))
      problems.push(`horizontal scroll: ${scrollWidth} px wide at ${innerWidth} px`);
    const shot = (await cdp.send(
      "Page.captureScreenshot",
      { format: "png", captureBeyondViewport: true, clip: { x: 0, y: 0, width: WIDTH, height, scale: 1 } },
      sessionId,
    )) as { data: string };
    writeFileSync(join(ROOT, file), Buffer.from(shot.data, "base64"));
    cdp.close();
    if (problems.length > 0) throw new Error(`${lang}: ${problems.join("; ")}`);
    console.log(
      `${lang}: no console error, no request outside ${origin}, ${scrollWidth} px wide at ${WIDTH} px; wrote ${file}`,
    );
  } finally {
    browser.kill("SIGTERM");
    server.close();
  }
}

async function main(): Promise<void> {
  for (const shot of SHOTS) await check(shot.lang, shot.file);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
