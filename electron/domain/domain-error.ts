// Expected failures of the domain carry a code from where they start; the boundary maps codes to
// the contract's error values with one table (electron/error-values.ts). Anything thrown that is
// not a DomainError is a bug: logged with its stack and answered as INTERNAL.
export type DomainErrorCode =
  | 'VAULT_NOT_FOUND'
  | 'VAULT_UNREADABLE'
  | 'REVIEW_NOT_SAVED'
  | 'REVIEW_LOG_UNAVAILABLE'
  | 'CARD_NOT_FOUND'
  | 'CALCULATOR_NOT_FOUND'
  | 'BAD_INPUT'
  | 'CALCULATION_FAILED'
  | 'CATALOG_INVALID'
  | 'OFFER_INVALID';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
