// Browser tests of the web UI: a real `isms` binary on a free loopback port,
// driven by Playwright (playwright-core only) through Debian's chromium.
//
//   node tests/e2e/run.mjs /path/to/isms
//
// Flows: sign in (a failed attempt first), see the login history on the first
// screen, create an org, decide SoA rows one by one and in bulk (with a
// validation error on the way), download the xlsx and check it is one, switch
// the language ja <-> en, turn on TOTP and sign in with it, visit every main
// page. A screenshot of each main page goes to tests/e2e/screenshots/.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const binary = path.resolve(process.argv[2] || path.join(here, '../../build/isms'));
const shots = path.join(here, 'screenshots');
const ADMIN = 'admin';
const PASSWORD = 'e2e-Password-2024!';
const ORG_NAME = 'Example Cloud KK';
const ORG = 'example-cloud-kk';
const START_TIMEOUT_MS = 20000;

let passed = 0;
let failed = 0;

function check(condition, message) {
    if (!condition) throw new Error(message);
}

async function step(name, fn) {
    try {
        await fn();
        passed++;
        console.log(`ok ${passed + failed} - ${name}`);
    } catch (err) {
        failed++;
        console.log(`not ok ${passed + failed} - ${name}\n  ${String(err.stack || err).split('\n').join('\n  ')}`);
    }
}

// ------------------------------------------------------------ the server

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

// RFC 6238 TOTP (SHA-1, 30 s, 6 digits) for the enrolment flow.
function totp(secretBase32, offsetSteps = 0) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let bits = '';
    for (const c of secretBase32.replace(/[=\s]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
    const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + offsetSteps));
    const mac = createHmac('sha1', key).update(counter).digest();
    const offset = mac[mac.length - 1] & 0xf;
    return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

// ------------------------------------------------------------- the flows

