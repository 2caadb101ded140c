export { createService, type ArshifService, type InitialArchive, type ServiceOptions } from './service.js';
export { defaultConfigDir } from './config-dir.js';
export { DEFAULT_SETTINGS } from './config-store.js';
export type { MethodHandlers } from './handlers.js';
export { apiErrorOf } from './errors.js';
export { inThreadImports, type ImportEngine, type ImportJob, type ImportJobOptions } from './import-engine.js';
