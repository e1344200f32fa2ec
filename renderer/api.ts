// The only file that knows which transport is underneath: Electron's preload (window.cairn) or
// the local HTTP host (`cairn serve`). On the host, the browser holds an HttpOnly session cookie
// (set when the printed sign-in URL was opened) that every same-origin fetch carries: this page
// never sees a credential.
import type { AppCommand, CairnApi, CallOptions, OpName, Result, VaultEvent } from '../electron/contract.ts';

declare global {
  interface Window {
    cairn?: CairnApi;
  }
}

function browserApi(): CairnApi {
  const headers = { 'content-type': 'application/json' };
  const call = async (op: OpName, req: unknown, options?: CallOptions): Promise<Result<never>> => {
    const body = JSON.stringify(req ?? {});
    try {
      for (;;) {
        const res = await fetch(`/api/${op}`, { method: 'POST', headers, body, signal: options?.signal });
        const result = (await res.json()) as Result<never>;
        // The host held the call as long as it holds one (a second) and the index is still being
        // built: ask again, on a connection that others had the use of meanwhile.
        if (result.ok || result.error.code !== 'NOT_READY') return result;
      }
    } catch (err) {
      // Given up by the view that asked (useApi): nobody reads this answer.
      if (options?.signal?.aborted) return { ok: false, error: { code: 'CANCELLED', message: `${op} was given up` } };
      return { ok: false, error: { code: 'INTERNAL', message: `the Cairn host is not reachable (${(err as Error).message})` } };
    }
  };
  const listeners = new Set<(e: VaultEvent) => void>();
  let streaming = false;
  const stream = async () => {
    streaming = true;
    for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
      try {
        const res = await fetch('/api/events');
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        delay = 500;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').find((l) => l.startsWith('data: '));
            if (data) for (const l of listeners) l(JSON.parse(data.slice(6)) as VaultEvent);
          }
        }
      } catch {
        /* host restarting or gone: retry below */
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  };
  const own: Pick<CairnApi, 'onVaultEvent' | 'onCommand' | 'transport'> = {
    transport: 'browser',
    onVaultEvent(listener) {
      listeners.add(listener);
      if (!streaming) void stream();
      return () => listeners.delete(listener);
    },
    onCommand: (_listener: (c: AppCommand) => void) => () => {},
  };
  // Every other property is an operation verb, made on first use: the renderer imports only types
  // from electron/ (electron/layering.test.ts), so it does not carry the list of names; the host
  // answers UNKNOWN_OPERATION to a name that is not one. `then` stays undefined so the object is
  // never taken for a promise.
  const verbs = new Map<string, (req: unknown, options?: CallOptions) => Promise<Result<never>>>();
  return new Proxy(own, {
    get(target, key) {
      if (typeof key !== 'string' || key === 'then' || key in target) return Reflect.get(target, key);
      let verb = verbs.get(key);
      if (!verb) verbs.set(key, (verb = (req: unknown, options?: CallOptions) => call(key as OpName, req, options)));
      return verb;
    },
  }) as CairnApi;
}

/** Electron's verbs take the request alone: an AbortSignal cannot cross the context bridge (it is
 *  not cloneable), and IPC has no connection to free, so the options stay on this side. */
function electronApi(bridge: CairnApi): CairnApi {
  const verbs = new Map<string, (req: unknown) => unknown>();
  // Over an empty object of its own: a Proxy's `get` must give a frozen target's properties back
  // unchanged, and the bridged object may be frozen.
  return new Proxy({} as CairnApi, {
    get(_target, key) {
      const value = Reflect.get(bridge, key);
      if (typeof key !== 'string' || typeof value !== 'function' || key.startsWith('on')) return value;
      let verb = verbs.get(key);
      if (!verb) verbs.set(key, (verb = (req: unknown) => (value as (r: unknown) => unknown)(req)));
      return verb;
    },
  });
}

export const api: CairnApi = window.cairn ? electronApi(window.cairn) : browserApi();

/**
 * URL of a vault image for <img>: the same path on both transports, served through one guard
 * (electron/domain/vault/open-vault-file.ts): app://cairn/file/… in Electron, /file/… on the host
 * (where the session cookie goes with it).
 */
export function fileUrl(id: string): string {
  return `/file/${encodeURIComponent(id)}`;
}
