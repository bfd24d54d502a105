import { loadGroundTruth, loadAebHtml } from '../lib/corpus';
import { evaluate, scoreDoc, mulberry32 } from '../lib/metric';
import { runSystem, SYSTEMS, runReadability } from '../lib/systems';
const gt = loadGroundTruth();
const ids = Object.keys(gt);
const out: Record<string, Record<string,string>> = {};
for (const s of [...SYSTEMS, 'readability_fake'] as const) {
  const t0 = Date.now(); out[s] = {};
  for (const id of ids) {
    const html = loadAebHtml(id);
    const r = s === 'readability_fake' ? runReadability(html, 'https://fake-url.com') : await runSystem(s, html, gt[id]!.url);
    if (r.error) console.log(s, id, r.error.split('\n')[0]);
    out[s]![id] = r.text;
  }
  const docs = ids.map((id) => scoreDoc(gt[id]!.articleBody, out[s]![id]!));
  const e = evaluate(docs, 200, mulberry32(1));
  console.log(s, (Date.now()-t0)/1000+'s', `F1 ${e.f1.toFixed(3)} P ${e.precision.toFixed(3)} R ${e.recall.toFixed(3)} Acc ${e.accuracy.toFixed(3)}`);
}
require('fs').writeFileSync('bench/tmp/q1.json', JSON.stringify(out));
