/**
 * The message envelope, built without importing the protocol's schemas: content scripts (the reader, the launcher)
 * only send, and the schemas (zod) would add their weight to every page that opens the reader. The background
 * validates every envelope with `parseEnvelope` (protocol.ts).
 */
import type { Envelope, MessageName, RequestOf } from './protocol';

export function envelope<N extends MessageName>(name: N, payload: RequestOf<N>): Envelope<N> {
  return { unwrap: 1, name, payload };
}
