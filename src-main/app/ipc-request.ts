/** Checks one `arshif:call` IPC message: who sent it and whether it fits the contract. Pure. */
import { isMethodName, validateArgs, type MethodName } from '../common/api.js';
import { fail, type Result } from '../common/result.js';
import { isAppUrl } from './policy.js';

export interface IpcSender {
  /** URL of the frame that sent the message (WebFrameMain.url). */
  url: string | undefined;
  /** Whether that frame is its window's top frame. */
  isMainFrame: boolean;
}

export type IpcVerdict = { ok: true; method: MethodName; args: unknown } | { ok: false; answer: Result<never> };

export function checkIpcCall(sender: IpcSender, request: unknown, devServerOrigin: string | null = null): IpcVerdict {
  if (!sender.isMainFrame || !isAppUrl(sender.url, devServerOrigin)) {
    return { ok: false, answer: fail('forbidden', 'Only the Arshif window may call the API.') };
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { ok: false, answer: fail('bad-request', 'An API call is an object {method, args}.') };
  }
  const { method, args } = request as { method?: unknown; args?: unknown };
  if (typeof method !== 'string' || !isMethodName(method)) {
    return { ok: false, answer: fail('unknown-method', `Unknown API method "${String(method)}".`) };
  }
  const checked = validateArgs(method, args);
  if (!checked.ok) return { ok: false, answer: fail('bad-request', checked.message) };
  return { ok: true, method, args: args ?? {} };
}
