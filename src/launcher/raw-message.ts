/**
 * The launcher's messages, sent without importing the protocol's schemas (the static script must stay tiny).
 * The shape is the protocol's envelope; the background validates it like any other message.
 */
import type { Envelope, MessageName, RequestOf } from '../messaging/protocol';

export function rawEnvelope<N extends MessageName>(name: N, payload: RequestOf<N>): Envelope<N> {
  return { unwrap: 1, name, payload };
}
