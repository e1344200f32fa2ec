// The .apkg is opened by an independent reader: Python's zipfile and sqlite3 modules (CPython's
// own zip code and the system SQLite library), not the fflate + sql.js that wrote it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Vault } from '../vault/vault.ts';
import { extractAllCards } from './extract-cards.ts';
import { exportApkg } from './anki-apkg-export.ts';
import { seedText, SEED_ID } from './fixtures/load-fixtures.ts';

const READER = `
import json, sqlite3, sys, tempfile, zipfile, os
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
tmp = tempfile.mkdtemp()
db = os.path.join(tmp, 'c.anki2')
open(db, 'wb').write(z.read('collection.anki2'))
c = sqlite3.connect(db)
col = c.execute('select ver, models, decks from col').fetchone()
models = json.loads(col[1]); decks = json.loads(col[2])
notes = [dict(guid=g, model=models[str(m)]['name'], fields=f.split('\\x1f'), tags=t.split()) for g, m, f, t in c.execute('select guid, mid, flds, tags from notes order by id')]
cards = [dict(nid=n, deck=decks[str(d)]['name']) for n, d in c.execute('select nid, did from cards')]
note_decks = {nid: decks[str(d)]['name'] for nid, d in c.execute('select nid, did from cards')}
print(json.dumps(dict(files=names, ver=col[0], integrity=c.execute('pragma integrity_check').fetchone()[0],
  models={m['name']: [f['name'] for f in m['flds']] for m in models.values()}, decks=sorted(d['name'] for d in decks.values()),
  notes=notes, cards=len(cards), orphans=c.execute('select count(*) from cards where nid not in (select id from notes)').fetchone()[0],
  deckOf={g: note_decks[i] for i, g in c.execute('select id, guid from notes')},
  media=json.loads(z.read('media')), mediaSizes={k: len(z.read(k)) for k in json.loads(z.read('media'))})))
`;

interface Read {
  files: string[];
  ver: number;
  integrity: string;
  models: Record<string, string[]>;
  decks: string[];
  notes: Array<{ guid: string; model: string; fields: string[]; tags: string[] }>;
  cards: number;
  orphans: number;
  deckOf: Record<string, string>;
  media: Record<string, string>;
  mediaSizes: Record<string, number>;
}

function readApkg(file: string): Read {
  const r = spawnSync('python3', ['-c', READER, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`python3 is needed to read the package independently: ${r.error.message}`);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Read;
}

// A 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d1d3a90000000049454e44ae426082',
  'hex',
);

describe('Anki package', () => {
  let root: string;
  const file = () => path.join(root, 'out.apkg');
  async function exportVault(): Promise<Read> {
    const vault = await Vault.open(path.join(root, 'vault'));
    const { cards } = extractAllCards(vault.allNotes());
    const { bytes } = await exportApkg(cards, vault);
    writeFileSync(file(), bytes);
    return readApkg(file());
  }

  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cairn-apkg-'));
    const vault = path.join(root, 'vault');
    mkdirSync(path.join(vault, 'aws'), { recursive: true });
    mkdirSync(path.join(vault, 'img'));
    writeFileSync(path.join(vault, SEED_ID), seedText());
    writeFileSync(path.join(vault, 'img', 'arch.png'), PNG);
    writeFileSync(
      path.join(vault, 'korean.md'),
      '---\ntags: [lang/korean]\n---\n# 한국어\n\n안녕::hello\n\nArchitecture ![[arch.png]]::three tiers\n\n서울은 ==한국==^[나라]의 수도다.\n\nStable question::first answer ^keep-me\n',
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('notes, cards, unique GUIDs, our note types, nested decks and images, read by Python sqlite3', async () => {
    const r = await exportVault();
    assert.equal(r.integrity, 'ok');
    assert.equal(r.ver, 11);
    assert.ok(r.files.includes('collection.anki2') && r.files.includes('media'));
    assert.equal(r.notes.length, 8);
    assert.equal(r.cards, 8);
    assert.equal(r.orphans, 0);
    assert.equal(new Set(r.notes.map((n) => n.guid)).size, r.notes.length);
    assert.deepEqual(r.models, {
      'Cairn Basic': ['Front', 'Back'],
      'Cairn Cloze': ['Text', 'Back Extra'],
      'Cairn Choice': ['Question', 'Options', 'Answer', 'Explanations'],
    });
    assert.deepEqual([...new Set(r.notes.map((n) => n.model))].sort(), ['Cairn Basic', 'Cairn Choice', 'Cairn Cloze']);
    assert.ok(r.decks.includes('lang') && r.decks.includes('lang::korean') && r.decks.includes('service::sagemaker-processing'));
    const hello = r.notes.find((n) => n.fields[0] === '안녕')!;
    assert.equal(r.deckOf[hello.guid], 'lang::korean');
    assert.deepEqual(hello.tags, ['lang::korean']);
    const choice = r.notes.find((n) => n.model === 'Cairn Choice')!;
    assert.equal(choice.fields.length, 4);
    assert.match(choice.fields[2], /^C\) /);
    const cloze = r.notes.find((n) => n.model === 'Cairn Cloze')!;
    assert.equal(cloze.fields[0], '서울은 {{c1::한국::나라}}의 수도다.');
    const arch = r.notes.find((n) => n.fields[0].startsWith('Architecture'))!;
    assert.equal(arch.fields[0], 'Architecture <img src="arch.png">');
    assert.deepEqual(r.media, { 0: 'arch.png' });
    assert.equal(r.mediaSizes['0'], PNG.length);
  });

  test('a re-export after editing an answer keeps every GUID; a rename keeps the block-id card’s', async () => {
    const first = await exportVault();
    const note = path.join(root, 'vault', 'korean.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace('::hello', '::hello, hi').replace('first answer', 'second answer'));
    const seed = path.join(root, 'vault', SEED_ID);
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('1-3년 약정을 통해 최대 75% 할인', '1-3년 약정으로 최대 72% 할인'));
    const edited = await exportVault();
    assert.deepEqual(edited.notes.map((n) => n.guid).sort(), first.notes.map((n) => n.guid).sort());
    assert.ok(edited.notes.some((n) => n.fields[1] === 'hello, hi'));

    const stable = first.notes.find((n) => n.fields[0] === 'Stable question')!.guid;
    renameSync(note, path.join(root, 'vault', 'renamed.md'));
    const renamed = await exportVault();
    assert.ok(renamed.notes.some((n) => n.guid === stable && n.fields[1] === 'second answer'));
    // Without a block id a card's GUID follows its note: the others are new notes to Anki.
    assert.ok(!renamed.notes.some((n) => n.guid === first.notes.find((x) => x.fields[0] === '안녕')!.guid));
  });
});
