import { loadGroundTruth, loadAebHtml } from '../lib/corpus';
import { parse } from '../lib/systems';
const gt = loadGroundTruth();
for (const id of ['291a8bf33ee49074f33dcff37544ac40506cae450db83b6cb63f02b9920b51c2','5fa5679de56c43edf70685762c2d1f2de296432ae53aa46e075b552fee17cab8','7bb1ca90354313840329d2f569ea9fb3a582df2aa0a5e3669f8fc567eb6ea61b','f5c90a6d5253c3a21ff3168c64bea4b5ffade7a1ba5bed952a59ebee0d648d98']) {
  const html = loadAebHtml(id).replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '<style></style>');
  try { parse(html, gt[id]!.url).window.close(); console.log('ok', id, gt[id]!.url) } catch (e) { console.log(id, (e as Error).stack); } }
