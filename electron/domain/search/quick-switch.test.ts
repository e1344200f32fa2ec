import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseNote } from '../notes/parse-note.ts';
import { Vault } from '../vault/vault.ts';
import { QuickSwitchIndex } from './quick-switch.ts';

const NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../notes');
const NOTEBOOK = 'aws/sagemaker/sagemaker-notebook-instances.md';
const SAVINGS = 'aws/cost/sagemaker-savings-plans.md';
const SPOT_TRAINING = 'aws/sagemaker/sagemaker-managed-spot-training.md';
const SPOT_INTERRUPTION = 'aws/ec2/spot-interruption-handling.md';
const SEED = 'aws/cost-sagemaker-processing-optimization.md';

describe('quick switcher on the shipped vault notes/', () => {
  let vault: Vault;
  before(async () => {
    vault = await Vault.open(NOTES);
  });
  const ids = (q: string) => vault.switcher.search(q, 20).map((h) => h.id);

  // [query, the note that must come first, why]
  const first: Array<[string, string, string]> = [
    ['Savings Plans', SAVINGS, 'a space matches the hyphens of sagemaker-savings-plans'],
    ['plans savings', SAVINGS, 'words in any order'],
    ['managed spot', SPOT_TRAINING, 'two words inside a hyphenated title'],
    ['spot managed', SPOT_TRAINING, 'any order'],
    ['세이지메이커 노트북', NOTEBOOK, 'Korean words across the first heading and an alias'],
    ['노트북 인스턴스', NOTEBOOK, 'an alias, exactly'],
    ['스팟 학습', SPOT_TRAINING, 'a Korean alias'],
    ['sagemaker-cost', SEED, 'an alias with its hyphen'],
    ['sagemaker cost', SEED, 'the same alias typed with a space'],
    ['aws/cost/sagemaker-savings', SAVINGS, 'a path'],
    ['savigns plan', SAVINGS, 'swapped letters'],
    ['notbook', NOTEBOOK, 'a missing letter'],
    ['notebbook', NOTEBOOK, 'an added letter'],
    ['notebuok', NOTEBOOK, 'a wrong letter'],
    ['use_spot_instances', SPOT_TRAINING, 'an alias with underscores'],
    ['use spot instances', SPOT_TRAINING, 'underscores typed as spaces'],
    ['ㅅㅍ ㅎㅅ', SPOT_TRAINING, '초성 of 스팟 학습'],
  ];
  for (const [query, id, why] of first) test(`${JSON.stringify(query)} → ${path.basename(id)} first (${why})`, () => assert.equal(ids(query)[0], id));

  test('초성 ㅅㅇㅈㅁㅇㅋ finds every note named 세이지메이커 in a title, alias or first heading', () => {
    const named = vault
      .allNotes()
      .filter((n) => [n.title, ...n.aliases, n.headings.find((h) => h.level === 1)?.text ?? ''].some((s) => s.includes('세이지메이커')));
    assert.ok(named.length >= 5);
    assert.deepEqual(new Set(vault.switcher.search('ㅅㅇㅈㅁㅇㅋ', 100).map((h) => h.id)), new Set(named.map((n) => n.id)));
  });
  test('an unfinished last syllable matches on its jamo: 세이지메잌 is on its way to 세이지메이커', () => {
    const hits = vault.switcher.search('세이지메잌', 100);
    assert.ok(hits.length >= 5);
    assert.deepEqual(hits, vault.switcher.search('세이지메이커', 100));
    assert.equal(hits[0].alias, '세이지메이커 절감형 플랜', 'the shortest name that starts with it comes first');
  });
  test('a Korean word typed with a space inside a compound still finds it', () => {
    assert.ok(ids('세이지 메이커').includes(SAVINGS));
  });
  test('spot finds both spot notes, and nothing that does not name spot', () => {
    const hits = ids('spot');
    assert.ok(hits.includes(SPOT_TRAINING) && hits.includes(SPOT_INTERRUPTION));
    for (const id of hits) assert.match(JSON.stringify(vault.getNote(id)!.aliases) + id, /spot/i);
  });
  test('the alias that matched is shown, the folder is given', () => {
    const [hit] = vault.switcher.search('노트북 인스턴스', 1);
    assert.deepEqual(hit, { id: NOTEBOOK, title: 'sagemaker-notebook-instances', alias: '노트북 인스턴스', folder: 'aws/sagemaker' });
  });
  test('a query with no answer finds nothing', () => {
    for (const q of ['zzqxv', 'ㅋㅋㅋㅋㅋ', '---', '', '   ']) assert.deepEqual(ids(q), [], q);
  });
});

