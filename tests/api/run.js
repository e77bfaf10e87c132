#!/usr/bin/env node
// API test runner: starts a real `isms serve` on a free loopback port and plays
// one case file (tests/api/README.md describes the format) against it.
//
//   node tests/api/run.js /path/to/isms tests/api/cases/orgs.http
//
// Node standard library only (http, not fetch) so it runs on Node 18 and 20.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { readCells } = require('./xlsx');

const START_TIMEOUT_MS = 20000;
// The administrator `isms init` creates; every block signs in as it unless
// the block says "# anonymous" (see tests/api/README.md).
const ADMIN_PASSWORD = 'api-test-admin-password';
const REQUEST_TIMEOUT_MS = 20000;
const STOP_TIMEOUT_MS = 10000;

class CaseError extends Error {}

// ---------------------------------------------------------------- parsing

// A block: request part, "---", expected part. Line numbers are kept for messages.
function parseCaseFile(text, file) {
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    const blocks = [];
    let current = [];
    let start = 1;
    lines.forEach((line, i) => {
        if (line === '===') {
            blocks.push({ lines: current, start });
            current = [];
            start = i + 2;
        } else {
            current.push(line);
        }
    });
    blocks.push({ lines: current, start });
    return blocks
        .filter((b) => b.lines.some((l) => l.trim() !== '' && !l.startsWith('#')))
        .map((b) => parseBlock(b.lines, b.start, file));
}

function parseBlock(lines, start, file) {
    const where = (offset) => `${file}:${start + offset}`;
    let i = 0;
    let anonymous = false;
    while (i < lines.length && (lines[i].trim() === '' || lines[i].startsWith('#'))) {
        if (/^#\s*anonymous\b/.test(lines[i])) anonymous = true;
        i++;
    }
    const requestLine = lines[i];
    const m = /^([A-Z]+) (\/\S*)$/.exec(requestLine || '');
    if (!m) throw new CaseError(`${where(i)}: expected "METHOD /path", got "${requestLine}"`);
    const block = { line: where(i), method: m[1], path: m[2], headers: [], body: null, anonymous };
    i++;
    for (; i < lines.length && lines[i] !== '' && lines[i] !== '---'; i++)
        block.headers.push(parseHeader(lines[i], where(i)));
    const separator = lines.indexOf('---', i);
    if (separator < 0) throw new CaseError(`${block.line}: block has no "---" line`);
    block.body = joinBody(lines.slice(i, separator));

    let j = separator + 1;
    while (j < lines.length && lines[j].trim() === '') j++;
    if (!/^\d{3}$/.test(lines[j] || ''))
        throw new CaseError(`${where(j)}: expected a status code after "---", got "${lines[j]}"`);
    block.status = Number(lines[j]);
    j++;
    block.expectHeaders = [];
    block.reused = null;
    for (; j < lines.length && lines[j] !== ''; j++) {
        const reused = /^:reused: (yes|no)$/.exec(lines[j]);
        if (reused) block.reused = reused[1] === 'yes';
        else if (lines[j].startsWith(':')) throw new CaseError(`${where(j)}: unknown pseudo-header "${lines[j]}"`);
        else if (lines[j].startsWith('!')) block.expectHeaders.push({ name: lines[j].slice(1).trim(), absent: true });
        else block.expectHeaders.push(parseHeader(lines[j], where(j)));
    }
    const expectText = joinBody(lines.slice(j));
    block.expect = null;
    block.directives = [];
    if (expectText !== null && expectText.trimStart().startsWith('@')) {
        block.directives = expectText.split('\n').filter((l) => l.trim() !== '').map((l, k) => {
            const d = /^@([a-z-]+)(?: (.*))?$/.exec(l.trim());
            if (!d || !['prefix', 'contains', 'lacks', 'lines', 'bytes', 'min-bytes', 'cell', 'cell-date'].includes(d[1]))
                throw new CaseError(`${block.line}: unknown body directive "${l}"`);
            return { name: d[1], arg: d[2] === undefined ? '' : d[2], text: l.trim(), index: k };
        });
    } else if (expectText !== null) {
        try {
            block.expect = JSON.parse(expectText);
        } catch (e) {
            throw new CaseError(`${block.line}: expected body is not JSON: ${e.message}`);
        }
    }
    return block;
}

function parseHeader(line, where) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new CaseError(`${where}: expected "Name: value", got "${line}"`);
    return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
}

