// Browser tests of the registers and administration pages: a real `isms`
// binary on a free loopback port, driven by Playwright (playwright-core)
// through Debian's chromium.
//
//   node tests/e2e/registers.mjs /path/to/isms
//
// Flows: register a cloud service and see its shadow-cloud category and the
// reasons; register an asset on it and see its deletion due date; import a
// CSV with a bad row (every error listed, nothing stored), then a good one
// (rows listed), and one over the size cap (HTML 413); create a user, make them auditor of the org, sign in as
// them: no edit buttons, and a forced POST gets the HTML 403 page. A
// screenshot of each page goes to tests/e2e/screenshots/registers-*.png.
import { ADMIN, PASSWORD, check, collectPageErrors, launchChromium, runMain, screenshot, startIsms, step, stopIsms } from './lib.mjs';

const ORG = 'registers-kk';
const HEADER = '資産名,種別,管理責任者,機密区分,機密性,完全性,可用性,保管場所,クラウドサービス,保存期間,起算日,起算日付\n';

async function shot(page, name) {
    await screenshot(page, `registers-${name}`);
}

async function login(page, base, name, password, landing = '/') {
    await page.goto(`${base}/login`);
    await page.fill('#name', name);
    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
    check(new URL(page.url()).pathname === landing, `${name} not signed in: at ${page.url()}`);
}

async function submit(page, selector) {
    const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
    return response;
}

async function createOrg(page, base, name, role) {
    await page.goto(`${base}/orgs`);
    await page.fill('#org-name', name);
    await page.selectOption('#org-role', role);
    await submit(page, '[data-testid=org-form] button[type=submit]');
}

async function assetCount(page, base) {
    await page.goto(`${base}/orgs/${ORG}/assets`);
    return page.locator('[data-testid=assets] tbody tr[data-asset]').count();
}

