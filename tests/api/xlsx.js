// Reads the cells of an xlsx body for the API runner's @cell directives:
// the zip's central directory, raw-deflate entries through node's zlib, the
// shared strings and the first worksheet. Enough for what libxlsxwriter
// writes; not a general spreadsheet reader.
'use strict';

const zlib = require('zlib');

function zipEntries(buf) {
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
    const count = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    const entries = {};
    for (let i = 0; i < count; i++) {
        if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
        const method = buf.readUInt16LE(p + 10);
        const compressed = buf.readUInt32LE(p + 20);
        const size = buf.readUInt32LE(p + 24);
        const nameLen = buf.readUInt16LE(p + 28);
        const extraLen = buf.readUInt16LE(p + 30);
        const commentLen = buf.readUInt16LE(p + 32);
        const local = buf.readUInt32LE(p + 42);
        const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
        const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(dataStart, dataStart + compressed);
        entries[name] = method === 0 ? data.subarray(0, size) : zlib.inflateRawSync(data);
        p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
}

function unescapeXml(s) {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

// { "A1": {type: "s"|"n"|..., value: "text"} } of the first worksheet.
function readCells(buf) {
    const entries = zipEntries(buf);
    const strings = [];
    const shared = entries['xl/sharedStrings.xml'];
    if (shared) {
        for (const si of shared.toString('utf8').match(/<si>[\s\S]*?<\/si>/g) || [])
            strings.push(unescapeXml((si.match(/<t[^>]*>([\s\S]*?)<\/t>/g) || [])
                .map((t) => t.replace(/<[^>]+>/g, '')).join('')));
    }
    const sheet = entries['xl/worksheets/sheet1.xml'];
    if (!sheet) throw new Error('no first worksheet');
    const cells = {};
    const re = /<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    let m;
    while ((m = re.exec(sheet.toString('utf8'))) !== null) {
        const type = (/ t="([^"]+)"/.exec(m[2]) || [])[1] || 'n';
        const v = /<v>([\s\S]*?)<\/v>/.exec(m[3] || '');
        if (!v) continue;
        cells[m[1]] = { type, value: type === 's' ? strings[Number(v[1])] : unescapeXml(v[1]) };
    }
    return cells;
}

module.exports = { readCells };