// Lines after the blank line that ends the headers; null when there are none.
function joinBody(lines) {
    const body = lines.slice(lines[0] === '' ? 1 : 0);
    while (body.length && body[body.length - 1].trim() === '') body.pop();
    return body.length ? body.join('\n') : null;
}

// ---------------------------------------------------------- substitution

const VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Expands {{name}} and {{repeat:N:TEXT}} in request text.
function substitute(text, vars, where) {
    return text.replace(/\{\{([^{}]*)\}\}/g, (all, inner) => {
        const repeat = /^repeat:(\d+):(.*)$/s.exec(inner);
        if (repeat) return repeat[2].repeat(Number(repeat[1]));
        if (!VAR.test(inner)) throw new CaseError(`${where}: bad placeholder "${all}"`);
        if (!(inner in vars)) throw new CaseError(`${where}: "${inner}" is used before it is captured`);
        const value = vars[inner];
        return typeof value === 'string' ? value : JSON.stringify(value);
    });
}

function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Matches `actual` (a string) against a template with {{name}} placeholders:
// bound names must match their value, unbound ones capture (into `vars`).
function matchTemplate(template, actual, vars) {
    const names = [];
    const source = template.split(/(\{\{[A-Za-z_][A-Za-z0-9_]*\}\})/).map((part) => {
        const m = /^\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}$/.exec(part);
        if (!m) return escapeRegExp(part);
        if (m[1] in vars) {
            const v = vars[m[1]];
            return escapeRegExp(typeof v === 'string' ? v : JSON.stringify(v));
        }
        names.push(m[1]);
        return '(.+?)';
    }).join('');
    const match = new RegExp(`^${source}$`, 's').exec(actual);
    if (!match) return false;
    names.forEach((name, i) => {
        vars[name] = match[i + 1];
        capturedAsText.add(name);
    });
    return true;
}

// Names captured from text (a header, part of a string): "1" from
// "Location: /api/orgs/1" must still match the JSON number 1 later on.
const capturedAsText = new Set();

function sameAsCaptured(name, actual, vars) {
    const bound = vars[name];
    if (deepEqual(bound, actual)) return true;
    if (capturedAsText.has(name) && ['number', 'boolean'].includes(typeof actual) && String(actual) === bound) {
        vars[name] = actual;
        capturedAsText.delete(name);
        return true;
    }
    return false;
}

// ------------------------------------------------------------- matching

const OPS = ['length', 'absent', 'prefix', 'includes'];

function show(value) {
    if (value === undefined) return '(absent)';
    const text = JSON.stringify(value);
    return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}

function deepEqual(a, b) {
    return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v) {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
        const out = {};
        Object.keys(v).sort().forEach((k) => { out[k] = canonical(v[k]); });
        return out;
    }
    return v;
}

// Returns null when `actual` satisfies `expected`, else {path, expected, actual, why}.
function matchValue(expected, actual, where, vars) {
    const fail = (why) => ({ path: where, expected, actual, why });
    if (typeof expected === 'string') {
        const whole = /^\{\{([A-Za-z_][A-Za-z0-9_]*|\*)\}\}$/.exec(expected);
        if (whole) {
            if (actual === undefined) return fail('missing');
            if (whole[1] === '*') return null;
            if (!(whole[1] in vars)) {
                vars[whole[1]] = actual;
                return null;
            }
            return sameAsCaptured(whole[1], actual, vars)
                ? null : { path: where, expected: vars[whole[1]], actual, why: `differs from {{${whole[1]}}}` };
        }
        if (expected.includes('{{')) {
            return typeof actual === 'string' && matchTemplate(expected, actual, vars) ? null : fail('no match');
        }
        return expected === actual ? null : fail('not equal');
    }
    if (expected === null || typeof expected !== 'object')
        return expected === actual ? null : fail('not equal');
    if (Array.isArray(expected)) {
        if (!Array.isArray(actual)) return fail('not an array');
        if (actual.length !== expected.length)
            return { path: `${where}.length`, expected: expected.length, actual: actual.length, why: 'array length' };
        for (let i = 0; i < expected.length; i++) {
            const r = matchValue(expected[i], actual[i], `${where}[${i}]`, vars);
            if (r) return r;
        }
        return null;
    }
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return fail('not an object');
    for (const key of Object.keys(expected)) {
        const at = key.lastIndexOf('@');
        const op = at > 0 ? key.slice(at + 1) : '';
        const name = OPS.includes(op) ? key.slice(0, at) : key;
        const sub = `${where}.${name}`;
        const want = expected[key];
        const got = Object.prototype.hasOwnProperty.call(actual, name) ? actual[name] : undefined;
        let r = null;
        if (!OPS.includes(op)) {
            r = matchValue(want, got, sub, vars);
        } else if (op === 'absent') {
            if (want !== true) throw new CaseError(`"${key}" must be true`);
            if (got !== undefined) r = { path: sub, expected: undefined, actual: got, why: 'should be absent' };
        } else if (op === 'length') {
            const len = Array.isArray(got) || typeof got === 'string' ? got.length : undefined;
            if (len !== want) r = { path: `${sub}.length`, expected: want, actual: len, why: 'length' };
        } else if (op === 'prefix') {
            if (!Array.isArray(want)) throw new CaseError(`"${key}" must be an array`);
            if (!Array.isArray(got) || got.length < want.length)
                r = { path: sub, expected: want, actual: got, why: `needs at least ${want.length} elements` };
            for (let i = 0; !r && i < want.length; i++) r = matchValue(want[i], got[i], `${sub}[${i}]`, vars);
        } else if (op === 'includes') {
            if (!Array.isArray(want)) throw new CaseError(`"${key}" must be an array`);
            if (!Array.isArray(got)) r = { path: sub, expected: want, actual: got, why: 'not an array' };
            for (let i = 0; !r && i < want.length; i++) {
                const found = got.some((element) => {
                    const trial = Object.assign({}, vars);
                    if (matchValue(want[i], element, sub, trial)) return false;
                    Object.assign(vars, trial);
                    return true;
                });
                if (!found) r = { path: sub, expected: want[i], actual: got, why: 'no element matches' };
            }
        }
        if (r) return r;
    }
    return null;
}

