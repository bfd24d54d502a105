/**
 * Every message Unwrap sends, in one typed map: name → request schema and response type. The background
 * validates each request against its schema and checks the sender before handling it; anything else is refused
 * with a clear error. Pages cannot reach this: only Unwrap's own scripts and pages can call `runtime.sendMessage`.
 */
import { z } from 'zod';

export const REQUESTS = {
  /** From the aggregator launcher: open the reader in the sender's own tab. */
  openReader: z.object({}).strict(),
} as const;

export type MessageName = keyof typeof REQUESTS;
export type RequestOf<N extends MessageName> = z.infer<(typeof REQUESTS)[N]>;

export interface Responses {
  openReader: { ok: boolean; reason?: string };
}

export interface Envelope<N extends MessageName = MessageName> {
  readonly unwrap: 1;
  readonly name: N;
  readonly payload: RequestOf<N>;
}

export type Reply<N extends MessageName> = { ok: true; value: Responses[N] } | { ok: false; error: string };

export function envelope<N extends MessageName>(name: N, payload: RequestOf<N>): Envelope<N> {
  return { unwrap: 1, name, payload };
}

/** Validate an incoming message; a string is the reason it was refused. */
export function parseEnvelope(raw: unknown): { name: MessageName; payload: unknown } | string {
  if (!raw || typeof raw !== 'object') return 'not an Unwrap message';
  const { unwrap, name, payload } = raw as Record<string, unknown>;
  if (unwrap !== 1 || typeof name !== 'string' || !Object.hasOwn(REQUESTS, name)) return `unknown message ${String(name)}`;
  const schema = REQUESTS[name as MessageName];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return `invalid ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`;
  return { name: name as MessageName, payload: parsed.data };
}
