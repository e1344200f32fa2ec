// An Anki package (.apkg): a zip holding `collection.anki2` — a SQLite database in Anki's legacy
// schema 11, which every Anki since 2.1 imports — and `media`, a JSON map of the zip's numbered
// files to their names (anki-manual, importing/packaged-decks.md; the schema as Anki's
// rslib/src/storage/schema11.sql defines it). The database is written with sql.js (SQLite
// compiled to WebAssembly, shipped inside its npm package: nothing to download), zipped with
// fflate. Both are loaded only when a package is made.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnkiNote, NoteTypeKey } from './anki-notes.ts';
import { NOTE_TYPES } from './anki-notes.ts';

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const CSS = '.card { font-family: arial; font-size: 20px; text-align: left; color: black; background-color: white; }';
const TEMPLATES: Record<NoteTypeKey, { qfmt: string; afmt: string; type: 0 | 1; name: string }> = {
  basic: { name: 'Card 1', type: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
  cloze: { name: 'Cloze', type: 1, qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' },
  choice: { name: 'Card 1', type: 0, qfmt: '{{Question}}<br><br>{{Options}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Answer}}<br><br>{{Explanations}}' },
};

export interface MediaFile {
  name: string;
  bytes: Uint8Array;
}

/** A positive id below 2^53 from a text: the same note type, deck or note gets the same id each export. */
export function stableId(text: string): number {
  return Number(BigInt('0x' + createHash('sha1').update(text).digest('hex').slice(0, 13)) % 9_000_000_000_000n) + 1_000_000_000_000;
}

const checksum = (field: string) =>
  parseInt(
    createHash('sha1')
      .update(field.replace(/<[^>]*>/g, ''))
      .digest('hex')
      .slice(0, 8),
    16,
  );

/**
 * SQLite compiled to WebAssembly, sql.js's own file. Built, it sits beside the bundle that runs this
 * (electron/build.mjs copies it to out/): the packaged app carries no node_modules (README.md,
 * "Packaging"). From source, it is the one in node_modules.
 */
function sqlWasmPath(): string {
  const beside = fileURLToPath(new URL('./sql-wasm.wasm', import.meta.url));
  return existsSync(beside) ? beside : createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
}

/** The .apkg bytes for `notes`, with `media` (each file named as the notes' `<img src>` name it). */
export async function buildApkg(notes: AnkiNote[], media: MediaFile[], now = new Date()): Promise<Uint8Array> {
  const { default: initSqlJs } = await import('sql.js');
  const { zipSync } = await import('fflate');
  const SQL = await initSqlJs({ wasmBinary: readFileSync(sqlWasmPath()) as unknown as ArrayBuffer });
  const db = new SQL.Database();
  try {
    db.run(SCHEMA);
    const secs = Math.floor(now.getTime() / 1000);
    const deckNames = [...new Set(notes.map((n) => n.deck))];
    // Parents first: Anki creates `a` for `a::b` anyway, but then with another id.
    const allDecks = [...new Set(deckNames.flatMap((d) => d.split('::').map((_, k, parts) => parts.slice(0, k + 1).join('::'))))];
    const deckId = (name: string) => (name === 'Default' ? 1 : stableId(`deck\u0000${name}`));
    const decks = Object.fromEntries(
      ['Default', ...allDecks.filter((d) => d !== 'Default')].map((name) => [String(deckId(name)), deck(deckId(name), name, secs)]),
    );
    const models = Object.fromEntries((Object.keys(NOTE_TYPES) as NoteTypeKey[]).map((key) => [String(modelId(key)), model(key, secs)]));
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      secs,
      secs * 1000,
      secs * 1000,
      JSON.stringify({
        nextPos: notes.length + 1,
        estTimes: true,
        activeDecks: [1],
        sortType: 'noteFld',
        timeLim: 0,
        sortBackwards: false,
        addToCur: true,
        curDeck: 1,
        newSpread: 0,
        dueCounts: true,
        curModel: String(modelId('basic')),
        collapseTime: 1200,
      }),
      JSON.stringify(models),
      JSON.stringify(decks),
      JSON.stringify({ 1: deckConfig() }),
      '{}',
    ]);
    const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const insertCard = db.prepare("INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    notes.forEach((note, k) => {
      const nid = stableId(`note\u0000${note.guid}`);
      const tags = note.tags.length ? ` ${note.tags.join(' ')} ` : '';
      insertNote.run([
        nid,
        note.guid,
        modelId(note.type),
        secs,
        tags,
        note.fields.join('\x1f'),
        note.fields[0].replace(/<[^>]*>/g, ''),
        checksum(note.fields[0]),
      ]);
      // One card per note: Basic and Choice have one template, our clozes use c1 only.
      insertCard.run([stableId(`card\u0000${note.guid}`), nid, deckId(note.deck), 0, secs, k + 1]);
    });
    insertNote.free();
    insertCard.free();
    const files: Record<string, Uint8Array> = { 'collection.anki2': db.export() };
    const map: Record<string, string> = {};
    media.forEach((file, k) => {
      files[String(k)] = file.bytes;
      map[String(k)] = file.name;
    });
    files.media = new TextEncoder().encode(JSON.stringify(map));
    return zipSync(files, { level: 6 });
  } finally {
    db.close();
  }
}

const modelId = (key: NoteTypeKey) => stableId(`notetype\u0000${NOTE_TYPES[key].name}`);

function model(key: NoteTypeKey, secs: number) {
  const t = TEMPLATES[key];
  const fields = NOTE_TYPES[key].fields;
  return {
    id: modelId(key),
    name: NOTE_TYPES[key].name,
    type: t.type,
    mod: secs,
    usn: -1,
    sortf: 0,
    did: 1,
    tmpls: [{ name: t.name, ord: 0, qfmt: t.qfmt, afmt: t.afmt, did: null, bqfmt: '', bafmt: '' }],
    flds: fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    css: CSS,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
}

function deck(id: number, name: string, secs: number) {
  return {
    id,
    name,
    mod: secs,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

function deckConfig() {
  return {
    id: 1,
    name: 'Default',
    mod: 0,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  };
}
