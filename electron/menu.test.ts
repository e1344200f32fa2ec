import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from './contract.ts';
import { menuTemplate, type MenuActions } from './menu.ts';

function setup(platform: NodeJS.Platform, recentVaults: string[] = []) {
  const log: string[] = [];
  const actions: MenuActions = {
    appName: 'Cairn',
    platform,
    recentVaults,
    openVault: (dir) => log.push(`open:${dir ?? 'dialog'}`),
    command: (c: AppCommand) => log.push(`command:${c}`),
    about: () => log.push('about'),
  };
  return { template: menuTemplate(actions), log };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function byId(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = flatten(template).find((i) => i.id === id);
  assert.ok(item, `menu item ${id}`);
  return item;
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('menu template', () => {
  const table: Array<[string, string | undefined, string]> = [
    ['open-vault', 'CmdOrCtrl+Shift+O', 'open:dialog'],
    ['quick-switcher', 'CmdOrCtrl+O', 'command:quickSwitcher'],
    ['search', 'CmdOrCtrl+Shift+F', 'command:search'],
    ['flashcards', undefined, 'command:flashcards'],
    ['back', 'Alt+Left', 'command:back'],
    ['forward', 'Alt+Right', 'command:forward'],
    ['about', undefined, 'about'],
  ];
  for (const [id, accelerator, effect] of table) {
    test(`${id}: ${accelerator ?? 'no accelerator'} → ${effect}`, () => {
      const { template, log } = setup('linux');
      const item = byId(template, id);
      assert.equal(item.accelerator, accelerator);
      click(item);
      assert.deepEqual(log, [effect]);
    });
  }

  test('no accelerator is used twice', () => {
    const accels = flatten(setup('linux').template)
      .map((i) => i.accelerator)
      .filter(Boolean);
    assert.equal(new Set(accels).size, accels.length);
  });

  test('Open Recent lists the recent vaults and opens the one clicked', () => {
    const { template, log } = setup('linux', ['/v/one', '/v/two']);
    const sub = byId(template, 'open-recent').submenu as MenuItemConstructorOptions[];
    assert.deepEqual(
      sub.map((i) => i.label),
      ['/v/one', '/v/two'],
    );
    click(sub[1]!);
    assert.deepEqual(log, ['open:/v/two']);
  });

  test('Open Recent with nothing recent is a disabled placeholder', () => {
    const sub = byId(setup('linux').template, 'open-recent').submenu as MenuItemConstructorOptions[];
    assert.equal(sub.length, 1);
    assert.equal(sub[0]!.enabled, false);
  });

  test('Windows/Linux: File Edit Go View Help, Quit in File', () => {
    const { template } = setup('win32');
    assert.deepEqual(
      template.map((m) => m.label),
      ['&File', '&Edit', '&Go', '&View', '&Help'],
    );
    assert.ok(flatten(template).some((i) => i.role === 'quit'));
  });

  test('macOS: the app menu comes first and has Quit; a Window menu', () => {
    const { template } = setup('darwin');
    assert.equal(template[0]!.label, 'Cairn');
    assert.ok((template[0]!.submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'quit'));
    assert.ok(template.some((m) => m.role === 'windowMenu'));
  });

  test('View has reload, devtools, zoom and full screen', () => {
    const roles = flatten(setup('linux').template).map((i) => i.role);
    for (const r of ['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) assert.ok(roles.includes(r as never), r);
  });
});
