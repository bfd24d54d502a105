/**
 * The text of an import file, whatever encoding a tool saved it in: a byte-order mark decides (UTF-8, UTF-16 LE/BE);
 * without one the bytes are read as UTF-8, and a file that is not valid UTF-8 is read as Windows-1252 (the usual
 * "Latin-1" of spreadsheet exports), so "café" does not come out as "caf\uFFFD". Pure.
 */
export interface DecodedFile {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function decodeImportBytes(bytes: Uint8Array): DecodedFile {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xff && b === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
