/**
 * Data access for documents and their passages, in one module: reads (documents/read.ts), the statements that
 * write them (documents/write.ts), and single uploads and withdrawals (documents/changes.ts; large ones saved in
 * batches, documents/pending.ts). Import from here.
 */
export * from './documents/read.js';
export * from './documents/write.js';
export * from './documents/changes.js';
export { discardDeadSaves } from './documents/pending.js';
