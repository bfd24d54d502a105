#!/usr/bin/env node
// Release guard: a production build must not contain test-only hooks (they exist only with UNWRAP_TEST_BUILD=1).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.output/chrome-mv3';
const FORBIDDEN = ['__unwrapOpenReader', '__unwrapLastOutcome', '__unwrapTest'];
const hits = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(js|html|json)$/.test(f)) {
      const text = readFileSync(p, 'utf8');
      for (const word of FORBIDDEN) if (text.includes(word)) hits.push(`${p}: ${word}`);
    }
  }
};
walk(dir);
if (hits.length) {
  console.error(`Test hooks found in the production build:\n${hits.join('\n')}`);
  process.exit(1);
}
console.log(`${dir}: no test hooks`);
