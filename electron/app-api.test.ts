import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { VaultEvent } from './contract.ts';
import { AppApi } from './app-api.ts';

test('opening a vault reports indexing progress, and calls made meanwhile wait for it', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-progress-'));
  try {
    for (let i = 0; i < 600; i++) await writeFile(path.join(dir, `n${i}.md`), `# Note ${i}\nword${i}`);
    const api = new AppApi({ canOpenVault: false, watch: false, dataDir: path.join(dir, '.data'), device: 't' });
    const events: VaultEvent[] = [];
    api.onEvent((e) => events.push(e));
    const opening = api.open(dir);
    // Asked before the index is ready: answered once it is, not with NO_VAULT.
    const early = api.dispatch('search', { query: 'word599' });
    await opening;
    const r = await early;
    assert.ok(r.ok && (r.value as { hits: Array<{ id: string }> }).hits[0]?.id === 'n599.md');
    const progress = events.filter((e) => e.kind === 'progress').map((e) => e.kind === 'progress' && [e.done, e.total]);
    assert.deepEqual(progress, [[0, 600], [250, 600], [500, 600], [600, 600]]);
    assert.equal(events.at(-1)?.kind, 'reload');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
