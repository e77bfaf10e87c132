// Browser tests of the web UI: a real `isms` binary on a free loopback port,
// driven by Playwright (playwright-core only) through Debian's chromium.
//
//   node tests/e2e/run.mjs /path/to/isms
//
// Flows: sign in (a failed attempt first), see the login history on the first
// screen, create an org, decide SoA rows one by one and in bulk (with a
// validation error on the way), download the xlsx and check it is one, create a
// risk from an ENISA threat on an asset, select a control (the SoA follows), read
// the heat map, add an overdue treatment item (the dashboard shows it), accept
// the residual risk, delete a risk, switch the language ja <-> en, turn on TOTP
// and sign in with it, visit every main page. A screenshot of each main page
// goes to tests/e2e/screenshots/.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, PASSWORD, check, collectPageErrors, launchChromium, runMain, screenshot, startIsms, step, stopIsms } from './lib.mjs';

const ORG_NAME = 'Example Cloud KK';
const ORG = 'example-cloud-kk';
const RISK_TITLE = 'バックアップのベンダーロックイン';
const RISK_ASSET = '顧客データベース';
const OVERDUE_ACTION = 'バックアップを標準形式でも取得する';
const EXPIRED_ASSET = '旧契約書（紙）';
const AUDITOR = 'kansa';
const AUDITOR_PASSWORD = 'e2e-Auditor-2024!';

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

async function login(page, base, password) {
    await page.goto(`${base}/login`);
    await page.fill('#name', ADMIN);
    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
}

