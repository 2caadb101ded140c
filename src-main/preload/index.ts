/**
 * The preload (sandboxed, CommonJS bundle): exposes exactly the typed API of common/api.ts as
 * `window.arshif`, plus the desktop-only `pathsForFiles` — nothing else of Electron or Node.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { methodNames, type ArshifApi, type EventName, type ApiEvents } from '../common/api.js';
import { BRIDGE_GLOBAL, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type ApiEventMessage, type ArshifBridge } from '../common/bridge.js';
import type { Result } from '../common/result.js';

type Call = (args: unknown) => Promise<Result<unknown>>;

const calls = Object.fromEntries(
  methodNames.map((method): [string, Call] => [method, (args: unknown) => ipcRenderer.invoke(IPC_CALL_CHANNEL, { method, args: args ?? {} })]),
);

function on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
  const handler = (_event: IpcRendererEvent, message: ApiEventMessage) => {
    if (message.event === event) listener(message.payload as ApiEvents[E]);
  };
  ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.off(IPC_EVENT_CHANNEL, handler);
  };
}

function pathsForFiles(files: readonly File[]): string[] {
  return Array.from(files, (file) => webUtils.getPathForFile(file)).filter((p) => p !== '');
}

const bridge: ArshifBridge = { ...(calls as Omit<ArshifApi, 'on'>), on, pathsForFiles };

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