// "@prefix PK\x03\x04": the argument as bytes, with \xNN and \\ escapes.
function directiveBytes(arg) {
    const parts = [];
    let text = '';
    for (let i = 0; i < arg.length; i++) {
        if (arg[i] === '\\' && arg[i + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(arg.slice(i + 2, i + 4))) {
            parts.push(Buffer.from(text, 'utf8'), Buffer.from([parseInt(arg.slice(i + 2, i + 4), 16)]));
            text = '';
            i += 3;
        } else if (arg[i] === '\\' && arg[i + 1] === '\\') {
            text += '\\';
            i++;
        } else {
            text += arg[i];
        }
    }
    parts.push(Buffer.from(text, 'utf8'));
    return Buffer.concat(parts);
}

function checkDirective(d, body) {
    switch (d.name) {
    case 'prefix': {
        const want = directiveBytes(d.arg);
        const got = body.subarray(0, want.length);
        return got.equals(want) ? null : { expected: want.toString('hex'), actual: got.toString('hex'), why: 'body prefix (hex)' };
    }
    case 'contains':
        return body.includes(directiveBytes(d.arg)) ? null : { expected: d.arg, actual: undefined, why: 'body does not contain' };
    case 'lacks':
        return body.includes(directiveBytes(d.arg)) ? { expected: `no ${d.arg}`, actual: d.arg, why: 'body contains' } : null;
    case 'lines': {
        let n = 0;
        for (const byte of body) if (byte === 0x0a) n++;
        return n === Number(d.arg) ? null : { expected: Number(d.arg), actual: n, why: 'line count' };
    }
    case 'bytes':
        return body.length === Number(d.arg) ? null : { expected: Number(d.arg), actual: body.length, why: 'body size' };
    case 'min-bytes':
        return body.length >= Number(d.arg) ? null : { expected: `>= ${d.arg}`, actual: body.length, why: 'body size' };
    case 'cell': {
        // @cell B4 TEXT: the xlsx's first sheet has TEXT in B4 ("" for empty).
        const [ref, ...rest] = d.arg.split(' ');
        const want = rest.join(' ');
        const cell = xlsxCells(body)[ref];
        const got = cell ? cell.value : '';
        return got === want ? null : { expected: want, actual: got, why: `xlsx cell ${ref}` };
    }
    case 'cell-date': {
        // @cell-date M5: a number (an Excel date) in M5, not text.
        const cell = xlsxCells(body)[d.arg];
        return cell && cell.type === 'n' && Number(cell.value) > 40000 ? null
            : { expected: 'an Excel date', actual: cell, why: `xlsx cell ${d.arg}` };
    }
    }
    return null;
}

const xlsxCache = new WeakMap();
function xlsxCells(body) {
    if (!xlsxCache.has(body)) xlsxCache.set(body, readCells(body));
    return xlsxCache.get(body);
}

// -------------------------------------------------------------- server

// A case file whose first line is "#! serve: ARGS" starts the server with
// those extra (space-separated) arguments, e.g. "--trusted-proxy 127.0.0.1".
function serveArgs(text) {
    const m = /^#! serve: (.*)$/m.exec(text.split('\n', 1)[0]);
    return m ? m[1].trim().split(/\s+/) : [];
}

function startServer(isms, db, extraArgs) {
    return new Promise((resolve, reject) => {
        const child = childProcess.spawn(isms, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--threads', '2', ...extraArgs],
            { stdio: ['ignore', 'pipe', 'pipe'] });
        const server = { child, stdout: '', stderr: '', exited: null };
        const timer = setTimeout(() => reject(new Error(`server did not report "listening on" within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
        child.stderr.on('data', (d) => { server.stderr += d; });
        child.stdout.on('data', (d) => {
            server.stdout += d;
            const m = /isms: listening on http:\/\/127\.0\.0\.1:(\d+)\n/.exec(server.stdout);
            if (m && !server.port) {
                server.port = Number(m[1]);
                clearTimeout(timer);
                resolve(server);
            }
        });
        child.on('exit', (code, signal) => {
            server.exited = { code, signal };
            clearTimeout(timer);
            if (!server.port) reject(new Error(`server exited (${signal || code}) before listening:\n${server.stderr}`));
        });
        child.on('error', (e) => { clearTimeout(timer); reject(e); });
    });
}

function stopServer(server) {
    return new Promise((resolve) => {
        if (server.exited) return resolve(server.exited);
        const timer = setTimeout(() => server.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        server.child.on('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal }); });
        server.child.kill('SIGTERM');
    });
}

// One request on the shared keep-alive agent; a reused socket the server had
// already closed is retried once on a fresh one, as any HTTP client would.
function send(agent, port, request, retried) {
    return new Promise((resolve, reject) => {
        const headers = {};
        for (const h of request.headers) headers[h.name] = h.value;
        const names = Object.keys(headers).map((n) => n.toLowerCase());
        const body = request.body === null ? null : Buffer.from(request.body, 'utf8');
        const chunked = names.includes('transfer-encoding');
        if (!chunked && !names.includes('content-length') && (body || !['GET', 'HEAD'].includes(request.method)))
            headers['Content-Length'] = body ? body.length : 0;
        const expectContinue = names.includes('expect');
        const req = http.request({ host: '127.0.0.1', port, method: request.method, path: request.path, headers, agent });
        req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('request timed out')));
        req.on('error', (e) => {
            if (!retried && req.reusedSocket && e.code === 'ECONNRESET') resolve(send(agent, port, request, true));
            else reject(e);
        });
        req.on('response', (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                // An early answer (e.g. 413 before "100 Continue") leaves the body unsent.
                if (!req.writableEnded) req.destroy();
                resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks),
                    reused: req.reusedSocket });
            });
        });
        const write = () => {
            if (body && chunked) {
                for (let i = 0; i < body.length; i += 65536) req.write(body.subarray(i, i + 65536));
                req.end();
            } else {
                req.end(body || undefined);
            }
        };
        if (expectContinue) req.on('continue', write);
        else write();
    });
}

// Signs in as the administrator; returns the cookie and CSRF token to send.
async function signIn(agent, port) {
    const body = JSON.stringify({ name: 'admin', password: ADMIN_PASSWORD });
    const res = await send(agent, port, {
        method: 'POST', path: '/api/session', body,
        headers: [{ name: 'Content-Type', value: 'application/json' }],
    }, false);
    const cookie = /^(isms_session=[0-9a-f]+);/.exec(String(res.headers['set-cookie'] || ''));
    if (res.status !== 200 || !cookie)
        throw new Error(`signing in as admin failed (${res.status}): ${res.body.toString('utf8')}`);
    return { cookie: cookie[1], csrf: JSON.parse(res.body.toString('utf8')).csrf };
}

// The block's headers plus the admin's cookie and CSRF token, unless the block
// is anonymous or brings its own.
function withAuth(block, headers, auth) {
    if (block.anonymous) return headers;
    const names = headers.map((h) => h.name.toLowerCase());
    const out = headers.slice();
    if (!names.includes('cookie')) out.push({ name: 'Cookie', value: auth.cookie });
    if (!names.includes('x-csrf-token')) out.push({ name: 'X-CSRF-Token', value: auth.csrf });
    return out;
}

// ------------------------------------------------------------- checking

function check(block, res, vars) {
    if (res.status !== block.status)
        return { path: 'status', expected: block.status, actual: res.status, why: 'status' };
    if (block.reused !== null && res.reused !== block.reused)
        return { path: ':reused', expected: block.reused, actual: res.reused, why: 'keep-alive connection reuse' };
    for (const h of block.expectHeaders) {
        const got = res.headers[h.name.toLowerCase()];
        if (h.absent) {
            if (got !== undefined) return { path: `header ${h.name}`, expected: undefined, actual: got, why: 'should be absent' };
            continue;
        }
        const want = h.value;
        if (got === undefined || !matchTemplate(want, String(got), vars))
            return { path: `header ${h.name}`, expected: want, actual: got, why: 'header' };
    }
    for (const d of block.directives) {
        // Values captured so far ({{name}}) stand in directives as in requests.
        const r = checkDirective(Object.assign({}, d, { arg: substitute(d.arg, vars, block.line) }), res.body);
        if (r) return Object.assign({ path: d.text }, r);
    }
    if (block.expect !== null) {
        let json;
        try {
            json = JSON.parse(res.body.toString('utf8'));
        } catch (e) {
            return { path: 'body', expected: 'JSON', actual: res.body.toString('utf8').slice(0, 200), why: 'not JSON' };
        }
        return matchValue(block.expect, json, '$', vars);
    }
    return null;
}

function report(block, res, mismatch) {
    const lines = [
        `FAIL ${block.line}: ${block.method} ${block.path}`,
        `  mismatch at ${mismatch.path} (${mismatch.why})`,
        `  - expected: ${show(mismatch.expected)}`,
        `  + actual:   ${show(mismatch.actual)}`,
    ];
    if (res) {
        const text = res.body.toString('utf8');
        lines.push(`  response: ${res.status}`);
        for (const [k, v] of Object.entries(res.headers)) lines.push(`    ${k}: ${v}`);
        lines.push(`    ${text.length > 2000 ? `${text.slice(0, 2000)}...` : text}`);
    }
    console.error(lines.join('\n'));
}

// ----------------------------------------------------------------- main

async function main() {
    const [isms, caseFile] = process.argv.slice(2);
    if (!isms || !caseFile) {
        console.error('usage: node tests/api/run.js /path/to/isms CASEFILE.http');
        return 2;
    }
    const caseText = fs.readFileSync(caseFile, 'utf8');
    const blocks = parseCaseFile(caseText, path.relative(process.cwd(), caseFile));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-api-'));
    const db = path.join(tmp, 'isms.db');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let server = null;
    let passed = 0;
    let failed = 0;
    try {
        const init = childProcess.spawnSync(isms, ['init', '--db', db], {
            encoding: 'utf8', env: Object.assign({}, process.env, { ISMS_ADMIN_PASSWORD: ADMIN_PASSWORD }),
        });
        if (init.status !== 0) throw new Error(`isms init failed (${init.status}): ${init.stderr}`);
        server = await startServer(isms, db, serveArgs(caseText));
        const auth = await signIn(agent, server.port);
        // Cases that switch users come back to the admin with these.
        const vars = { admin_cookie: auth.cookie, admin_csrf: auth.csrf };
        for (const block of blocks) {
            const request = {
                method: block.method,
                path: substitute(block.path, vars, block.line),
                headers: withAuth(block, block.headers.map((h) => ({ name: h.name, value: substitute(h.value, vars, block.line) })), auth),
                body: block.body === null ? null : substitute(block.body, vars, block.line),
            };
            let res;
            try {
                res = await send(agent, server.port, request, false);
            } catch (e) {
                report(block, null, { path: 'request', expected: 'a response', actual: e.message, why: 'transport' });
                if (server.exited) console.error(`server exited (${server.exited.signal || server.exited.code}):\n${server.stderr}`);
                failed++;
                break;
            }
            const mismatch = check(block, res, vars);
            if (mismatch) {
                report(block, res, mismatch);
                failed++;
                break;
            }
            passed++;
        }
    } catch (e) {
        console.error(e instanceof CaseError ? `case file error: ${e.message}` : `api: ${e.message}`);
        failed++;
    } finally {
        agent.destroy();
        if (server) {
            // A clean exit also proves shutdown works (and, in sanitizer builds, no leaks).
            const exit = await stopServer(server);
            if (exit.code !== 0) {
                console.error(`server did not stop cleanly (${exit.signal || `exit ${exit.code}`}):\n${server.stderr}`);
                failed++;
            }
        }
        fs.rmSync(tmp, { recursive: true, force: true });
    }
    console.log(`api: ${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => {
    console.error(e.stack || String(e));
    process.exitCode = 1;
});