async function main() {
    const server = await startIsms('isms-e2e-');
    const { dir, url: base } = server;
    const browser = await launchChromium();
    // A Japanese browser: the UI must come up in Japanese without being asked.
    const context = await browser.newContext({ locale: 'ja-JP', acceptDownloads: true, viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    // Refused logins and invalid forms answer 4xx on purpose; anything else logged is a bug.
    const pageErrors = collectPageErrors(page, /(400|401)/);
    let totpSecret = null;
    let riskPath = null;
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
            await screenshot(page, 'login');
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
            await screenshot(page, 'home');
        });

        await step('an administrator creates an organization', async () => {
            await page.goto(`${base}/orgs`);
            await page.fill('#org-name', ORG_NAME);
            await page.selectOption('#org-role', 'csp');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=org-form] button[type=submit]')]);
            check(new URL(page.url()).pathname === `/orgs/${ORG}`, `after create at ${page.url()}`);
            check((await page.textContent('h1')).includes(ORG_NAME), 'dashboard lacks the org name');
            await screenshot(page, 'dashboard');
            await page.goto(`${base}/orgs`);
            await screenshot(page, 'orgs');
        });

        await step('each SoA row links to its own control', async () => {
            await page.goto(`${base}/orgs/${ORG}/soa`);
            for (const id of ['A.5.1', 'A.8.28', 'CLD.6.3.1']) {
                const href = await page.getAttribute(`tr[id="${id}"] [data-testid=soa-edit]`, 'href');
                check(href === `/orgs/${ORG}/soa/${id}`, `edit link of ${id} is ${href}`);
            }
            await Promise.all([page.waitForNavigation(), page.click('tr[id="A.5.23"] [data-testid=soa-id-link]')]);
            check(new URL(page.url()).pathname === `/orgs/${ORG}/soa/A.5.23`, `the id link opened ${page.url()}`);
            check((await page.textContent('h1')).includes('5.23'), 'the control page does not show A.5.23');
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
            check((await page.textContent('[data-testid=error]')).includes('除外した理由'), 'error not translated');
            check(await page.isChecked('input[name=control][value="A.7.4"]'), 'selection lost');
        });

        await step('bulk decide excludes several undecided controls at once', async () => {
            await page.goto(`${base}/orgs/${ORG}/soa?status=undecided&q=A.7`);
            for (const id of ['A.7.4', 'A.7.5', 'A.7.6']) await page.check(`input[name=control][value="${id}"]`);
            await page.check('[data-testid=bulk-form] input[name=applicability][value=excluded]');
            await page.fill('#exclusion', 'no premises in scope (cloud only)');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=bulk-submit]')]);
            const back = new URL(page.url());
            check(back.searchParams.get('status') === 'undecided' && back.searchParams.get('q') === 'A.7',
                  `the bulk decision left the filtered view: ${page.url()}`);
            check(await page.inputValue('#q') === 'A.7', 'the search box lost the filter');
            const decided = await page.textContent('[data-testid=decided]');
            check(decided.trim().startsWith('4 /'), `expected 4 decided, got "${decided}"`);
            check((await page.locator('tr[id="A.7.4"]').count()) === 0, 'undecided filter still shows A.7.4');
            await page.goto(`${base}/orgs/${ORG}/soa`);
            check((await page.textContent('tr[id="A.7.5"]')).includes('除外'), 'A.7.5 not excluded');
            await screenshot(page, 'soa');
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

        await step('a risk is created from an ENISA threat on an information asset', async () => {
            // The asset comes from the API (the asset forms have their own test, registers.mjs).
            const session = await (await page.request.get(`${base}/api/session`)).json();
            const created = await page.request.post(`${base}/api/orgs/${ORG}/assets`, {
                headers: { 'X-CSRF-Token': session.csrf },
                data: { name: RISK_ASSET, type: 'information', owner: '情報システム部', classification: 'confidential',
                    confidentiality: 3, integrity: 3, availability: 2 },
            });
            check(created.status() === 201, `asset create: ${created.status()} ${await created.text()}`);
            const expired = await page.request.post(`${base}/api/orgs/${ORG}/assets`, {
                headers: { 'X-CSRF-Token': session.csrf },
                data: { name: EXPIRED_ASSET, type: 'paper', owner: '総務部', classification: 'internal',
                    confidentiality: 2, integrity: 1, availability: 1, retention_period: '1y',
                    retention_basis: 'fixed_date', retention_basis_date: '2024-01-01' },
            });
            check(expired.status() === 201, `asset create: ${expired.status()} ${await expired.text()}`);
            await page.goto(`${base}/orgs/${ORG}/risks`);
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=new-risk]')]);
            await page.fill('#title', RISK_TITLE);
            await page.selectOption('#threat', 'enisa:R1');
            await page.fill('#event', 'バックアップが事業者独自形式で他へ移せない');
            await page.fill('#consequence', '事業者の撤退時に顧客データを復元できない');
            await page.selectOption('#assets', { label: RISK_ASSET });
            await page.selectOption('#likelihood', '3');
            await page.selectOption('#impact', '4');
            await page.selectOption('#treatment', 'modify');
            await page.selectOption('#residual_likelihood', '2');
            await page.selectOption('#residual_impact', '3');
            const labels = await page.locator('#likelihood option').allTextContents();
            check(labels.length === 5 && labels.every((l) => / · \S/.test(l)), `likelihood not labelled: ${labels}`);
            await screenshot(page, 'risk-form');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=save-risk]')]);
            check(/\/risks\/\d+$/.test(new URL(page.url()).pathname), `after save at ${page.url()}`);
            riskPath = new URL(page.url()).pathname;
            check((await page.textContent('[data-testid=level]')).trim() === '7 · 高', 'level is not 7 (high)');
            check((await page.textContent('[data-testid=residual-level]')).trim() === '5 · 中', 'residual is not 5 (medium)');
            check((await page.textContent('[data-testid=risk-assets]')).includes(RISK_ASSET), 'asset not shown');
            check((await page.textContent('[data-testid=assessment]')).includes('ロックイン'), 'threat name not shown');
        });

        await step('a risk form without the required choices comes back with the error and the input', async () => {
            await page.goto(`${base}/orgs/${ORG}/risks/new`);
            await page.fill('#title', '残留リスクが片方だけ');
            await page.selectOption('#residual_likelihood', '1');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=save-risk]')]);
            check(await page.isVisible('[data-testid=error]'), 'no error shown');
            check((await page.textContent('[data-testid=error]')).includes('残留リスクの結果'), 'error not translated');
            check((await page.inputValue('#title')) === '残留リスクが片方だけ', 'title lost');
            check((await page.inputValue('#residual_likelihood')) === '1', 'residual likelihood lost');
        });

        await step('selecting control A.5.23 makes it applicable in the SoA with the risk as justification', async () => {
            await page.goto(`${base}${riskPath}`);
            await page.selectOption('#control', 'A.5.23');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=add-control] button')]);
            check((await page.textContent('[role=status]')).includes('適用宣言書'), 'no SoA notice');
            check((await page.textContent('[data-testid=controls]')).includes('A.5.23'), 'control not listed');
            await page.goto(`${base}/orgs/${ORG}/soa/A.5.23`);
            check(await page.isChecked('input[name=applicability][value=applicable]'), 'A.5.23 not applicable');
            check(await page.isChecked('input[name=basis][value=risk]'), 'risk basis not set');
            const id = riskPath.split('/').pop();
            const why = await page.inputValue('#justification');
            check(why.includes(`risk #${id}: ${RISK_TITLE}`), `justification is "${why}"`);
        });

        await step('the heat map counts the risk in its cell, inherent and residual', async () => {
            // Cells come row by row from the highest likelihood (4) down, impact 0..4 across.
            const counts = async () => page.locator('[data-testid=heatmap] svg text[font-size="18"]').allTextContents();
            await page.goto(`${base}/orgs/${ORG}/risks`);
            let cells = await counts();
            check(cells.length === 25, `expected 25 cells, got ${cells.length}`);
            check(cells[(4 - 3) * 5 + 4] === '1' && cells.filter((c) => c !== '0').length === 1, `inherent cells ${cells}`);
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=view-residual]')]);
            cells = await counts();
            check(cells[(4 - 2) * 5 + 3] === '1' && cells.filter((c) => c !== '0').length === 1, `residual cells ${cells}`);
            await page.goto(`${base}/orgs/${ORG}/risks?band=low`);
            check((await page.locator('[data-testid=risk-link]').count()) === 0, 'band filter shows a high risk as low');
            await page.goto(`${base}/orgs/${ORG}/risks?band=high&q=${encodeURIComponent('ロックイン')}`);
            check((await page.locator('[data-testid=risk-link]').count()) === 1, 'band + title filter misses the risk');
        });

        await step('a treatment item past its due date shows as overdue on the dashboard', async () => {
            await page.goto(`${base}${riskPath}`);
            await page.fill('#item-action', OVERDUE_ACTION);
            await page.fill('#item-owner', '運用課 佐藤');
            await page.fill('#item-due', '2024-03-31');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=add-item] button[type=submit]')]);
            const plan = await page.textContent('[data-testid=plan]');
            check(plan.includes(OVERDUE_ACTION) && plan.includes('期限超過'), `plan row not overdue: ${plan}`);
            await page.goto(`${base}/orgs/${ORG}`);
            const overdue = await page.textContent('[data-testid=overdue]');
            check(overdue.includes(OVERDUE_ACTION) && overdue.includes('運用課 佐藤') && overdue.includes('2024-03-31'),
                `dashboard overdue: ${overdue}`);
            check((await page.textContent('[data-testid=bands-inherent] a[data-band=high]')).trim() === '1', 'high count');
            check((await page.textContent('[data-testid=bands-residual] a[data-band=medium]')).trim() === '1', 'residual medium count');
            check((await page.textContent('[data-testid=awaiting]')).includes(RISK_TITLE), 'risk not awaiting acceptance');
            const deletions = await page.textContent('[data-testid=deletions]');
            check(deletions.includes(EXPIRED_ASSET) && deletions.includes('2025-01-01'), `deletions: ${deletions}`);
            check(!deletions.includes(RISK_ASSET), 'an asset without a deletion date is listed');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=bands-inherent] a[data-band=high]')]);
            check((await page.locator('[data-testid=risk-link]').count()) === 1, 'the band link does not list the risk');
        });

        await step('the risk owner accepts the residual risk with a comment and a confirmation; who, when, the level and the overdue item are recorded', async () => {
            await page.goto(`${base}${riskPath}`);
            // The plan has an overdue item: the page warns before the acceptance.
            check(await page.isVisible('[data-testid=overdue-warning]'), 'no warning about the overdue item');
            await page.fill('#accept-comment', '四半期ごとの見直しを条件に受容');
            // Without the confirmation the browser does not send the form.
            await page.click('[data-testid=accept-risk]');
            check(new URL(page.url()).pathname === riskPath && !new URL(page.url()).search.includes('accepted'),
                  'accepted without the confirmation');
            await page.check('[data-testid=accept-confirm]');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=accept-risk]')]);
            check((await page.textContent('[data-testid=acceptance-comment]')).includes('四半期ごとの見直しを条件に受容'),
                  'the comment is not shown');
            check((await page.textContent('[data-testid=acceptance-overdue]')).includes('1'),
                  'the overdue item at acceptance is not recorded');
            const text = await page.textContent('[data-testid=acceptance]');
            check(text.includes('残留リスクのレベル'), `the accepted level is not shown: ${text}`);
            // In Japanese, in Asia/Tokyo: 「2026年12月3日 16:12」, never an ISO timestamp.
            check(text.includes('受容済') && text.includes('Administrator') && /\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/.test(text),
                `acceptance not recorded: ${text}`);
            check(!/\d{4}-\d\d-\d\dT|UTC/.test(text), `a raw UTC time on a Japanese page: ${text}`);
            const tokyoHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', hourCycle: 'h23' }).format(new Date());
            check(text.includes(` ${tokyoHour}:`), `not Tokyo time (hour ${tokyoHour}): ${text}`);
            check((await page.locator('[data-testid=accept-risk]').count()) === 0, 'accept button still shown');
            await screenshot(page, 'risk');
            await page.goto(`${base}/orgs/${ORG}`);
            check(!(await page.textContent('[data-testid=awaiting]')).includes(RISK_TITLE), 'still awaiting acceptance');
            await screenshot(page, 'dashboard');
        });

        await step('an auditor sees the risk without edit controls, and the server refuses the writes', async () => {
            const session = await (await page.request.get(`${base}/api/session`)).json();
            const headers = { 'X-CSRF-Token': session.csrf };
            let r = await page.request.post(`${base}/api/users`, { headers, data: { name: AUDITOR, password: AUDITOR_PASSWORD, display_name: '監査 太郎' } });
            check(r.status() === 201, `user create: ${r.status()} ${await r.text()}`);
            r = await page.request.put(`${base}/api/orgs/${ORG}/members/${AUDITOR}`, { headers, data: { role: 'auditor' } });
            check(r.ok(), `membership: ${r.status()} ${await r.text()}`);
            const auditorContext = await browser.newContext({ locale: 'ja-JP' });
            const auditor = await auditorContext.newPage();
            try {
                await auditor.goto(`${base}/login`);
                await auditor.fill('#name', AUDITOR);
                await auditor.fill('#password', AUDITOR_PASSWORD);
                await Promise.all([auditor.waitForNavigation(), auditor.click('form[action="/login"] button[type=submit]')]);
                await auditor.goto(`${base}${riskPath}`);
                check((await auditor.textContent('h1')).includes(RISK_TITLE), 'auditor cannot read the risk');
                for (const sel of ['[data-testid=edit-risk]', '[data-testid=delete-risk]', '[data-testid=add-control]',
                    '[data-testid=add-item]', '[data-testid=item-done]', '[data-testid=accept-risk]']) {
                    check((await auditor.locator(sel).count()) === 0, `auditor sees ${sel}`);
                }
                await auditor.goto(`${base}/orgs/${ORG}/risks`);
                check((await auditor.locator('[data-testid=new-risk]').count()) === 0, 'auditor sees "new risk"');
                check((await auditor.request.get(`${base}/orgs/${ORG}/risks/new`)).status() === 403, 'auditor opens the new-risk form');
                const own = await (await auditor.request.get(`${base}/api/session`)).json();
                const refused = await auditor.request.post(`${base}${riskPath}/controls`, {
                    form: { csrf: own.csrf, op: 'remove', control: 'A.5.23' } });
                check(refused.status() === 403, `auditor write answered ${refused.status()}`);
            } finally {
                await auditorContext.close();
            }
            await page.goto(`${base}${riskPath}`);
            check((await page.textContent('[data-testid=controls]')).includes('A.5.23'), 'the refused write changed the risk');
        });

        await step('a risk is deleted after a confirmation page', async () => {
            await page.goto(`${base}/orgs/${ORG}/risks/new`);
            await page.fill('#title', '削除するリスク');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=save-risk]')]);
            const path = new URL(page.url()).pathname;
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=delete-risk]')]);
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=confirm-delete]')]);
            check(new URL(page.url()).pathname === `/orgs/${ORG}/risks`, `after delete at ${page.url()}`);
            check((await page.request.get(`${base}${path}`)).status() === 404, 'deleted risk still found');
            check((await page.textContent('[role=status]')).includes('削除しました'), 'no deletion notice');
        });

        await step('on the jp-atv-3 matrix the form asks for vulnerability too, and an edit recomputes the level', async () => {
            const session = await (await page.request.get(`${base}/api/session`)).json();
            const use = async (key) => {
                const r = await page.request.put(`${base}/api/orgs/${ORG}/risk-matrix`, { headers: { 'X-CSRF-Token': session.csrf }, data: { use: key } });
                check(r.ok(), `matrix ${key}: ${r.status()} ${await r.text()}`);
            };
            await use('jp-atv-3');
            try {
                await page.goto(`${base}/orgs/${ORG}/risks/new`);
                check((await page.locator('#vulnerability option').count()) === 3, 'no vulnerability select of 3 values');
                await page.fill('#title', '委託先からの情報漏えい');
                await page.selectOption('#impact', '3');
                await page.selectOption('#likelihood', '2');
                await page.selectOption('#vulnerability', '2');
                await Promise.all([page.waitForNavigation(), page.click('[data-testid=save-risk]')]);
                check((await page.textContent('[data-testid=level]')).trim() === '12 · 高', 'ATV level is not 3 x 2 x 2 = 12');
                await Promise.all([page.waitForNavigation(), page.click('[data-testid=edit-risk]')]);
                check((await page.inputValue('#title')) === '委託先からの情報漏えい', 'edit form not filled');
                check((await page.inputValue('#vulnerability')) === '2', 'vulnerability not kept in the edit form');
                await page.selectOption('#vulnerability', '1');
                await Promise.all([page.waitForNavigation(), page.click('[data-testid=save-risk]')]);
                check((await page.textContent('[data-testid=level]')).trim() === '6 · 中', 'edited level is not 6 (medium)');
                await page.goto(`${base}/orgs/${ORG}/risks`);
                // One 3 x 3 grid per vulnerability value (1, 2, 3); the risk: vulnerability 1, likelihood 2, impact 3.
                const cells = await page.locator('[data-testid=heatmap] svg text[font-size="18"]').allTextContents();
                check(cells.length === 27 && cells[(3 - 2) * 3 + (3 - 1)] === '1' && cells.filter((c) => c !== '0').length === 1,
                    `ATV cells ${cells}`);
                check((await page.textContent('.heatmap')).includes('別のリスクマトリクスで評価したリスク: 1'), 'the 5x5 risk is not reported');
            } finally {
                await use('iso27005-5x5');
            }
        });

        await step('the language switches to English and back to Japanese', async () => {
            await page.goto(`${base}/orgs/${ORG}/soa`);
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=lang-switch]')]);
            check((await page.getAttribute('html', 'lang')) === 'en', 'html lang is not en');
            check((await page.textContent('h1')).includes('Statement of Applicability'), 'heading not English');
            check(new URL(page.url()).pathname === `/orgs/${ORG}/soa`, 'switch left the page');
            await screenshot(page, 'soa-en');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=lang-switch]')]);
            check((await page.textContent('h1')).includes('適用宣言書'), 'heading not Japanese again');
        });

        await step('the catalogs browser searches both languages and shows the 2013 mapping', async () => {
            await page.goto(`${base}/catalogs`);
            await screenshot(page, 'catalogs');
            await page.goto(`${base}/catalogs/iso27001-2022?q=${encodeURIComponent('クラウド')}`);
            let text = await page.textContent('[data-testid=controls]');
            check(text.includes('5.23'), 'Japanese search misses 5.23');
            await page.goto(`${base}/catalogs/iso27001-2022?q=threat%20INTELLIGENCE`);
            text = await page.textContent('[data-testid=controls]');
            check(text.includes('5.7') && (await page.locator('[data-testid=controls] tbody tr').count()) === 1,
                'English search is not case-insensitive or not exact');
            await screenshot(page, 'catalog');
            await page.goto(`${base}/catalogs/mapping`);
            text = await page.textContent('[data-testid=mapping]');
            check(text.includes('12.1.2') && text.includes('8.32'), 'mapping lacks 12.1.2 -> 8.32');
            await screenshot(page, 'mapping');
        });

        await step('the other main pages render', async () => {
            for (const [name, url] of [['assets', `/orgs/${ORG}/assets`], ['risks', `/orgs/${ORG}/risks`],
                ['cloud-services', `/orgs/${ORG}/cloud-services`], ['logins', '/account/logins']]) {
                const response = await page.goto(`${base}${url}`);
                check(response.status() === 200, `${url}: status ${response.status()}`);
                await screenshot(page, name);
            }
        });

        await step('TOTP enrolment shows the otpauth URI, then recovery codes once', async () => {
            await page.goto(`${base}/account`);
            await screenshot(page, 'account');
            await Promise.all([page.waitForNavigation(), page.click('form:has(input[value=totp_begin]) button')]);
            const uri = await page.textContent('[data-testid=totp-uri]');
            check(uri.startsWith('otpauth://totp/'), `bad URI ${uri}`);
            totpSecret = (await page.textContent('[data-testid=totp-secret]')).trim();
            const qr = await page.getAttribute('[data-testid=totp-qr]', 'src');
            check(qr.startsWith('data:image/svg+xml;base64,'), `no QR image: ${qr && qr.slice(0, 40)}`);
            const svg = Buffer.from(qr.split(',')[1], 'base64').toString('utf8');
            check(svg.startsWith('<svg') && svg.includes('<path'), 'the QR image is not an SVG code');
            check(await page.evaluate(() => document.querySelector('[data-testid=totp-qr]').naturalWidth > 0),
                  'the browser did not draw the QR code');
            await screenshot(page, 'totp-enrolment');
            // One wrong code keeps the enrolment and its key (the app already has it).
            const right = totp(totpSecret);
            await page.fill('#code', String((Number(right) + 1) % 1000000).padStart(6, '0'));
            await Promise.all([page.waitForNavigation(), page.click('form:has(input[value=totp_confirm]) button')]);
            check(await page.isVisible('[data-testid=error]'), 'a wrong code was not refused');
            check((await page.textContent('[data-testid=totp-secret]')).trim() === totpSecret,
                  'a wrong code changed the key');
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
            await screenshot(page, 'mfa');
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
    await stopIsms(server);
}

runMain(main);
