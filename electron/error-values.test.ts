import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './contract.ts';
import { DomainError } from './domain/domain-error.ts';
import { errorValue } from './error-values.ts';
import { VaultError } from './domain/vault/vault.ts';
import { InputError } from './domain/calc/inputs.ts';

test('domain errors map by their code, one table', () => {
  const logged: string[] = [];
  const log = (t: string) => logged.push(t);
  assert.deepEqual(errorValue(new VaultError('VAULT_UNREADABLE', 'nope'), log), { code: 'VAULT_UNREADABLE', message: 'nope' });
  assert.deepEqual(errorValue(new VaultError('VAULT_NOT_FOUND', 'gone'), log), { code: 'VAULT_NOT_FOUND', message: 'gone' });
  assert.deepEqual(errorValue(new InputError('hours must be ≤ 24'), log), { code: 'BAD_INPUT', message: 'hours must be ≤ 24' });
  assert.deepEqual(errorValue(new DomainError('REVIEW_LOG_UNAVAILABLE', 'read-only'), log), { code: 'REVIEW_NOT_SAVED', message: 'read-only' });
  assert.deepEqual(errorValue(new ApiError('NOTE_NOT_FOUND', 'no note x'), log), { code: 'NOTE_NOT_FOUND', message: 'no note x' });
  assert.deepEqual(logged, [], 'expected failures are not logged as bugs');
});

test('anything else is a bug: INTERNAL, logged with its stack — a stack overflow is no bad input', () => {
  const logged: string[] = [];
  const overflow = (): number => overflow() + 1;
  let err: unknown;
  try {
    overflow();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof RangeError);
  const value = errorValue(err, (t) => logged.push(t));
  assert.equal(value.code, 'INTERNAL');
  assert.equal(logged.length, 1);
  assert.match(logged[0], /Maximum call stack size exceeded\n\s+at /);
});
