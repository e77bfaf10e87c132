// Browser test of monitoring and incident handling (5.7, 8.16, 5.24-5.28):
// indicators imported on their page, a log uploaded on the events page and
// scanned into events (a hit with its threat, a rule's alert), two events
// ticked and raised to an incident, which is contained with a note, linked to
// a control, given an evidence file, resolved and closed; the pages in
// Japanese and in English. Screenshots go to tests/e2e/screenshots/incidents-*.png.
//
//   node tests/e2e/incidents.mjs /path/to/isms
import { ADMIN, PASSWORD, check, collectPageErrors, launchChromium, runMain, screenshot, startIsms, step, stopIsms } from './lib.mjs';

const ORG = 'soc-kk';

async function submit(page, selector) {
    const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
    return response;
}

function authLog() {
    let log = '';
    for (let i = 0; i < 9; i++)
        log += `Dec  3 11:00:0${i} web01 sshd[812]: Failed password for root from 203.0.113.9 port 22 ssh2\n`;
    log += 'Dec  3 11:01:00 web01 postfix/smtp[90]: to=<a@notevil.example> relay=mx.evil.example\n';
    log += 'Dec  3 11:02:00 web01 sshd[813]: Accepted publickey for ops from 203.0.113.99 port 22 ssh2\n';
    return log;
}

