// The operation names of the contract, without its schemas: the preload and the renderer
// build their verbs from these lists and so do not bundle zod. contract.ts checks it against `ops`.
export const OP_NAMES = [
  'vaultInfo',
  'noteList',
  'tagList',
  'getNote',
  'noteRest',
  'noteMentions',
  'search',
  'searchCount',
  'quickSwitch',
  'localGraph',
  'globalGraph',
  'openVault',
  'cardDecks',
  'cardSession',
  'reviewCard',
  'undoReview',
  'cardStats',
  'vaultSettings',
  'exportAnkiPackage',
  'updateVaultSettings',
  'noteCards',
  'noteCalculators',
  'costBlock',
  'examOverview',
  'examPlan',
  'setExam',
  'removeExam',
  'practiceTest',
  'practiceAnswer',
  'practiceScore',
  'practiceAgain',
  'cardBrowser',
  'suspendCard',
  'checkTyped',
] as const;

export type OpName = (typeof OP_NAMES)[number];

/** Commands the Electron menu sends to the window (the browser host has keyboard shortcuts only). */
export const APP_COMMANDS = ['quickSwitcher', 'search', 'back', 'forward', 'vaultOpened', 'flashcards'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
