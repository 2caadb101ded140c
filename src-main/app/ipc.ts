import { BrowserWindow, ipcMain } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type ApiEventMessage } from '../common/bridge.js';
import type { ApiCaller } from '../worker/client.js';
import { checkIpcCall } from './ipc-request.js';

/**
 * One invoke channel for the whole API: `{method, args}` → Result envelope. Each message is checked for
 * its sender (the app's own top frame) and against the contract before it reaches the archive worker.
 */
export function serveApiOverIpc(caller: ApiCaller, devServerOrigin: string | null): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, request: unknown) => {
    const frame = event.senderFrame;
    const verdict = checkIpcCall({ url: frame?.url, isMainFrame: frame !== null && frame.parent === null }, request, devServerOrigin);
    if (!verdict.ok) return verdict.answer;
    return caller.call(verdict.method, verdict.args);
  });
}

/** Pushes an API event to every window of the app. */
export function broadcastEvent(message: ApiEventMessage): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, message);
  }
}