async function main() {
    const server = await startIsms('isms-e2e-incidents-');
    const base = server.url;
    const browser = await launchChromium();
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page, /(400|409)/);
    let incident = null;

    try {
        await step('an administrator creates the org and imports its indicators', async () => {
            await page.goto(`${base}/login`);
            await page.fill('#name', ADMIN);
            await page.fill('#password', PASSWORD);
            await submit(page, 'form[action="/login"] button[type=submit]');
            await page.goto(`${base}/orgs`);
            await page.fill('#org-name', 'SOC KK');
            await page.selectOption('#org-role', 'csc');
            await submit(page, '[data-testid=org-form] button[type=submit]');
            check(new URL(page.url()).pathname === `/orgs/${ORG}`, `org not created: ${page.url()}`);
            await page.goto(`${base}/orgs/${ORG}/indicators`);
            await page.setInputFiles('#i-file', { name: 'feed.csv', mimeType: 'text/csv',
                buffer: Buffer.from('value,type,threat,source,tlp\n203.0.113.9,ipv4,SSHスキャナ,JPCERT/CC,amber\nevil.example,domain,フィッシング,IPA,green\n') });
            await submit(page, '[data-testid=indicator-import] button[type=submit]');
            check((await page.textContent('[data-testid=indicators]')).includes('203.0.113.9'), 'the indicators are not listed');
            // Host indicators of a ransomware campaign, linked to the threat library.
            await page.setInputFiles('#i-file', { name: 'host.txt', mimeType: 'text/plain',
                buffer: Buffer.from('C:\\Windows\\Temp\\locker.exe\nHKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\locker\n') });
            await page.selectOption('#i-threat', 'ipa:1');
            await submit(page, '[data-testid=indicator-import] button[type=submit]');
            const listed = await page.textContent('[data-testid=indicators]');
            check(listed.includes('c:\\windows\\temp\\locker.exe') && listed.includes('ファイルパス') && listed.includes('レジストリキー'),
                  `the host indicators are not listed in Japanese: ${listed}`);
            check((await page.textContent('[data-testid=indicator-threat]')).includes('ランサムウェア'), 'the library threat is not shown');
            check(listed.includes('TLP:AMBER') && !listed.includes('ipv4'), 'raw codes on the indicators page');
            await screenshot(page, 'incidents-indicators');
        });

        await step('a log uploaded on the events page becomes events, the traps none', async () => {
            await page.click('nav.orgnav a[href$="/events"]');
            await page.waitForLoadState();
            check((await page.textContent('h1')).includes('情報セキュリティ事象'), 'the events page is not in Japanese');
            await page.setInputFiles('#s-file', { name: 'auth.log', mimeType: 'text/plain', buffer: Buffer.from(authLog()) });
            await submit(page, '[data-testid=scan-form] button[type=submit]');
            const result = await page.textContent('[data-testid=scan-result]');
            check(result.includes('11') && result.includes('3 件の新しい事象'), `the scan result reads: ${result}`);
            const events = await page.textContent('[data-testid=events]');
            check(events.includes('sshd-brute-force') && events.includes('SSHスキャナ') && events.includes('mx.evil.example'),
                  `the events are not listed: ${events}`);
            check(!events.includes('203.0.113.99') && !events.includes('notevil.example'), 'a near miss became an event');
            check(events.includes('ルールのアラート') && events.includes('IoC一致'), 'the kinds are not in Japanese');
            await screenshot(page, 'incidents-events');
        });

        await step('the SSH events are ticked and raised to an incident', async () => {
            const rows = page.locator('[data-testid=events] tbody tr', { hasText: '203.0.113.9' });
            check(await rows.count() === 2, `expected the hit and the alert of 203.0.113.9, got ${await rows.count()}`);
            for (let i = 0; i < 2; i++)
                await rows.nth(i).locator('input[type=checkbox]').check();
            await page.fill('#r-title', 'web01へのSSH総当たり攻撃');
            await page.selectOption('#r-severity', 'high');
            await submit(page, '[data-testid=raise-form] button[type=submit]');
            const match = new URL(page.url()).pathname.match(/\/incidents\/(\d+)$/);
            check(match, `not on the incident: ${page.url()}`);
            incident = match[1];
            check((await page.textContent('[data-testid=incident-status]')).includes('新規'), 'the status is not 新規');
            check((await page.textContent('[data-testid=incident-severity]')).includes('高'), 'the severity is not 高');
            check(await page.locator('[data-testid=incident-events] tbody tr').count() === 2, 'the two events are not on the incident');
        });

        await step('closing before it is resolved is refused with the reason', async () => {
            await page.selectOption('#u-status', 'closed');
            const refused = await submit(page, '[data-testid=incident-update] button[type=submit]');
            check(refused.status() === 409, `closing a new incident answered ${refused.status()}`);
            check((await page.textContent('main')).includes('先に解決済みにしてください'), 'the refusal does not say why');
        });

        await step('it is contained with a note, linked to 8.16 and given evidence', async () => {
            await page.goto(`${base}/orgs/${ORG}/incidents/${incident}`);
            await page.selectOption('#u-status', 'contained');
            await page.fill('#u-note', 'ファイアウォールで203.0.113.9を遮断した');
            await submit(page, '[data-testid=incident-update] button[type=submit]');
            await page.selectOption('#l-target', 'control');
            await page.fill('#l-ref', '8.16');
            await submit(page, '[data-testid=link-form] button[type=submit]');
            check((await page.textContent('[data-testid=incident-links]')).includes('監視活動'), 'the control link is not shown by its title');
            await page.setInputFiles('#e-file', { name: 'fw-change.txt', mimeType: 'text/plain', buffer: Buffer.from('deny 203.0.113.9\n') });
            await submit(page, '[data-testid=evidence-form] button[type=submit]');
            const [download] = await Promise.all([page.waitForEvent('download'),
                page.click('[data-testid=evidence] a[download]')]);
            check(download.suggestedFilename() === 'fw-change.txt', `the evidence downloads as ${download.suggestedFilename()}`);
            const timeline = await page.textContent('[data-testid=timeline]');
            for (const text of ['起票', '新規 → 封じ込め済み', 'ファイアウォールで203.0.113.9を遮断した', 'fw-change.txt', '管理策 A.8.16'])
                check(timeline.includes(text), `the timeline lacks "${text}": ${timeline}`);
            await screenshot(page, 'incidents-incident');
        });

        await step('resolved, then closed; the list shows it closed', async () => {
            for (const status of ['resolved', 'closed']) {
                await page.selectOption('#u-status', status);
                await submit(page, '[data-testid=incident-update] button[type=submit]');
            }
            check((await page.textContent('[data-testid=incident-status]')).includes('終結'), 'the incident is not closed');
            await page.click('nav.orgnav a[href$="/incidents"]');
            await page.waitForLoadState();
            const list = await page.textContent('[data-testid=incidents]');
            check(list.includes('web01へのSSH総当たり攻撃') && list.includes('終結'), `the list reads: ${list}`);
            await page.goto(`${base}/orgs/${ORG}/events?open=1`);
            const open = await page.textContent('[data-testid=events]');
            check(!open.includes('sshd-brute-force') && open.includes('evil.example'), 'the open filter still shows events of the incident');
        });

        await step('a recorded week of sshd failures shows a slow source as a deviation', async () => {
            // Three days of a few failures an hour from two hosts, then 40 from
            // a third in one hour, 85 s apart: never 8 in 120 s, far above usual.
            const hour = 3600e3, start = Math.floor(Date.now() / hour) * hour - 72 * hour;
            let log = '';
            for (let h = 0; h < 72; h++) {
                for (const [n, src] of [[h % 3, '198.51.100.1'], [(h + 1) % 2, '198.51.100.2']])
                    for (let k = 0; k < n; k++)
                        log += `${new Date(start + h * hour + k * 600e3).toISOString()} web01 sshd[9]: Failed password for root from ${src} port 22 ssh2\n`;
                if (h === 66)
                    for (let k = 0; k < 40; k++)
                        log += `${new Date(start + h * hour + k * 85e3).toISOString()} web01 sshd[9]: Failed password for admin from 203.0.113.77 port 22 ssh2\n`;
            }
            await page.goto(`${base}/orgs/${ORG}/events`);
            await page.setInputFiles('#s-file', { name: 'auth-week.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
            await submit(page, '[data-testid=scan-form] button[type=submit]');
            const deviations = await page.textContent('[data-testid=deviations]');
            check(deviations.includes('203.0.113.77') && deviations.includes('40') && deviations.includes('全送信元'),
                  `the slow source is no deviation: ${deviations}`);
            check(!deviations.includes('198.51.100.'), `a usual source deviates: ${deviations}`);
            check(deviations.includes('SSHの総当たり攻撃'), 'the rule is not named in Japanese');
            check((await page.textContent('[data-testid=trend]')).includes('SSHの総当たり攻撃'), 'no trend of the rule');
            const events = await page.textContent('[data-testid=events]');
            check(!events.includes('203.0.113.77'), 'the slow source raised a threshold alert');
            const api = await page.request.get(`${base}/api/orgs/${ORG}/events/baseline`);
            check(api.status() === 200, `the baseline API answered ${api.status()}`);
            const body = await api.json();
            check(body.deviations.some(d => d.source === '203.0.113.77' && d.count === 40 && d.rule === 'sshd-brute-force'),
                  `the API lacks the deviation: ${JSON.stringify(body.deviations)}`);
            check(body.weeks.length === 1 && body.weeks[0].last_week > 40, `the API's weeks: ${JSON.stringify(body.weeks)}`);
            await page.locator('[data-testid=baseline]').scrollIntoViewIfNeeded();
            await screenshot(page, 'incidents-baseline');
        });

        await step('the events and incident pages read in English', async () => {
            await page.goto(`${base}/orgs/${ORG}/events`);
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=lang-switch]')]);
            check((await page.textContent('h1')).includes('Information security events'), 'the events page is not in English');
            check((await page.textContent('[data-testid=events]')).includes('Rule alert'), 'the kinds are not in English');
            const baseline = await page.textContent('[data-testid=baseline]');
            check(baseline.includes('Baseline of the rules') && baseline.includes('all sources') && baseline.includes('SSH brute force'),
                  `the baseline is not in English: ${baseline}`);
            await screenshot(page, 'incidents-events-en');
            await page.goto(`${base}/orgs/${ORG}/incidents/${incident}`);
            const main = await page.textContent('main');
            check(main.includes('Closed') && main.includes('Timeline') && main.includes('High'), 'the incident page is not in English');
            await screenshot(page, 'incidents-incident-en');
            await Promise.all([page.waitForNavigation(), page.click('[data-testid=lang-switch]')]);
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
