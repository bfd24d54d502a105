import { loadGroundTruth, loadPredictions, listPredictionSystems } from '../lib/corpus';
import { evaluate, scoreDoc, mulberry32 } from '../lib/metric';
const gt = loadGroundTruth();
for (const s of listPredictionSystems()) {
  const p = loadPredictions(s);
  const docs = Object.keys(gt).map((id) => scoreDoc(gt[id]!.articleBody, p.bodies[id] ?? ''));
  const e = evaluate(docs, 1000, mulberry32(1));
  console.log(s.padEnd(18), p.version, `F1 ${e.f1.toFixed(3)} ± ${e.f1_std.toFixed(3)} P ${e.precision.toFixed(3)} R ${e.recall.toFixed(3)} Acc ${e.accuracy.toFixed(3)}`, Object.keys(p.bodies).length);
}
