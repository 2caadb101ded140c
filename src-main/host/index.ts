export { startHost, type HostOptions, type RunningHost } from './server.js';
export { checkBinding, DEFAULT_HOST, DEFAULT_PORT, isLoopback, newToken } from './binding.js';
