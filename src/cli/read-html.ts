/** Reading one input file as HTML (plain or gzip), with one clear line for anything that is not. */
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const MAX_BYTES = 50 * 1024 * 1024;

export class InputError extends Error {}

export function readHtml(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (size > MAX_BYTES) throw new InputError(`${file} is ${Math.round(size / 1e6)} MB; the limit is 50 MB`);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf, { maxOutputLength: MAX_BYTES });
    } catch (err) {
      throw new InputError(`${file} is not valid gzip: ${(err as Error).message}`);
    }
  }
  if (buf.includes(0)) throw new InputError(`${file} is not HTML (binary content)`);
  const text = buf.toString('utf8');
  if (text.startsWith('%PDF')) throw new InputError(`${file} is a PDF, not HTML`);
  if (!/<\s*(html|body|head|article|div|p|main|!doctype)\b/i.test(text.slice(0, 20000))) throw new InputError(`${file} does not look like HTML`);
  return text;
}
