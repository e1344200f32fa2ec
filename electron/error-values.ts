// How a failure becomes the contract's error value — the one place that decides it. Transports
// and AppApi call `errorValue` for anything a handler threw.
import { ApiError, type ErrorCode } from './contract.ts';
import { DomainError, type DomainErrorCode } from './domain/domain-error.ts';

const CONTRACT_CODE: Record<DomainErrorCode, ErrorCode> = {
  VAULT_NOT_FOUND: 'VAULT_NOT_FOUND',
  VAULT_UNREADABLE: 'VAULT_UNREADABLE',
  REVIEW_NOT_SAVED: 'REVIEW_NOT_SAVED',
  REVIEW_LOG_UNAVAILABLE: 'REVIEW_NOT_SAVED',
  CARD_NOT_FOUND: 'CARD_NOT_FOUND',
  CALCULATOR_NOT_FOUND: 'CALCULATOR_NOT_FOUND',
  BAD_INPUT: 'BAD_INPUT',
  CALCULATION_FAILED: 'BAD_INPUT',
  CATALOG_INVALID: 'INTERNAL',
  OFFER_INVALID: 'BAD_INPUT',
};

export interface ErrorValue {
  code: ErrorCode;
  message: string;
}

/** `log` hears every unexpected error (a bug), with its stack. */
export function errorValue(err: unknown, log: (text: string) => void = (t) => console.error(t)): ErrorValue {
  if (err instanceof ApiError) return { code: err.code, message: err.message };
  if (err instanceof DomainError) return { code: CONTRACT_CODE[err.code], message: err.message };
  log(`cairn: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
