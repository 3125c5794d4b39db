/**
 * The shared vocabulary of every stage, at the bottom of src/: documents and passages, drafts and their citations,
 * the verification report, token usage and the embedder interface. Plain zod and types, no I/O; imports nothing
 * from src/ above it.
 */
export * from './documents.js';
export * from './drafts.js';
export * from './embedder.js';
export * from './usage.js';
export * from './verification.js';
export * from './judge.js';
export * from './calendarDate.js';
export * from './viewer.js';
export * from './consultation.js';
export * from './documentIds.js';
