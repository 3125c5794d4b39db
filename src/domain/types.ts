/** Kept so `domain/types.js` stays importable: the model now lives in small modules, gathered in index.ts. */
export * from './index.js';
