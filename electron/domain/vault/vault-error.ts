import { DomainError } from '../domain-error.ts';

/** A vault that cannot be opened: missing (or not a folder), or unreadable. Its own module so the
 *  CLI can tell it apart without loading the vault and its index (`cairn --help` stays fast). */
export class VaultError extends DomainError {
  constructor(code: 'VAULT_NOT_FOUND' | 'VAULT_UNREADABLE', message: string) {
    super(code, message);
  }
}
