#!/usr/bin/env node
// Release guard: a production build must not contain test-only hooks (they exist only with UNWRAP_TEST_BUILD=1),
// and its content scripts must leave no timing marks: a mark lands on the page's own performance timeline, where
// any page can read it (`performance.getEntries()`) and tell that Unwrap is installed (issue 14).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

const dir = process.argv[2] ?? '.output/chrome-mv3';
const FORBIDDEN = ['__unwrapOpenReader', '__unwrapLastOutcome', '__unwrapTest'];
/** In content scripts (they run in web pages): any performance mark or measure, and the marks' names. */
const FORBIDDEN_IN_CONTENT_SCRIPTS = [
  /performance\s*\.\s*(?:mark|measure)\b/,
  /unwrap:(?:reader|stage|save|aggregator)\b/,
  /`unwrap:\$\{/,
];
const hits = [];
let contentScripts = 0;
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(js|html|json)$/.test(f)) {
      const text = readFileSync(p, 'utf8');
      for (const word of FORBIDDEN) if (text.includes(word)) hits.push(`${p}: ${word}`);
      if (p.includes(`${sep}content-scripts${sep}`) && f.endsWith('.js')) {
        contentScripts++;
        for (const re of FORBIDDEN_IN_CONTENT_SCRIPTS) {
          const m = re.exec(text);
          if (m) hits.push(`${p}: timing mark (${m[0]}) in a content script`);
        }
      }
    }
  }
};
walk(dir);
if (contentScripts === 0) hits.push(`${dir}: no content-scripts/*.js found (is this a build folder?)`);
if (hits.length) {
  console.error(`Test hooks found in the production build:\n${hits.join('\n')}`);
  process.exit(1);
}
console.log(`${dir}: no test hooks, no timing marks in ${contentScripts} content scripts`);
