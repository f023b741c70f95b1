/**
 * A headless Chromium that any number of CDP connections can attach to. When a sandboxed frame's renderer dies,
 * Playwright reports `crash` for the whole page and refuses every later call on it, although the page lives on
 * (stack-notes.md): a spec that must look at the page afterwards attaches a fresh connection and takes the page
 * from there.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { chromium, type Browser, type Page } from 'playwright-core';
import { debianChromium, quietArgs } from './browser.ts';

export interface DebuggableBrowser {
  /** A new CDP connection to the running browser. */
  connect(): Promise<Browser>;
  /** The page whose URL starts with `url`, seen through a new connection. */
  freshPage(url: string): Promise<Page>;
  /** The browser's renderer processes (Linux), largest resident memory first. */
  renderers(): Promise<{ pid: number; rssBytes: number }[]>;
  close(): Promise<void>;
}

export async function launchDebuggableBrowser(): Promise<DebuggableBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'hs-cdp-'));
  const executable = existsSync(debianChromium) ? debianChromium : chromium.executablePath();
  const child = spawn(executable, ['--headless', ...quietArgs, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${await debuggingPort(profile)}`;
  const connections: Browser[] = [];
  const connect = async () => {
    const browser = await chromium.connectOverCDP(endpoint);
    connections.push(browser);
    return browser;
  };
  return {
    connect,
    async freshPage(url) {
      // Just after a renderer's death a new connection may not list every page yet: look again for a few seconds.
      for (let tries = 0; tries < 20; tries++) {
        const browser = await connect();
        const page = browser.contexts().flatMap((context) => context.pages()).find((candidate) => candidate.url().startsWith(url));
        if (page) return page;
        await new Promise((wait) => setTimeout(wait, 500));
      }
      throw new Error(`no page at ${url} in the browser`);
    },
    renderers: () => renderersOf(child.pid ?? -1),
    async close() {
      await Promise.all(connections.map((browser) => browser.close().catch(() => undefined)));
      child.kill();
      if (child.exitCode === null) await once(child, 'exit');
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

/** Chromium writes the port it chose for --remote-debugging-port=0 into the profile folder. */
async function debuggingPort(profile: string): Promise<number> {
  for (let tries = 0; tries < 300; tries++) {
    const text = await readFile(join(profile, 'DevToolsActivePort'), 'utf8').catch(() => '');
    const port = Number(text.split('\n')[0]);
    if (port > 0) return port;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('Chromium did not open its debugging port within 15 s');
}

/** Processes descended from `root` whose command line says they are renderers, read from /proc. */
async function renderersOf(root: number): Promise<{ pid: number; rssBytes: number }[]> {
  const processes = new Map<number, { parent: number; renderer: boolean; rssBytes: number }>();
  for (const name of await readdir('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const [stat, cmdline, status] = await Promise.all(['stat', 'cmdline', 'status'].map((file) => readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '')));
    if (!stat) continue;
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status ?? '')?.[1] ?? 0);
    processes.set(pid, { parent, renderer: (cmdline ?? '').includes('--type=renderer'), rssBytes: rssKb * 1024 });
  }
  const descends = (pid: number): boolean => {
    for (let at = processes.get(pid)?.parent; at !== undefined && at > 1; at = processes.get(at)?.parent) if (at === root) return true;
    return false;
  };
  return [...processes].filter(([pid, info]) => info.renderer && descends(pid)).map(([pid, info]) => ({ pid, rssBytes: info.rssBytes })).sort((a, b) => b.rssBytes - a.rssBytes);
}
