// Code passed to `worker.evaluate(...)` runs in the extension's service worker, where `chrome` exists.
// Only the members the tests use are typed.
declare namespace chrome {
  namespace tabs {
    interface Tab { id?: number; url?: string; active?: boolean }
    function query(q: Record<string, unknown>): Promise<Tab[]>;
    function get(id: number): Promise<Tab>;
  }
  namespace scripting {
    function executeScript(o: { target: { tabId: number; allFrames?: boolean }; files?: string[]; func?: (...args: never[]) => unknown; args?: unknown[]; world?: 'ISOLATED' | 'MAIN' }): Promise<{ result?: unknown }[]>;
  }
  namespace action {
    function getBadgeText(o: { tabId?: number }): Promise<string>;
    function getTitle(o: { tabId?: number }): Promise<string>;
  }
  namespace storage {
    const local: { get(k?: unknown): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void>; clear(): Promise<void> };
    const sync: { get(k?: unknown): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
  }
  namespace runtime {
    function getURL(p: string): string;
    function sendMessage(m: unknown): Promise<unknown>;
    const id: string;
  }
}
