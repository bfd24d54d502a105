/** Sending a typed message to the background and unwrapping its reply (errors become exceptions with the reason). */
import { browser } from 'wxt/browser';
import { envelope } from './envelope';
import type { MessageName, Reply, RequestOf, Responses } from './protocol';

export async function send<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<Responses[N]> {
  const reply = (await browser.runtime.sendMessage(envelope(name, payload))) as Reply<N> | undefined;
  if (!reply) throw new Error(`Unwrap: no answer to ${name}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
