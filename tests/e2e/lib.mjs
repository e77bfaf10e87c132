// The harness the browser tests share (run.mjs, registers.mjs): TAP-style steps,
// a real `isms` binary serving a fresh database on a free loopback port, and
// Debian's chromium driven by Playwright (playwright-core).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const binary = path.resolve(process.argv[2] || path.join(here, '../../build/isms'));
const START_TIMEOUT_MS = 20000;

export const shots = path.join(here, 'screenshots');
export const ADMIN = 'admin';
export const PASSWORD = 'e2e-Password-2024!';

let passed = 0;
let failed = 0;

export function check(condition, message) {
    if (!condition) throw new Error(message);
}

export async function step(name, fn) {
    try {
        await fn();
        passed++;
        console.log(`ok ${passed + failed} - ${name}`);
    } catch (err) {
        failed++;
        console.log(`not ok ${passed + failed} - ${name}\n  ${String(err.stack || err).split('\n').join('\n  ')}`);
    }
}

export async function screenshot(page, name) {
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

function initDatabase(db) {
    const run = spawnSync(binary, ['init', '--db', db], {
        env: { ...process.env, ISMS_ADMIN_PASSWORD: PASSWORD },
        encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`isms init failed: ${run.stderr}${run.stdout}`);
}

function startServer(db) {
    const child = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--threads', '2'], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), START_TIMEOUT_MS);
        let out = '';
        child.stdout.on('data', (d) => {
            out += d;
            const m = /listening on (http:\/\/\S+)/.exec(out);
            if (m) {
                clearTimeout(timer);
                resolve({ child, url: m[1], log: () => stderr });
            }
        });
        child.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`server exited with ${code}: ${stderr}`));
        });
    });
}

// A fresh database in a temporary directory named after tmpPrefix, served by
// the binary under test; returns { dir, url, child, log }.
export async function startIsms(tmpPrefix) {
    fs.mkdirSync(shots, { recursive: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
    const db = path.join(dir, 'isms.db');
    initDatabase(db);
    return { dir, ...(await startServer(db)) };
}

export function launchChromium() {
    return chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
}

// Collects script errors and console errors of the page; a failed load with
// one of the expected statuses (e.g. /(400|401)/: answered 4xx on purpose) is
// not one.
export function collectPageErrors(page, expectedStatuses) {
    const errors = [];
    const expected = new RegExp(`^Failed to load resource: .* ${expectedStatuses.source}`);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
        if (m.type() === 'error' && !expected.test(m.text())) errors.push(m.text());
    });
    return errors;
}

// Under ASan the server reports leaks and errors when it exits.
export async function stopIsms(server) {
    await step('the server stops cleanly (no sanitizer report)', async () => {
        const exited = new Promise((resolve) => server.child.on('exit', (code, signal) => resolve({ code, signal })));
        server.child.kill('SIGTERM');
        const { code, signal } = await exited;
        check(code === 0, `server exit code ${code} signal ${signal}\n${server.log()}`);
        check(!/Sanitizer|runtime error/.test(server.log()), server.log());
    });
    fs.rmSync(server.dir, { recursive: true, force: true });
}

// Runs the test's main, prints the TAP summary and exits 1 when a step failed
// or main threw.
export function runMain(main) {
    main().then(() => {
        console.log(`${passed} passed, ${failed} failed`);
        process.exit(failed ? 1 : 0);
    }, (err) => {
        console.error(err);
        console.log(`${passed} passed, ${failed + 1} failed`);
        process.exit(1);
    });
}