async function upload(page, base, name, text) {
    await page.goto(`${base}/orgs/${ORG}/assets/import`);
    await page.setInputFiles('#import-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    return submit(page, '[data-testid=import-form] button[type=submit]');
}

async function main() {
    const server = await startIsms('isms-e2e-registers-');
    const base = server.url;
    const browser = await launchChromium();
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    // Invalid forms and refused actions answer 4xx on purpose; anything else logged is a bug.
    const pageErrors = collectPageErrors(page, /(400|403|404|409)/);
    let auditorPassword = null;

    try {
        await step('an administrator creates a customer org and a provider org', async () => {
            await login(page, base, ADMIN, PASSWORD);
            await createOrg(page, base, 'Registers KK', 'csc');
            check(new URL(page.url()).pathname === `/orgs/${ORG}`, `org not created: ${page.url()}`);
            await createOrg(page, base, 'Example Provider', 'csp');
        });

        await step('a cloud service is registered and judged shadow cloud with its reasons', async () => {
            await page.goto(`${base}/orgs/${ORG}/cloud-services`);
            await submit(page, '[data-testid=new-cloud-service]');
            await page.fill('#c-name', 'Box');
            await page.fill('#c-provider', 'Box, Inc.');
            await page.selectOption('#c-provider-org', { label: 'Example Provider' });
            await page.selectOption('#c-model', 'saas');
            await page.fill('#c-department', '営業部');
            await page.selectOption('#c-managed', 'department');
            await page.selectOption('#c-risk', 'not_done');
            await page.selectOption('#c-purpose', 'within');
            await page.selectOption('#c-cost', 'company');
            await submit(page, '[data-testid=cloud-save]');
            check(/\/cloud-services\/\d+$/.test(new URL(page.url()).pathname), `not on the service: ${page.url()}`);
            const judgement = await page.textContent('[data-testid=judgement]');
            check(judgement.includes('2') && judgement.includes('野良クラウド'), `judgement: ${judgement}`);
            const reasons = await page.locator('[data-testid=reasons] li').count();
            check(reasons === 2, `expected 2 reasons (department-managed, not assessed), got ${reasons}`);
            await shot(page, 'cloud-service');
            await page.goto(`${base}/orgs/${ORG}/cloud-services`);
            const category = await page.textContent('[data-testid=cloud-services] [data-testid=category]');
            check(category.trim().endsWith('2'), `list category: ${category}`);
            check((await page.textContent('[data-testid=cloud-shadow]')).trim() === '1', 'summary lacks the shadow count');
            await shot(page, 'cloud-services');
        });

        await step('a service without its management is refused with the input kept', async () => {
            await page.goto(`${base}/orgs/${ORG}/cloud-services/new`);
            await page.fill('#c-name', 'Dropbox');
            await page.selectOption('#c-model', 'saas');
            await page.evaluate(() => document.querySelectorAll('select[required]').forEach((s) => s.removeAttribute('required')));
            const response = await submit(page, '[data-testid=cloud-save]');
            check(response.status() === 400, `status ${response.status()}`);
            check((await page.textContent('[data-testid=error]')).includes('管理主体'), 'error not translated');
            check((await page.inputValue('#c-name')) === 'Dropbox', 'name not kept');
        });

        await step('an asset on the cloud service shows its deletion due date', async () => {
            await page.goto(`${base}/orgs/${ORG}/assets`);
            await submit(page, '[data-testid=new-asset]');
            await page.fill('#a-name', '顧客名簿');
            await page.selectOption('#a-type', 'information');
            await page.fill('#a-owner', '営業部長');
            await page.selectOption('#a-class', 'confidential');
            await page.selectOption('#a-c', '3');
            await page.fill('#a-location', 'Box 営業フォルダ');
            await page.selectOption('#a-cloud', { label: 'Box' });
            await page.fill('#a-period', '7年');
            await page.selectOption('#a-basis', 'fixed_date');
            await page.fill('#a-basis-date', '2020-04-01');
            await submit(page, '[data-testid=asset-save]');
            check(/\/assets\/\d+$/.test(new URL(page.url()).pathname), `not on the asset: ${page.url()}`);
            check((await page.textContent('[data-testid=deletion-due]')).trim() === '2027-04-01', 'due date wrong');
            await shot(page, 'asset');
            await page.goto(`${base}/orgs/${ORG}/assets`);
            const row = await page.textContent('[data-testid=assets] tbody tr[data-asset]');
            check(row.includes('顧客名簿') && row.includes('Box') && row.includes('2027-04-01'), `row: ${row}`);
        });

        await step('a CSV with bad rows lists every error by line and stores nothing', async () => {
            const bad = HEADER +
                '請求書,紙,経理部,社外秘,2,2,1,書庫,,7年,作成日,2024-04-01\n' +
                '謎の資産,宇宙,経理部,社外秘,5,2,1,書庫,,7年,作成日,2024-04-01\n';
            const response = await upload(page, base, 'bad.csv', bad);
            check(response.status() === 400, `status ${response.status()}`);
            const errors = page.locator('[data-testid=import-errors] tbody tr');
            check((await errors.count()) === 2, `expected 2 errors, got ${await errors.count()}`);
            check((await errors.nth(0).textContent()).trim().startsWith('3'), 'error lacks line 3');
            check((await page.textContent('[data-testid=import-errors]')).includes('機密性'), 'error lacks the column');
            await shot(page, 'import-errors');
            check((await assetCount(page, base)) === 1, 'the bad file stored rows');
        });

        await step('a good CSV is imported and its rows are listed', async () => {
            const good = HEADER +
                '請求書,紙,経理部,社外秘,2,2,1,書庫,,7年,作成日,2024-04-01\n' +
                '契約書,情報,法務部,秘,3,3,2,Box,Box,10年,契約終了日,\n';
            await upload(page, base, 'good.csv', good);
            check(new URL(page.url()).pathname === `/orgs/${ORG}/assets`, `after import at ${page.url()}`);
            check((await page.textContent('[role=status]')).includes('2'), 'no imported count');
            const text = await page.textContent('[data-testid=assets]');
            check(text.includes('請求書') && text.includes('契約書') && text.includes('2031-04-01'), `rows: ${text}`);
            check((await assetCount(page, base)) === 3, 'expected 3 assets');
            await page.goto(`${base}/orgs/${ORG}/assets?classification=confidential`);
            check((await page.locator('[data-testid=assets] tbody tr[data-asset]').count()) === 2, 'classification filter');
            await page.goto(`${base}/orgs/${ORG}/assets`);
            await shot(page, 'assets');
        });

        await step('editing the retention period recomputes the due date', async () => {
            await page.goto(`${base}/orgs/${ORG}/assets`);
            await page.click('[data-testid=assets] a:text("顧客名簿")');
            await page.waitForLoadState();
            await page.fill('#a-period', '10年');
            await submit(page, '[data-testid=asset-save]');
            check((await page.textContent('[data-testid=deletion-due]')).trim() === '2030-04-01', 'due date not recomputed');
        });

        await step('a cloud service that assets name is not deleted, and the form says why', async () => {
            await page.goto(`${base}/orgs/${ORG}/cloud-services`);
            await page.click('[data-testid=cloud-services] a:text("Box")');
            await page.waitForLoadState();
            await page.click('details.danger-zone summary');
            const response = await submit(page, '[data-testid=cloud-delete] button[type=submit]');
            check(response.status() === 409, `status ${response.status()}`);
            check(await page.isVisible('[data-testid=error]'), 'no error shown');
            await page.goto(`${base}/orgs/${ORG}/cloud-services`);
            check((await page.textContent('[data-testid=cloud-total]')).trim() === '1', 'service deleted');
        });

        await step('an upload over the 32 MiB cap gets the HTML 413 page', async () => {
            await page.goto(`${base}/orgs/${ORG}/assets/import`);
            const csrf = await page.inputValue('[data-testid=import-form] input[name=csrf]');
            const response = await page.request.post(`${base}/orgs/${ORG}/assets/import`, {
                multipart: { csrf, file: { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc((32 << 20) + 1024, 'a') } },
            });
            check(response.status() === 413, `status ${response.status()}`);
            check(response.headers()['content-type'].startsWith('text/html'), '413 is not HTML');
            check((await response.text()).includes('data-testid="error-page"'), '413 is not the error page');
            check((await assetCount(page, base)) === 3, 'the oversized upload changed the register');
        });

        await step('an administrator creates a user with a generated password, shown once', async () => {
            await page.goto(`${base}/admin/users`);
            await page.fill('#u-name', 'auditor1');
            await page.fill('#u-display', '監査 太郎');
            await submit(page, '[data-testid=user-form] button[type=submit]');
            auditorPassword = (await page.textContent('[data-testid=password]')).trim();
            check(auditorPassword.length === 16, `password "${auditorPassword}"`);
            await shot(page, 'users');
            await page.goto(`${base}/admin/users`);
            check((await page.locator('[data-testid=password]').count()) === 0, 'password shown twice');
        });

        await step('the org administrator makes the user an auditor', async () => {
            await page.goto(`${base}/orgs/${ORG}`);
            await submit(page, '[data-testid=nav-members]');
            await page.fill('#m-user', 'auditor1');
            await page.selectOption('#m-role', 'auditor');
            await submit(page, '[data-testid=add-member] button[type=submit]');
            const role = await page.textContent('tr[data-member=auditor1] [data-testid=member-role]');
            check(role.includes('監査員'), `role: ${role}`);
            await shot(page, 'members');
        });

        await step('the auditor sees the registers without edit buttons; a forced POST gets the HTML 403 page', async () => {
            const auditor = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1360, height: 900 } });
            const p = await auditor.newPage();
            p.on('pageerror', (e) => pageErrors.push(String(e)));
            try {
                // A generated password: nothing but the account page until a new one is set.
                await login(p, base, 'auditor1', auditorPassword, '/account');
                check(await p.isVisible('[data-testid=error]'), 'the account page does not say why');
                await p.goto(`${base}/orgs/${ORG}/assets`);
                check(new URL(p.url()).pathname === '/account', `the register opened before the change: ${p.url()}`);
                const blocked = await p.request.get(`${base}/api/orgs/${ORG}/assets`);
                check(blocked.status() === 403, `the API answered ${blocked.status()} before the change`);
                await p.fill('#current_password', auditorPassword);
                await p.fill('#new_password', 'auditor-own-password-1');
                await p.fill('#new_password_again', 'auditor-own-password-1');
                await submit(p, 'form:has(input[value=password]) button[type=submit]');
                await p.goto(`${base}/orgs/${ORG}/assets`);
                check((await p.locator('[data-testid=assets] tbody tr[data-asset]').count()) === 3, 'auditor sees no assets');
                for (const id of ['new-asset', 'import-assets', 'nav-members', 'nav-users'])
                    check((await p.locator(`[data-testid=${id}]`).count()) === 0, `auditor sees ${id}`);
                await shot(p, 'auditor-assets');
                await p.click('[data-testid=assets] tbody tr[data-asset] a');
                await p.waitForLoadState();
                check((await p.locator('[data-testid=asset-save], [data-testid=asset-delete]').count()) === 0, 'auditor sees save/delete');
                await p.goto(`${base}/orgs/${ORG}/cloud-services`);
                check((await p.locator('[data-testid=new-cloud-service]').count()) === 0, 'auditor sees new service');
                // Forge the delete form the auditor never got, with a valid CSRF token.
                await p.goto(`${base}/orgs/${ORG}/assets`);
                const [response] = await Promise.all([p.waitForNavigation(), p.evaluate((org) => {
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = `/orgs/${org}/assets/1/delete`;
                    const csrf = document.querySelector('input[name=csrf]').cloneNode();
                    form.appendChild(csrf);
                    document.body.appendChild(form);
                    form.submit();
                }, ORG)]);
                check(response.status() === 403, `forced POST status ${response.status()}`);
                check((response.headers()['content-type'] || '').startsWith('text/html'), '403 is not HTML');
                check(await p.isVisible('[data-testid=error-page]'), 'no error page');
                check((await p.textContent('h1')).includes('許可されていません'), '403 page not translated');
                await shot(p, 'error-403');
                const missing = await p.goto(`${base}/orgs/no-such-org/assets`);
                check(missing.status() === 404 && (await p.isVisible('[data-testid=error-page]')), '404 page');
                await shot(p, 'error-404');
                const api = await p.request.get(`${base}/api/orgs/no-such-org`);
                check(api.status() === 404 && api.headers()['content-type'].startsWith('application/json'), 'API 404 is not JSON');
            } finally {
                await auditor.close();
            }
            check((await assetCount(page, base)) === 3, 'the forced POST deleted an asset');
        });

        await step('an org with a Japanese name gets its own slug, matrix criteria and threats on the settings page', async () => {
            await createOrg(page, base, '株式会社テスト', 'csc');
            const href = await page.getAttribute('a[href^="/orgs/org"]:has-text("株式会社テスト")', 'href');
            check(/^\/orgs\/org(-\d+)?$/.test(href), `a Japanese name got the slug ${href}`);
            await page.goto(`${base}${href}`);
            await submit(page, '[data-testid=nav-settings]');
            check(new URL(page.url()).pathname === `${href}/settings`, `settings at ${page.url()}`);
            await page.fill('#o-name', '株式会社テスト（東京）');
            await page.fill('#o-slug', 'test-tokyo');
            await submit(page, '[data-testid=rename-form] button[type=submit]');
            check(new URL(page.url()).pathname === '/orgs/test-tokyo/settings', `after the rename at ${page.url()}`);
            check(await page.inputValue('#o-name') === '株式会社テスト（東京）', 'the name was not saved');
            await page.fill('#o-threshold', '3');
            await submit(page, '[data-testid=matrix-form] button[type=submit]');
            check(await page.inputValue('#o-threshold') === '3', 'the acceptance criteria were not saved');
            await page.fill('#t-ja', '委託先による持ち出し');
            await page.fill('#t-cat', '人的');
            await submit(page, '[data-testid=threat-form] button[type=submit]');
            check((await page.textContent('[data-testid=own-threats]')).includes('委託先による持ち出し'), 'the threat is not listed');
            await shot(page, 'org-settings');
            await page.goto(`${base}/orgs/test-tokyo/risks/new`);
            check((await page.textContent('#threat')).includes('委託先による持ち出し'), 'the own threat is not offered on a risk');
            const old = await page.goto(`${base}${href}/settings`);
            check(old.status() === 404, `the old slug still answers ${old.status()}`);
        });

        await step('8.16 is raised from 梅 to 竹 with evidence, and the page shows the guidance and history', async () => {
            const session = await (await page.request.get(`${base}/api/session`)).json();
            const headers = { 'X-CSRF-Token': session.csrf };
            const soa = await page.request.put(`${base}/api/orgs/${ORG}/soa/A.8.16`, {
                headers, data: { applicable: true, inclusion_basis: ['risk'] } });
            check(soa.status() === 200, `deciding 8.16 answered ${soa.status()}`);
            await page.goto(`${base}/orgs/${ORG}/controls`);
            check(await page.locator('[data-testid=maturity] rect[data-level="2"]').count() === 0, 'the chart shows 竹 before any control reached it');
            check(await page.locator('[data-testid=maturity] rect[data-level="0"]').count() > 0, 'the chart does not show the controls without a level');
            await page.goto(`${base}/orgs/${ORG}/soa/A.8.16`);
            check((await page.textContent('[data-testid=soa-guidance]')).includes('監視ソフトウェア'), 'the SoA entry does not show the 梅 guidance');
            await page.goto(`${base}/orgs/${ORG}/controls/A.8.16`);
            check((await page.textContent('[data-testid=guidance]')).includes('監視ソフトウェア'), 'the 梅 guidance is not shown');
            await page.selectOption('#c-status', 'partial');
            await page.selectOption('#c-level', 'basic');
            await page.selectOption('#c-target', 'standard');
            await submit(page, '[data-testid=control-form] button[type=submit]');
            await page.selectOption('#c-level', 'standard');
            await submit(page, '[data-testid=control-form] button[type=submit]');
            check(await page.inputValue('#c-level') === 'standard', 'the level did not become 竹');
            const history = await page.textContent('[data-testid=level-history]');
            check(history.includes('梅（基本）') && history.includes('竹（標準）'), `the history does not show 梅 -> 竹: ${history}`);
            const empty = await submit(page, '[data-testid=evidence-form] button[type=submit]');
            check(empty.status() === 400, `an evidence form with neither file nor link answered ${empty.status()}`);
            check((await page.textContent('[data-testid=error]')).includes('ファイルを選ぶか'), 'the empty evidence form is not explained');
            await page.setInputFiles('#e-file', { name: '監視レポート.txt', mimeType: 'text/plain', buffer: Buffer.from('monitoring report') });
            await submit(page, '[data-testid=evidence-form] button[type=submit]');
            await page.fill('#e-url', 'https://wiki.example/monitoring');
            await page.fill('#e-name', '監視手順');
            await submit(page, '[data-testid=evidence-form] button[type=submit]');
            const evidence = await page.textContent('[data-testid=evidence]');
            check(evidence.includes('0d53141bbe206009a60cd098e069b8f3be7e604383bac040a4b6c1641fabc1cd'),
                  'the evidence file is not shown with its SHA-256');
            check(evidence.includes('監視手順') && evidence.includes('https://wiki.example/monitoring'), 'the evidence link is not shown');
            const href = await page.getAttribute('[data-testid=evidence] a[download]', 'href');
            const download = await page.request.get(`${base}${href}`);
            check(download.status() === 200 && (await download.text()) === 'monitoring report', `the evidence download answered ${download.status()}`);
            check(download.headers()['content-disposition'].includes("filename*=UTF-8''%E7%9B%A3%E8%A6%96"), 'the download lost the Japanese file name');
            await page.selectOption('#c-level', 'advanced');
            const refused = await submit(page, '[data-testid=control-form] button[type=submit]');
            check(refused.status() === 400, `a level above the target answered ${refused.status()}`);
            check((await page.textContent('[data-testid=error]')).includes('目標レベル'), 'the refusal is not explained in Japanese');
            check(await page.inputValue('#c-level') === 'advanced', 'the refused form lost the level typed');
            await shot(page, 'control');
            await page.goto(`${base}/orgs/${ORG}/controls`);
            check((await page.textContent('[data-testid=controls]')).includes('2022 新規'), 'the list does not mark 8.16 as new');
            // 8.16 at 竹: the technological bar and the bar of the 11 new controls both show it.
            check(await page.locator('[data-testid=maturity] rect[data-level="2"]').count() === 2, 'the chart did not change to 竹');
            await shot(page, 'controls-maturity');
            await page.goto(`${base}/orgs/${ORG}`);
            check(await page.locator('[data-testid=dashboard-maturity] rect[data-level="2"]').count() === 2, 'the dashboard chart does not show 竹');
        });

        await step('a 2013 SoA is imported, the transition report opened, the SoA drafted and the new controls given risks', async () => {
            await page.goto(`${base}/orgs/${ORG}/soa`);
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=transition-link]')]);
            check((await page.textContent('h1')).includes('ISO/IEC 27001:2022 への移行'), 'the transition page is not in Japanese');
            await page.setInputFiles('#t-file', { name: 'soa2013.csv', mimeType: 'text/csv',
                buffer: Buffer.from('\ufeff管理策,適用,実施,理由\r\nA.99.1,適用,,\r\n') });
            const refused = await submit(page, '[data-testid=transition-import] button[type=submit]');
            check(refused.status() === 400, `a bad 2013 SoA answered ${refused.status()}`);
            check((await page.textContent('[data-testid=import-errors]')).includes('附属書A の管理策ではありません'), 'the bad row is not explained in Japanese');
            await page.setInputFiles('#t-file', { name: 'soa2013.csv', mimeType: 'text/csv',
                buffer: Buffer.from('\ufeff管理策,管理策名,適用,実施,理由\r\nA.5.1.1,方針群,適用,実施済,基本方針\r\nA.5.1.2,方針群のレビュー,適用,一部,\r\n'
                    + 'A.6.2.1,モバイル機器の方針,適用,未実施,\r\nA.11.2.8,無人状態にある利用者装置,除外,,無人の端末はない\r\n') });
            await submit(page, '[data-testid=transition-import] button[type=submit]');
            check((await page.textContent('[role=status]')).includes('4'), 'the import does not say how many decisions it took');
            const row51 = await page.textContent('[data-testid=transition-report] tr[data-control="5.1"]');
            check(row51.includes('A.5.1.1') && row51.includes('A.5.1.2') && row51.includes('統合'), `5.1 does not show its two sources: ${row51}`);
            check(await page.locator('tr[data-control="8.1"][data-proposal=conflict]').count() === 1, '8.1 is not flagged as a conflict');
            check(await page.locator('tr[data-proposal=assess]').count() === 11, 'the 11 new controls are not marked for risk assessment');
            const xlsx = await page.request.get(`${base}${await page.getAttribute('[data-testid=export-xlsx]', 'href')}`);
            check(xlsx.status() === 200 && (await xlsx.body()).subarray(0, 2).toString() === 'PK', 'the transition xlsx does not download');
            await shot(page, 'transition');
            await submit(page, '[data-testid=soa-draft] button[type=submit]');
            check((await page.textContent('[role=status]')).includes('決定 1'), 'the draft does not say what it decided');
            await submit(page, '[data-testid=new-risks] button[type=submit]');
            const created = await page.textContent('[role=status]');
            check(/新規管理策について作成したリスク: (9|10|11)/.test(created), `the risks are not reported: ${created}`);
            await page.goto(`${base}/orgs/${ORG}/risks?control=A.5.7`);
            check((await page.textContent('main')).includes('脅威インテリジェンス'), 'the risk of 5.7 is not in the register');
            await page.goto(`${base}/orgs/${ORG}/transition`);
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=lang-switch]')]);
            check((await page.textContent('h1')).includes('Transition to ISO/IEC 27001:2022'), 'the English page is not in English');
            check((await page.textContent('tr[data-control="8.1"]')).includes('Sources disagree'), 'the English proposal is missing');
            await shot(page, 'transition-en');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=lang-switch]')]);
        });

        await step('a business process gets its RTO, a dependency that recovers too late shows as a gap, contacts and exercises are kept', async () => {
            await page.goto(`${base}/orgs/${ORG}/bia`);
            check((await page.textContent('h1')).includes('事業影響度分析'), 'the BIA page is not in Japanese');
            await page.fill('#p-name', '受注処理');
            await page.fill('#p-mtpd', '4h');
            await page.fill('#p-rto', '1日');
            const refused = await submit(page, '[data-testid=bia-process-form] button[type=submit]');
            check(refused.status() === 400, `an RTO beyond the MTPD answered ${refused.status()}`);
            check((await page.textContent('[data-testid=error]')).includes('最大許容停止時間'), 'the refusal is not explained');
            check(await page.inputValue('#p-name') === '受注処理', 'the refused form lost the name');
            await page.fill('#p-mtpd', '1日');
            await page.fill('#p-rto', '4時間');
            await page.fill('#p-rpo', '1時間');
            await page.fill('#p-rlo', '50');
            await submit(page, '[data-testid=bia-process-form] button[type=submit]');
            check(page.url().includes('/bia/processes/'), `creating the process went to ${page.url()}`);
            await page.fill('#d-name', '基幹システム');
            await page.fill('#d-rt', '2日');
            await submit(page, '[data-testid=bia-dependency-form] button[type=submit]');
            await page.fill('#d-name', '社内ネットワーク');
            await page.fill('#d-rt', '2時間');
            await submit(page, '[data-testid=bia-dependency-form] button[type=submit]');
            const deps = await page.textContent('[data-testid=bia-dependencies]');
            check(deps.includes('の復旧に 2日 かかり、RTO の 4時間 を超えています'), `the gap is not explained: ${deps}`);
            check(await page.locator('[data-testid=bia-dependencies] tr[data-gap=yes]').count() === 1, 'not exactly one dependency is a gap');
            await shot(page, 'bia-process');
            await page.goto(`${base}/orgs/${ORG}/bia`);
            check((await page.textContent('[data-testid=bia-gaps]')).includes('基幹システム'), 'the overview does not list the gap');
            await page.fill('#c-name', '情報システム部 当番');
            await page.fill('#c-role', 'CSIRT');
            await page.fill('#c-phone', '03-1234-5678');
            await submit(page, '[data-testid=bia-contact-form] button[type=submit]');
            check((await page.textContent('[data-testid=bia-contacts]')).includes('03-1234-5678'), 'the contact is not listed');
            await page.fill('#x-date', '2026-11-20');
            await page.selectOption('#x-process', { label: '受注処理' });
            await page.fill('#x-scenario', '基幹システムの停止');
            await page.fill('#x-lessons', '手順書が古い');
            await submit(page, '[data-testid=bia-exercise-form] button[type=submit]');
            check((await page.textContent('[data-testid=bia-exercises]')).includes('手順書が古い'), 'the exercise is not listed');
            await shot(page, 'bia');
        });

        await step('an asset takes its retention rule from a law, falls due, and its deletion is recorded', async () => {
            await page.goto(`${base}/orgs/${ORG}/assets/new`);
            await page.fill('#a-name', '2018年度 法人税申告書');
            await page.selectOption('#a-type', 'paper');
            await page.fill('#a-owner', '経理部');
            await page.selectOption('#a-class', 'confidential');
            await page.selectOption('#a-c', '2');
            await page.selectOption('#a-i', '2');
            await page.selectOption('#a-a', '1');
            await page.selectOption('#a-template', 'personnel');
            await page.fill('#a-basis-date', '2019-03-31');
            await submit(page, '[data-testid=asset-save]');
            check(await page.inputValue('#a-period') === '5y', 'the template did not fill the period');
            check((await page.textContent('[data-testid=retention-law]')).includes('労働基準法 第109条'), 'the law of the rule is not shown');
            check((await page.textContent('[data-testid=deletion-due]')).includes('2024-03-31'), 'the due date does not follow the template');
            await page.goto(`${base}/orgs/${ORG}/deletions`);
            check((await page.textContent('h1')).includes('保存と削除'), 'the deletion page is not in Japanese');
            check(await page.locator('[data-testid=deletion-filters] [data-status=overdue] .badge-warn').count() === 1, 'the overdue count is not flagged');
            const row = page.locator('[data-testid=deletion-due] tr', { hasText: '2018年度 法人税申告書' });
            check((await row.textContent()).includes('期限切れ'), 'the asset is not overdue');
            await Promise.all([page.waitForNavigation(), row.locator('a', { hasText: '削除を記録' }).click()]);
            check((await page.locator('#d-asset option:checked').textContent()).includes('2018年度'), 'the form does not start with the asset');
            await page.fill('#d-date', '2026-12-01');
            await page.selectOption('#d-method', 'shredding');
            await page.fill('#d-resp', '経理部長');
            await page.fill('#d-evidence', '溶解処理証明書 No.2026-118');
            await submit(page, '[data-testid=deletion-form] button[type=submit]');
            check((await page.textContent('[data-testid=deletion-records]')).includes('裁断'), 'the record is not listed with its method');
            check((await row.textContent()).includes('削除済み'), 'the asset is not marked deleted');
            await shot(page, 'deletions');
        });

        await step('a checklist run of the IPA web items records a finding and shows as evidence of 8.28', async () => {
            await page.goto(`${base}/orgs/${ORG}/checklists`);
            check((await page.textContent('[data-testid=checklist-templates]')).includes('安全なウェブサイトの作り方'), 'the IPA checklist is not offered');
            await page.selectOption('#r-template', 'ipa-secure-web');
            await page.fill('#r-title', '顧客ポータル 2026.12');
            await submit(page, '[data-testid=checklist-start] button[type=submit]');
            check(await page.locator('[data-testid=checklist-run] tr[data-no]').count() === 11, 'the run does not have the 11 items');
            await page.check('input[name=result_1][value=ok]');
            await page.check('input[name=result_5][value=ng]');
            const refused = await submit(page, '[data-testid=checklist-run] button[type=submit]');
            check(refused.status() === 400, `a not ok without a note answered ${refused.status()}`);
            check((await page.textContent('[data-testid=error]')).includes('項目 5 は否です'), 'the refusal is not explained');
            check(await page.isChecked('input[name=result_1][value=ok]'), 'the refused form lost an answer');
            await page.fill('textarea[name=note_5]', '検索画面で出力のエスケープ漏れ');
            await page.check('input[name=result_8][value=na]');
            await submit(page, '[data-testid=checklist-run] button[type=submit]');
            check((await page.textContent('[data-testid=run-counts]')).includes('否: 1'), 'the counts do not show the finding');
            await shot(page, 'checklist-run');
            await page.goto(`${base}/orgs/${ORG}/controls/A.8.28`);
            check((await page.textContent('[data-testid=checklist-runs]')).includes('顧客ポータル 2026.12'), 'the run is not evidence of 8.28');
        });

        await step('the BIA, deletion and checklist pages read in English', async () => {
            await page.goto(`${base}/orgs/${ORG}/bia`);
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=lang-switch]')]);
            const pages = [['bia', 'Business impact analysis', 'recovers in 2d, longer than the RTO of 4h'],
                           ['deletions', 'Retention and deletion', 'Shredded'],
                           ['checklists', 'Checklists', 'Secure web sites (the 11 vulnerabilities)']];
            for (const [path, heading, text] of pages) {
                await page.goto(`${base}/orgs/${ORG}/${path}`);
                check((await page.textContent('h1')).includes(heading), `/${path} is not in English`);
                check((await page.textContent('main')).includes(text), `/${path} lacks "${text}" in English`);
                await shot(page, `${path}-en`);
            }
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=lang-switch]')]);
        });

        await step('indicators are imported on their page, a bad line shown, the list filtered by type', async () => {
            await page.goto(`${base}/orgs/${ORG}/indicators`);
            check((await page.textContent('h1')).includes('侵害指標'), 'the indicators page is not in Japanese');
            await page.setInputFiles('#i-file', { name: 'c2.txt', mimeType: 'text/plain',
                buffer: Buffer.from('# C2\n1.2.3.4\nnot one\n') });
            const refused = await submit(page, '[data-testid=indicator-import] button[type=submit]');
            check(refused.status() === 400, `a bad list answered ${refused.status()}`);
            check((await page.textContent('[data-testid=indicator-error]')).includes('3'), 'the bad line is not named');
            await page.setInputFiles('#i-file', { name: 'c2.csv', mimeType: 'text/csv',
                buffer: Buffer.from('value,type,threat,source,tlp,active_from,active_until\n1.2.3.4,ipv4,Emotet C2,JPCERT/CC,red,2026-01-01,2099-12-31\nevil.example,domain,phishing,IPA,amber,,\n') });
            await submit(page, '[data-testid=indicator-import] button[type=submit]');
            const list = await page.textContent('[data-testid=indicators]');
            check(list.includes('1.2.3.4') && list.includes('Emotet C2') && list.includes('evil.example'), `the indicators are not listed: ${list}`);
            await page.selectOption('#f-type', 'domain');
            await submit(page, '[data-testid=indicator-filter] button[type=submit]');
            const domains = await page.textContent('[data-testid=indicators]');
            check(domains.includes('evil.example') && !domains.includes('1.2.3.4'), 'the type filter does not filter');
            await shot(page, 'indicators');
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
