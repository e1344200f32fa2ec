import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NoteView, VaultEvent, VaultInfo } from './contract.ts';
import type { Vault } from './domain/vault/vault.ts';
import { AppApi } from './app-api.ts';

test('opening a vault reports progress in three steps: the list answers by file name before any note is read, tags and the note view once read, search and unlinked mentions after the full text', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-progress-'));
  try {
    for (let i = 0; i < 600; i++) await writeFile(path.join(dir, `n${i}.md`), `# Note ${i}\nword${i} #tag${i % 3}`);
    const api = new AppApi({ canOpenVault: false, watch: false, dataDir: path.join(dir, '.data'), device: 't' });
    const events: VaultEvent[] = [];
    api.onEvent((e) => events.push(e));
    const opening = api.open(dir);
    // Asked before the index is ready: answered once it is, not with NO_VAULT.
    const early = api.dispatch('search', { query: 'word599' });
    // The local host's calls wait a bounded time (DispatchOptions.waitMs): past it, NOT_READY,
    // and the operation did not run.
    const bounded = api.dispatch('search', { query: 'word599' }, { waitMs: 0 });
    const stageWhen = () => events.filter((e) => e.kind === 'indexed').map((e) => e.kind === 'indexed' && e.index.stage);
    let stagesWhenListed: unknown[] = [];
    let readWhenListed = -1;
    const list = api.dispatch('noteList', {}).then((r) => {
      stagesWhenListed = stageWhen();
      readWhenListed = Math.max(0, ...events.map((e) => (e.kind === 'progress' && e.stage === 'read' ? e.done : 0)));
      return r;
    });
    let stagesWhenTagged: unknown[] = [];
    const tags = api.dispatch('tagList', {}).then((r) => {
      stagesWhenTagged = stageWhen();
      return r;
    });
    const switched = api.dispatch('quickSwitch', { query: 'n599' });
    // A note opens before the notes are read (from its own file, its backlinks pending) or once
    // they are; its unlinked mentions wait for the full text.
    const textDone = () => events.some((e) => e.kind === 'progress' && e.stage === 'text' && e.done === e.total);
    let notedWhen: unknown[] = [];
    const noted = api.dispatch('getNote', { id: 'n599.md' }).then((r) => {
      notedWhen = [...stageWhen(), textDone()];
      return r;
    });
    let mentionedWhen: unknown[] = [];
    const mentioned = api.dispatch('noteMentions', { id: 'n599.md' }).then((r) => {
      mentionedWhen = [stageWhen().includes('list'), textDone()];
      return r;
    });
    await opening;
    assert.deepEqual(await bounded, { ok: false, error: { code: 'NOT_READY', message: "search waits for the vault's index, which is still being built" } });
    const boundedList = await api.dispatch('noteList', {}, { waitMs: 0 });
    assert.ok(boundedList.ok && (boundedList.value as unknown[]).length === 600, 'the list answers within any wait once the names are in');
    const listed = await list;
    assert.ok(listed.ok && (listed.value as unknown[]).length === 600, JSON.stringify(listed).slice(0, 300));
    assert.deepEqual(stagesWhenListed, ['names'], 'the list answered from the folder walk');
    assert.equal(readWhenListed, 0, 'before any note was read');
    assert.deepEqual((listed.value as Array<{ title: string }>).slice(0, 2), [
      { id: 'n0.md', title: 'n0' },
      { id: 'n1.md', title: 'n1' },
    ]);
    const tagged = await tags;
    assert.deepEqual(stagesWhenTagged, ['names', 'list'], 'tags waited for the notes to be read (not an empty list)');
    assert.ok(tagged.ok && (tagged.value as unknown[]).length === 3, JSON.stringify(tagged));
    const sw = await switched;
    assert.ok(sw.ok && (sw.value as Array<{ id: string }>)[0]?.id === 'n599.md', 'the quick switcher works from the list: ' + JSON.stringify(sw));
    const note = await noted;
    assert.ok(note.ok && (note.value as { title: string }).title === 'n599', JSON.stringify(note).slice(0, 300));
    const ahead = (note.value as NoteView).linksPending === true;
    assert.deepEqual(notedWhen, ahead ? ['names', false] : ['names', 'list', false], 'the note opened before the full text was indexed');
    assert.ok((await mentioned).ok);
    assert.deepEqual(mentionedWhen, [true, true], 'the unlinked mentions waited for the full text');
    const r = await early;
    assert.ok(r.ok && (r.value as { hits: Array<{ id: string }> }).hits[0]?.id === 'n599.md', 'search waited for the full text');
    await api.indexed();
    const boundedLater = await api.dispatch('search', { query: 'word599' }, { waitMs: 0 });
    assert.ok(boundedLater.ok && (boundedLater.value as { hits: Array<{ id: string }> }).hits[0]?.id === 'n599.md', 'once indexed, a bounded search answers');
    const progress = (stage: string) => events.filter((e) => e.kind === 'progress' && e.stage === stage).map((e) => e.kind === 'progress' && [e.done, e.total]);
    assert.deepEqual(progress('read'), [
      [0, 600],
      [250, 600],
      [500, 600],
      [600, 600],
    ]);
    assert.deepEqual(progress('text'), [
      [0, 600],
      [250, 600],
      [500, 600],
      [600, 600],
    ]);
    const stages = events.filter((e) => e.kind === 'indexed').map((e) => e.kind === 'indexed' && e.index.stage);
    assert.deepEqual(stages, ['names', 'list', 'full']);
    await api.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('search answers the hits asked for and the real number of hits; quickSwitch gives folders', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-total-'));
  try {
    for (let i = 0; i < 30; i++) await writeFile(path.join(dir, `n${i}.md`), `# Note ${i}\ncommonword`);
    await writeFile(path.join(dir, 'other.md'), 'nothing shared');
    const api = new AppApi({ canOpenVault: false, watch: false, dataDir: path.join(dir, '.data'), device: 't' });
    await api.open(dir);
    const r = await api.dispatch('search', { query: 'commonword', limit: 5 });
    assert.ok(r.ok);
    assert.deepEqual([(r.value as { hits: unknown[] }).hits.length, (r.value as { total: number }).total], [5, 30]);
    assert.equal((r.value as { exact: boolean }).exact, true);
    assert.deepEqual(await api.dispatch('searchCount', { query: 'commonword' }), { ok: true, value: { total: 30, exact: true } });
    const few = await api.dispatch('search', { query: 'nothing', limit: 5 });
    assert.ok(few.ok && (few.value as { total: number }).total === 1);
    const sw = await api.dispatch('quickSwitch', { query: 'n12' });
    assert.ok(sw.ok);
    assert.deepEqual((sw.value as unknown[])[0], { id: 'n12.md', title: 'n12', alias: null, folder: '' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the app keeps its index in the data folder: a second open comes from it; a corrupt one is a notice and a cold index', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-cache-app-'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-cache-data-'));
  try {
    await cp(path.resolve('notes'), dir, { recursive: true });
    const start = async () => {
      const api = new AppApi({ canOpenVault: false, watch: false, dataDir, device: 't' });
      await api.open(dir);
      await api.indexed();
      const info = await api.dispatch('vaultInfo', {});
      const hits = await api.dispatch('search', { query: '인스턴스를' });
      await api.close();
      assert.ok(info.ok && hits.ok);
      return { index: (info.value as VaultInfo).index, hits: hits.value };
    };
    const first = await start();
    assert.deepEqual({ ...first.index, read: first.index.read > 10 }, { stage: 'full', fromCache: 0, read: true, notice: null, watch: null });
    const caches = await readdir(path.join(dataDir, 'index-cache'), { recursive: true });
    assert.ok(
      caches.some((f) => f.endsWith('manifest.json')),
      'written to <dataDir>/index-cache on close',
    );
    assert.ok(!(await readdir(dir, { recursive: true })).some((f) => f.includes('index-')), 'nothing written into the vault');

    const second = await start();
    assert.equal(second.index.read, 0);
    assert.equal(second.index.fromCache, first.index.read);
    assert.deepEqual(second.hits, first.hits);

    const bin = caches.find((f) => f.endsWith('.bin'))!;
    const data = path.join(dataDir, 'index-cache', bin);
    const bytes = await readFile(data);
    bytes.fill(7, 100, 200);
    await writeFile(data, bytes);
    const third = await start();
    assert.equal(third.index.fromCache, 0);
    assert.match(third.index.notice ?? '', /index cache is damaged/);
    assert.deepEqual(third.hits, first.hits);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the note view answers without its unlinked mentions; noteMentions answers them apart', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-mentions-'));
  try {
    await writeFile(path.join(dir, 'alpha-note.md'), '# Alpha\nbody');
    await writeFile(path.join(dir, 'b.md'), 'see alpha-note for more');
    await writeFile(path.join(dir, 'c.md'), 'links [[alpha-note]]');
    const api = new AppApi({ canOpenVault: false, watch: false, dataDir: path.join(dir, '.data'), device: 't' });
    await api.open(dir);
    // Before every note is read, a note is read on its own and its backlinks are pending.
    await api.indexed();
    const view = await api.dispatch('getNote', { id: 'alpha-note.md' });
    assert.ok(view.ok);
    const v = view.value as Record<string, unknown> & { backlinks: Array<{ id: string }> };
    assert.deepEqual(
      v.backlinks.map((b) => b.id),
      ['c.md'],
    );
    assert.equal('unlinkedMentions' in v, false, 'not looked for with the note');
    const mentions = await api.dispatch('noteMentions', { id: 'alpha-note.md' });
    assert.deepEqual(mentions, { ok: true, value: [{ id: 'b.md', line: 1, context: 'see alpha-note for more', name: 'alpha-note', title: 'b' }] });
    const missing = await api.dispatch('noteMentions', { id: 'nope.md' });
    assert.ok(!missing.ok && missing.error.code === 'NOTE_NOT_FOUND');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an open settles once the index cache it needed is written and the file watcher is live', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-settle-'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-settle-data-'));
  const api = new AppApi({ canOpenVault: false, dataDir, device: 't' });
  try {
    await cp(path.resolve('notes'), dir, { recursive: true });
    await api.open(dir);
    // A first open writes the cache after the open (index-saver.ts): settled waits for it
    // without hurrying it (close would write it at once).
    await api.settled();
    const caches = await readdir(path.join(dataDir, 'index-cache'), { recursive: true });
    assert.ok(
      caches.some((f) => f.endsWith('manifest.json')),
      'cache written before the open settled',
    );
    const hits = await api.dispatch('search', { query: '인스턴스를' });
    assert.ok(hits.ok && (hits.value as { hits: unknown[] }).hits.length > 0, 'answers after the collection');
    // The save swapped the switcher the cold open built for its imported copy (vault.ts, saveCache).
    assert.equal((api as unknown as { current(): Vault }).current().switcher.imported, true);
    const switched = await api.dispatch('quickSwitch', { query: '스팟 중단' });
    assert.ok(switched.ok && (switched.value as Array<{ id: string }>).some((h) => h.id === 'aws/ec2/spot-interruption-handling.md'), JSON.stringify(switched));
  } finally {
    // Closed on a failure too: its watcher would keep the test process alive.
    await api.close();
    await rm(dir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('stage gates (for end-to-end tests) hold an open at each stage until their file is there; a gates folder that does not exist holds nothing', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-gates-'));
  try {
    await writeFile(path.join(dir, 'a.md'), '# A\nsome words #tag');
    const gates = path.join(dir, '.gates');
    await mkdir(gates);
    const api = new AppApi({ canOpenVault: false, watch: false, dataDir: path.join(dir, '.data'), device: 't', stageGates: gates });
    await api.open(dir);
    const stage = async () => ((await api.dispatch('vaultInfo', {})) as { ok: true; value: VaultInfo }).value.index.stage;
    const after = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await after(200);
    assert.equal(await stage(), 'names');
    await writeFile(path.join(gates, 'read'), '');
    await api.dispatch('tagList', {});
    await after(200);
    assert.equal(await stage(), 'list');
    await writeFile(path.join(gates, 'full'), '');
    const found = await api.dispatch('search', { query: 'words' });
    assert.ok(found.ok && (found.value as { hits: unknown[] }).hits.length === 1);
    assert.equal(await stage(), 'full');
    await api.close();

    const stray = new AppApi({
      canOpenVault: false,
      watch: false,
      dataDir: path.join(dir, '.data2'),
      device: 't',
      stageGates: path.join(dir, 'no-such-folder'),
    });
    await stray.open(dir);
    const r = await stray.dispatch('search', { query: 'words' }, { waitMs: 5_000 });
    assert.ok(r.ok, JSON.stringify(r));
    await stray.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('before every note is read, a note opens from its own file: links resolved, embeds shown, backlinks pending; then the full view', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-ahead-'));
  const gates = path.join(dir, '.gates');
  let api: AppApi | undefined;
  try {
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'a.md'), '---\ntags: [topic/x]\n---\n# A\nSee [[b]] and [[nowhere]].\n\n![[sub/c]]\n');
    await writeFile(path.join(dir, 'b.md'), '# B\nlinks back to [[a]]\n');
    await writeFile(path.join(dir, 'sub/c.md'), '# C\nembedded words here\n');
    await mkdir(gates);
    api = new AppApi({ canOpenVault: false, watch: false, dataDir: path.join(dir, '.data'), device: 't', stageGates: gates });
    await api.open(dir);
    const early = await api.dispatch('getNote', { id: 'a.md' }, { waitMs: 5_000 });
    assert.ok(early.ok, JSON.stringify(early));
    const v = early.value as NoteView;
    assert.equal(v.linksPending, true);
    assert.equal(v.title, 'a');
    assert.deepEqual(v.tags, ['topic/x']);
    assert.deepEqual(
      v.links.map((l) => [l.raw, l.target]),
      [
        ['[[b]]', 'b.md'],
        ['[[nowhere]]', null],
        ['![[sub/c]]', 'sub/c.md'],
      ],
    );
    assert.deepEqual(v.backlinks, []);
    assert.match(v.html, /embedded words here/, 'the embedded note is read ahead too');
    assert.equal(((await api.dispatch('vaultInfo', {})) as { ok: true; value: VaultInfo }).value.index.stage, 'names', 'still before the read');
    const missing = await api.dispatch('getNote', { id: 'no-such.md' }, { waitMs: 5_000 });
    assert.ok(!missing.ok && missing.error.code === 'NOTE_NOT_FOUND');
    const outside = await api.dispatch('getNote', { id: '../escape.md' }, { waitMs: 5_000 });
    assert.ok(!outside.ok && outside.error.code === 'BAD_REQUEST', JSON.stringify(outside));
    await writeFile(path.join(gates, 'read'), '');
    await writeFile(path.join(gates, 'full'), '');
    await api.indexed();
    const full = await api.dispatch('getNote', { id: 'a.md' });
    assert.ok(full.ok);
    const f = full.value as NoteView;
    assert.equal(f.linksPending, undefined);
    assert.deepEqual(
      f.backlinks.map((b) => b.id),
      ['b.md'],
    );
    // The same note as read ahead, but for what only the whole vault tells: backlinks and the
    // problems of its links.
    assert.deepEqual({ ...v, linksPending: undefined, diagnostics: [], backlinks: [] }, { ...f, linksPending: undefined, diagnostics: [], backlinks: [] });
    assert.ok(f.diagnostics.some((d) => d.code === 'UNRESOLVED_LINK'));
  } finally {
    // Held at a stage, an open would keep the test process alive.
    await writeFile(path.join(gates, 'read'), '').catch(() => undefined);
    await writeFile(path.join(gates, 'full'), '').catch(() => undefined);
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('opening another vault closes the index cache files the one before read its bodies from', async (t) => {
  if (process.platform !== 'linux') {
    console.log('*** no /proc/self/fd here: the open data files cannot be counted — test SKIPPED ***');
    t.skip('needs /proc/self/fd');
    return;
  }
  const first = await mkdtemp(path.join(os.tmpdir(), 'cairn-two-a-'));
  const second = await mkdtemp(path.join(os.tmpdir(), 'cairn-two-b-'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-two-data-'));
  const dataFiles = () =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).startsWith(dataDir);
      } catch {
        return false;
      }
    }).length;
  try {
    await cp(path.resolve('notes'), first, { recursive: true });
    await writeFile(path.join(second, 'one.md'), '# One\nthe only note\n');
    const opened = async (api: AppApi, dir: string) => {
      await api.open(dir);
      await api.indexed();
    };
    // A first run writes the cache; a second reads the notes' bodies from it.
    const writer = new AppApi({ canOpenVault: true, watch: false, dataDir, device: 't' });
    await opened(writer, first);
    await writer.close();
    const api = new AppApi({ canOpenVault: true, watch: false, dataDir, device: 't' });
    await opened(api, first);
    const before = dataFiles();
    assert.ok(before >= 1, 'the first vault reads its bodies from its data file');
    await opened(api, second);
    assert.equal(dataFiles(), before - 1, 'the first vault’s data file is closed');
    await api.close();
  } finally {
    for (const d of [first, second, dataDir]) await rm(d, { recursive: true, force: true });
  }
});