async function shot(page, name) {
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

async function login(page, base, password) {
    await page.goto(`${base}/login`);
    await page.fill('#name', ADMIN);
    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
}

async function main() {
    fs.mkdirSync(shots, { recursive: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-e2e-'));
    const db = path.join(dir, 'isms.db');
    initDatabase(db);
    const server = await startServer(db);
    const base = server.url;
    const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    // A Japanese browser: the UI must come up in Japanese without being asked.
    const context = await browser.newContext({ locale: 'ja-JP', acceptDownloads: true, viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    // Refused logins and invalid forms answer 4xx on purpose; anything else logged is a bug.
    page.on('console', (m) => {
        if (m.type() === 'error' && !/^Failed to load resource: .* (400|401)/.test(m.text())) pageErrors.push(m.text());
    });
    let totpSecret = null;
    let totpStep = 0;

    try {
        await step('anonymous visitors are sent to the login page, in Japanese', async () => {
            const response = await page.goto(`${base}/`);
            check(response.ok(), `login page status ${response.status()}`);
            check(new URL(page.url()).pathname === '/login', `expected /login, got ${page.url()}`);
            check((await page.getAttribute('html', 'lang')) === 'ja', 'html lang is not ja');
            check((await page.textContent('h1')).includes('ログイン'), 'login heading is not Japanese');
            const csp = response.headers()['content-security-policy'] || '';
            check(csp.includes("frame-ancestors 'none'") && !csp.includes('unsafe-inline'), `weak CSP: ${csp}`);
            await shot(page, 'login');
        });

        await step('a wrong password is refused with a message and the name kept', async () => {
            await login(page, base, 'not-the-password-at-all');
            check(new URL(page.url()).pathname === '/login', 'wrong password was accepted');
            check(await page.isVisible('[data-testid=error]'), 'no error shown');
            check((await page.inputValue('#name')) === ADMIN, 'user name not kept');
        });

        await step('signing in shows the login history on the first screen', async () => {
            await login(page, base, PASSWORD);
            check(new URL(page.url()).pathname === '/', `after login at ${page.url()}`);
            const rows = await page.locator('[data-testid=login-history] tbody tr').count();
            check(rows >= 2, `expected >= 2 login history rows, got ${rows}`);
            const text = await page.textContent('[data-testid=login-history]');
            check(text.includes('ログイン成功') && text.includes('パスワード誤り'), `history lacks the results: ${text}`);
            check(text.includes('127.0.0.1'), 'history lacks the address');
            await shot(page, 'home');
        });

        await step('an administrator creates an organization', async () => {
            await page.goto(`${base}/orgs`);
            await page.fill('#org-name', ORG_NAME);
            await page.selectOption('#org-role', 'csp');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=org-form] button[type=submit]')]);
            check(new URL(page.url()).pathname === `/orgs/${ORG}`, `after create at ${page.url()}`);
            check((await page.textContent('h1')).includes(ORG_NAME), 'dashboard lacks the org name');
            await shot(page, 'dashboard');
            await page.goto(`${base}/orgs`);
            await shot(page, 'orgs');
        });

        await step('one SoA row is decided on its own form', async () => {
            await page.goto(`${base}/orgs/${ORG}/soa/A.5.1`);
            await page.check('input[name=applicability][value=applicable]');
            await page.check('input[name=basis][value=risk]');
            await page.selectOption('#implementation', 'yes');
            await page.fill('#owner', '情報システム部');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=entry-form] button[type=submit]')]);
            check(new URL(page.url()).pathname === `/orgs/${ORG}/soa`, `after save at ${page.url()}`);
            const row = await page.textContent('tr[id="A.5.1"]');
            check(row.includes('適用') && row.includes('情報システム部'), `row not updated: ${row}`);
        });

        await step('a bulk decision without its justification is refused and keeps the selection', async () => {
            await page.goto(`${base}/orgs/${ORG}/soa?status=undecided`);
            await page.check('input[name=control][value="A.7.4"]');
            await page.check('[data-testid=bulk-form] input[name=applicability][value=excluded]');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=bulk-submit]')]);
            check(await page.isVisible('[data-testid=error]'), 'no error shown');
            check((await page.textContent('[data-testid=error]')).includes('除外の理由'), 'error not translated');
            check(await page.isChecked('input[name=control][value="A.7.4"]'), 'selection lost');
        });

        await step('bulk decide excludes several undecided controls at once', async () => {
            await page.goto(`${base}/orgs/${ORG}/soa?status=undecided`);
            for (const id of ['A.7.4', 'A.7.5', 'A.7.6']) await page.check(`input[name=control][value="${id}"]`);
            await page.check('[data-testid=bulk-form] input[name=applicability][value=excluded]');
            await page.fill('#exclusion', 'no premises in scope (cloud only)');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=bulk-submit]')]);
            const decided = await page.textContent('[data-testid=decided]');
            check(decided.trim().startsWith('4 /'), `expected 4 decided, got "${decided}"`);
            check((await page.locator('tr[id="A.7.4"]').count()) === 0, 'undecided filter still shows A.7.4');
            await page.goto(`${base}/orgs/${ORG}/soa`);
            check((await page.textContent('tr[id="A.7.5"]')).includes('除外'), 'A.7.5 not excluded');
            await shot(page, 'soa');
        });

        await step('select-all (JavaScript) ticks every row of the filtered list', async () => {
            await page.goto(`${base}/orgs/${ORG}/soa?status=undecided&q=CLD`);
            await page.check('input.select-all');
            const boxes = page.locator('input[name=control]');
            const n = await boxes.count();
            check(n === 7, `expected the 7 CLD controls, got ${n}`);
            for (let i = 0; i < n; i++) check(await boxes.nth(i).isChecked(), `row ${i} not selected`);
        });

        await step('the SoA downloads as an xlsx workbook', async () => {
            await page.goto(`${base}/orgs/${ORG}/soa`);
            const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
            const file = path.join(dir, 'soa.xlsx');
            await download.saveAs(file);
            const bytes = fs.readFileSync(file);
            check(bytes.length > 4000, `xlsx only ${bytes.length} bytes`);
            check(bytes.subarray(0, 4).toString('binary') === 'PK\x03\x04', 'not a zip file');
            check(bytes.includes(Buffer.from('xl/workbook.xml')), 'zip lacks xl/workbook.xml');
            check(download.suggestedFilename() === `soa-${ORG}.xlsx`, `file name ${download.suggestedFilename()}`);
        });

        await step('the language switches to English and back to Japanese', async () => {
            await page.goto(`${base}/orgs/${ORG}/soa`);
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=lang-switch]')]);
            check((await page.getAttribute('html', 'lang')) === 'en', 'html lang is not en');
            check((await page.textContent('h1')).includes('Statement of Applicability'), 'heading not English');
            check(new URL(page.url()).pathname === `/orgs/${ORG}/soa`, 'switch left the page');
            await shot(page, 'soa-en');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=lang-switch]')]);
            check((await page.textContent('h1')).includes('適用宣言書'), 'heading not Japanese again');
        });

        await step('the catalogs browser searches both languages and shows the 2013 mapping', async () => {
            await page.goto(`${base}/catalogs`);
            await shot(page, 'catalogs');
            await page.goto(`${base}/catalogs/iso27001-2022?q=${encodeURIComponent('クラウド')}`);
            let text = await page.textContent('[data-testid=controls]');
            check(text.includes('5.23'), 'Japanese search misses 5.23');
            await page.goto(`${base}/catalogs/iso27001-2022?q=threat%20INTELLIGENCE`);
            text = await page.textContent('[data-testid=controls]');
            check(text.includes('5.7') && (await page.locator('[data-testid=controls] tbody tr').count()) === 1,
                'English search is not case-insensitive or not exact');
            await shot(page, 'catalog');
            await page.goto(`${base}/catalogs/mapping`);
            text = await page.textContent('[data-testid=mapping]');
            check(text.includes('12.1.2') && text.includes('8.32'), 'mapping lacks 12.1.2 -> 8.32');
            await shot(page, 'mapping');
        });

        await step('the other main pages render', async () => {
            for (const [name, url] of [['assets', `/orgs/${ORG}/assets`], ['risks', `/orgs/${ORG}/risks`],
                ['cloud-services', `/orgs/${ORG}/cloud-services`], ['logins', '/account/logins']]) {
                const response = await page.goto(`${base}${url}`);
                check(response.status() === 200, `${url}: status ${response.status()}`);
                await shot(page, name);
            }
        });

        await step('TOTP enrolment shows the otpauth URI, then recovery codes once', async () => {
            await page.goto(`${base}/account`);
            await shot(page, 'account');
            await Promise.all([page.waitForNavigation(), page.click('form:has(input[value=totp_begin]) button')]);
            const uri = await page.textContent('[data-testid=totp-uri]');
            check(uri.startsWith('otpauth://totp/'), `bad URI ${uri}`);
            totpSecret = (await page.textContent('[data-testid=totp-secret]')).trim();
            totpStep = Math.floor(Date.now() / 30000);
            await page.fill('#code', totp(totpSecret));
            await Promise.all([page.waitForNavigation(), page.click('form:has(input[value=totp_confirm]) button')]);
            const codes = await page.locator('[data-testid=recovery-codes] li').count();
            check(codes === 10, `expected 10 recovery codes, got ${codes}`);
            await page.goto(`${base}/account`);
            check((await page.locator('[data-testid=recovery-codes]').count()) === 0, 'codes shown twice');
        });

        await step('signing in again asks for the TOTP code', async () => {
            await Promise.all([page.waitForNavigation(), page.click('form[action="/logout"] button')]);
            await login(page, base, PASSWORD);
            check(new URL(page.url()).pathname === '/login/mfa', `expected the MFA step, at ${page.url()}`);
            await shot(page, 'mfa');
            await page.goto(`${base}/orgs`);
            check(new URL(page.url()).pathname !== '/orgs', 'a half-signed-in session reached /orgs');
            await page.goto(`${base}/login/mfa`);
            // A code works once: wait for the next 30-second step after enrolment.
            while (Math.floor(Date.now() / 30000) <= totpStep) await new Promise((r) => setTimeout(r, 500));
            await page.fill('#totp', totp(totpSecret));
            await Promise.all([page.waitForNavigation(), page.click('form:has(#totp) button')]);
            check(new URL(page.url()).pathname === '/', `after MFA at ${page.url()}`);
        });

        await step('no script or console errors on any page', async () => {
            check(pageErrors.length === 0, pageErrors.join('\n'));
        });
    } finally {
        await browser.close();
    }
    // Under ASan the server reports leaks and errors when it exits.
    await step('the server stops cleanly (no sanitizer report)', async () => {
        const exited = new Promise((resolve) => server.child.on('exit', (code, signal) => resolve({ code, signal })));
        server.child.kill('SIGTERM');
        const { code, signal } = await exited;
        check(code === 0, `server exit code ${code} signal ${signal}\n${server.log()}`);
        check(!/Sanitizer|runtime error/.test(server.log()), server.log());
    });
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
}

main().catch((err) => {
    console.error(err);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
});
