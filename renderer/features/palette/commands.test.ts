import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMANDS, commandForKey, filterCommands, formatKeys } from './commands.ts';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

test('every shortcut maps back to its own command, and no two commands share one', () => {
  const seen = new Set<string>();
  for (const c of COMMANDS) {
    if (!c.keys) continue;
    const shown = formatKeys(c.keys);
    assert.ok(!seen.has(shown), `two commands on ${shown}`);
    seen.add(shown);
    const k = c.keys;
    const key = k.shift && k.key.length === 1 ? k.key.toUpperCase() : k.key;
    assert.equal(commandForKey(press(key, { ctrlKey: !!k.mod, shiftKey: !!k.shift, altKey: !!k.alt })), c.id);
  }
});

test('Ctrl+P is the palette, Ctrl+Shift+F search, a bare letter is nothing', () => {
  assert.equal(commandForKey(press('p', { ctrlKey: true })), 'palette');
  assert.equal(commandForKey(press('P', { metaKey: true })), 'palette');
  assert.equal(commandForKey(press('F', { ctrlKey: true, shiftKey: true })), 'search');
  assert.equal(commandForKey(press('f', { ctrlKey: true })), null);
  assert.equal(commandForKey(press('p')), null);
});

test('the palette filter keeps commands holding every typed word', () => {
  assert.deepEqual(
    filterCommands(COMMANDS, 'go gra').map((c) => c.id),
    [],
  );
  assert.deepEqual(
    filterCommands(COMMANDS, 'graph').map((c) => c.id),
    ['graph'],
  );
  assert.deepEqual(
    filterCommands(COMMANDS, 'GO back').map((c) => c.id),
    ['back'],
  );
  assert.equal(filterCommands(COMMANDS, '').length, COMMANDS.length);
});
