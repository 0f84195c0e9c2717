// line-hash-reference.js: an independent implementation of the line hash that
// github/codeql-action's upload step computes (src/fingerprints.ts), written from the algorithm
// as described there, in JavaScript with BigInt. It reads the file the way the action does (Node's
// UTF-8 stream decoding) and prints "line hash" per line, like tests/tools/line_hash.c FILE.
'use strict';
const fs = require('fs');

const BLOCK = 100;
const MASK = (1n << 64n) - 1n;
let firstMod = 1n;
for (let i = 0; i < BLOCK; i++) firstMod = (firstMod * 37n) & MASK;

async function main(file) {
  const window = new Array(BLOCK).fill(0);
  const lineAt = new Array(BLOCK).fill(-1);
  const counts = new Map();
  const out = [];
  let hash = 0n, index = 0, line = 0, lineStart = true, prevCR = false;
  const emit = () => {
    const hex = hash.toString(16);
    counts.set(hex, (counts.get(hex) || 0) + 1);
    out.push(`${lineAt[index]} ${hex}:${counts.get(hex)}`);
    lineAt[index] = -1;
  };
  const update = (c) => {
    const begin = window[index];
    window[index] = c;
    hash = (37n * hash + BigInt(c) - firstMod * BigInt(begin)) & MASK;
    index = (index + 1) % BLOCK;
  };
  const char = (c) => {
    if (c === 32 || c === 9 || (prevCR && c === 10)) { prevCR = false; return; }
    prevCR = c === 13;
    if (c === 13) c = 10;
    if (lineAt[index] !== -1) emit();
    if (lineStart) { lineStart = false; lineAt[index] = ++line; }
    if (c === 10) lineStart = true;
    update(c);
  };
  for await (const chunk of fs.createReadStream(file, 'utf8'))
    for (let i = 0; i < chunk.length; i++) char(chunk.charCodeAt(i));
  char(65535);
  for (let i = 0; i < BLOCK; i++) { if (lineAt[index] !== -1) emit(); update(0); }
  process.stdout.write(out.map((l) => l + '\n').join(''));
}

main(process.argv[2]).catch((e) => { console.error(e); process.exit(2); });