describe('quick switcher index', () => {
  const note = (id: string, text = '') => parseNote(id, text);

  test('order: exact, then prefix, then words, then typos', () => {
    const idx = new QuickSwitchIndex();
    idx.put(note('b/plan-savings-extra.md')); // every word
    idx.put(note('a/savings-plans-long-name.md')); // starts with the query
    idx.put(note('savings-plans.md')); // exact
    idx.put(note('c/savings-plain.md')); // a typo away
    assert.deepEqual(
      idx.search('savings plans').map((h) => h.id),
      ['savings-plans.md', 'a/savings-plans-long-name.md'],
    );
    assert.deepEqual(
      idx.search('savings plan').map((h) => h.id),
      ['savings-plans.md', 'a/savings-plans-long-name.md', 'b/plan-savings-extra.md'],
    );
    // "plaen" starts no known word: its corrections (plan, plain) are tried, after nothing exact.
    assert.deepEqual(
      new Set(idx.search('savings plaen').map((h) => h.id)),
      new Set(['savings-plans.md', 'a/savings-plans-long-name.md', 'b/plan-savings-extra.md', 'c/savings-plain.md']),
    );
  });
  test('a typo is tried only for a word that starts no known word', () => {
    const idx = new QuickSwitchIndex();
    idx.put(note('notebook.md'));
    idx.put(note('notes.md'));
    assert.deepEqual(
      idx.search('note').map((h) => h.id),
      ['notes.md', 'notebook.md'],
    );
    assert.deepEqual(
      idx.search('notbook').map((h) => h.id),
      ['notebook.md'],
    );
    assert.deepEqual(
      idx.search('xotebook').map((h) => h.id),
      ['notebook.md'],
      'a wrong first letter',
    );
    assert.deepEqual(
      idx.search('otebook').map((h) => h.id),
      ['notebook.md'],
      'a missing first letter',
    );
  });
  test('notes with the same name are told apart by their folder', () => {
    const idx = new QuickSwitchIndex();
    idx.put(note('a/index.md'));
    idx.put(note('b/c/index.md'));
    assert.deepEqual(
      idx.search('index').map((h) => [h.title, h.folder]),
      [
        ['index', 'a'],
        ['index', 'b/c'],
      ],
    );
  });
  test('put replaces, remove forgets, and a removed word is no longer a correction', () => {
    const idx = new QuickSwitchIndex();
    idx.put(note('x.md', '---\naliases: [kubernetes]\n---\n'));
    assert.equal(idx.search('kubernetse')[0]?.id, 'x.md');
    idx.put(note('x.md', '---\naliases: [docker]\n---\n'));
    assert.deepEqual(idx.search('kubernetes'), []);
    assert.deepEqual(idx.search('kubernetse'), []);
    assert.equal(idx.search('docker')[0]?.alias, 'docker');
    idx.remove('x.md');
    assert.deepEqual(idx.search('docker'), []);
    assert.equal(idx.size, 0);
  });
  test('a name that repeats the title is left out, and a note put again with the same names keeps its entry', () => {
    const idx = new QuickSwitchIndex();
    const byName = { id: 'ml/sage-maker.md', title: 'sage-maker', aliases: [], subtitle: null, headings: [] };
    idx.put(byName);
    const entry = () => (idx as unknown as { entries: Map<string, { num: number; others: string[] }> }).entries.get('ml/sage-maker.md')!;
    const first = entry();
    // Read: its frontmatter title and `# heading` are the file name's words again.
    idx.put(note('ml/sage-maker.md', '---\ntitle: Sage Maker\n---\n# SAGE maker\n\ntext'));
    assert.equal(entry(), first, 'the same entry');
    assert.deepEqual(first.others, []);
    // A heading of other words is a name of its own: the entry is replaced.
    idx.put(note('ml/sage-maker.md', '# SageMaker in one page\n'));
    assert.notEqual(entry().num, first.num);
    assert.deepEqual(entry().others, ['SageMaker in one page']);
    assert.equal(idx.search('sagemaker in one page')[0]?.alias, 'SageMaker in one page');
    assert.equal(idx.search('sage maker')[0]?.alias, null);
  });
  test('a snapshot restores the same answers; one of another version is refused', async () => {
    const vault = await Vault.open(NOTES);
    const snap = structuredClone(vault.switcher.snapshot());
    const restored = new QuickSwitchIndex();
    assert.equal(
      restored.restore(snap, () => true),
      true,
    );
    for (const q of ['savings plans', 'ㅅㅇㅈㅁㅇㅋ', '세이지메잌', 'notbook', 'spot']) assert.deepEqual(restored.search(q), vault.switcher.search(q), q);
    const older = new QuickSwitchIndex();
    assert.equal(
      older.restore({ ...snap, version: 0 } as never, () => true),
      false,
    );
    assert.equal(older.size, 0);
    const some = new QuickSwitchIndex();
    some.restore(snap, (id) => id !== NOTEBOOK);
    assert.equal(some.size, vault.allNotes().length - 1);
    const broken = new QuickSwitchIndex();
    const twice = { ...snap, entries: snap.entries.map((e) => ({ ...e, num: 1 })) };
    assert.equal(
      broken.restore(twice, () => true),
      false,
      'two entries under one number',
    );
    assert.equal(broken.size, 0);
    assert.deepEqual(broken.search('spot'), []);
  });
  test('a restored index (FlexSearch import) takes puts and removes as one built note by note', async () => {
    const vault = await Vault.open(NOTES);
    const notes = vault.allNotes();
    const restored = new QuickSwitchIndex();
    // Restored without the notebook note; then one note renamed by an alias and one removed.
    restored.restore(structuredClone(vault.switcher.snapshot()), (id) => id !== NOTEBOOK);
    const changed = notes.find((n) => n.id === SAVINGS)!;
    const renamed = { ...changed, aliases: [...changed.aliases, 'kubernetes budget'] };
    restored.put(renamed);
    restored.remove(SPOT_INTERRUPTION);
    const built = new QuickSwitchIndex();
    for (const n of notes) if (n.id !== NOTEBOOK && n.id !== SPOT_INTERRUPTION) built.put(n.id === SAVINGS ? renamed : n);
    assert.equal(restored.size, built.size);
    for (const q of ['kubernetes', 'budget savings', 'spot interruption', 'notebook', 'ㅅㅇㅈㅁㅇㅋ', 'savigns', 'sagemaker', 'spot']) {
      assert.deepEqual(
        restored
          .search(q)
          .map((h) => h.id)
          .sort(),
        built
          .search(q)
          .map((h) => h.id)
          .sort(),
        q,
      );
    }
    // The removed notes' terms wait for the sweep (a remove from an imported index reads every
    // list); swept, FlexSearch's own lists hold no number of a removed note, and the answers stay.
    assert.equal(restored.deadCount, 3);
    while (restored.sweepOne());
    for (const q of ['kubernetes', 'budget savings', 'spot interruption', 'savigns', 'spot']) assert.deepEqual(restored.search(q), built.search(q), q);
    const raw = (idx: QuickSwitchIndex, term: string) =>
      ((idx as unknown as { words: { search(q: string, o: object): unknown[] } }).words.search(term, { limit: 1000 }) ?? []).length;
    for (const term of ['spot', 'interruption', 'savings', 'sagemaker', 'notebook', 'ㅅㅇㅈㅁㅇㅋ']) assert.equal(raw(restored, term), raw(built, term), term);
    assert.equal(restored.search('kubernetes budget')[0]?.id, SAVINGS);
    assert.ok(!restored.search('spot interruption').some((h) => h.id === SPOT_INTERRUPTION));
  });
  test('any query string answers without throwing, and every hit is a note of the index', () => {
    const idx = new QuickSwitchIndex();
    const known = ['a.md', 'k/세이지메이커-노트북.md', 'x/S3버킷 값.md', 'weird (1) [x].md'];
    for (const id of known) idx.put(note(id, '---\naliases: ["ㅋㅋ", "a.b*c?"]\n---\n# 제목 (heading)\n'));
    const hostile = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: fc.constantFrom('ㅅ', 'ㅇ', '세', '잌', ' ', '-', '_', '/', '\u0000', '\ud800', '.*', '(', '\\', 'a'), maxLength: 30 }),
      fc.constant('x'.repeat(10_000)),
      fc.constant('세'.repeat(10_000)),
    );
    fc.assert(
      fc.property(hostile, fc.integer({ min: -5, max: 2000 }), (q, limit) => {
        const hits = idx.search(q, limit);
        assert.ok(hits.length <= Math.max(0, limit));
        for (const h of hits) assert.ok(known.includes(h.id));
      }),
      { numRuns: 1500 },
    );
  });
});
