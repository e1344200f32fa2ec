import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNote } from '../notes/parse-note.ts';
import { Vault } from '../vault/vault.ts';
import { SearchIndex } from './search-index.ts';
import { parseQuery } from './parse-query.ts';

const SEED = 'aws/cost-sagemaker-processing-optimization.md';
const NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../notes');

function fixtureIndex(): SearchIndex {
  const idx = new SearchIndex();
  const add = (id: string, text: string) => idx.put(parseNote(id, text));
  add('cafe.md', '---\ntags: [lang/fr]\n---\nUn café à Paris. Résumé of instances.');
  add('ko.md', '---\ntags: [service/sagemaker-processing]\naliases: [처리 작업]\n---\n# 세이지메이커 처리\n인스턴스를 중지하면 비용이 줄어든다.');
  add('ko2.md', '---\ntags: [service/ec2]\n---\n인스턴스 유형은 많다. 데이터엔지니어링팀이 관리한다.');
  add('title-exact.md', 'Body mentions processing once.');
  add('heading.md', '# Processing heading\nbody');
  add('body.md', 'deep in the body: processing processing processing');
  add('code.md', '```\nsecretword\n```');
  return idx;
}

describe('query syntax', () => {
  test('words, phrases and tag filters combine', () => {
    assert.deepEqual(parseQuery('tag:service 비용 "exact phrase" #aws/ec2 -spot -tag:exam -"old plan"'), {
      text: '비용 exact phrase',
      phrases: ['exact phrase'],
      tags: ['service', 'aws/ec2'],
      without: ['spot', 'old plan'],
      withoutTags: ['exam'],
      impossible: false,
    });
  });
  test('#1984 is a word, not a tag; tag:#2024 asks for a tag that cannot exist', () => {
    assert.deepEqual(parseQuery('#1984').tags, []);
    assert.equal(parseQuery('#1984').text, '#1984');
    assert.equal(parseQuery('tag:#2024').impossible, true);
  });
});

describe('SearchIndex on fixtures', () => {
  const idx = fixtureIndex();
  const ids = (q: string) => idx.search(q).map((h) => h.id);

  test('case- and accent-insensitive', () => {
    assert.deepEqual(ids('CAFE'), ['cafe.md']);
    assert.deepEqual(ids('resume'), ['cafe.md']);
  });
  test('English plurals and prefixes', () => {
    assert.deepEqual(ids('instance'), ['cafe.md']);
    assert.deepEqual(ids('instances'), ['cafe.md']);
    assert.ok(ids('proc').includes('body.md'));
    assert.deepEqual(ids('resu'), ['cafe.md'], 'a word only in a body, by its prefix');
  });
  test('Korean particle ⇄ stem, both directions', () => {
    assert.deepEqual(ids('인스턴스').sort(), ['ko.md', 'ko2.md']);
    assert.deepEqual(ids('인스턴스를').sort(), ['ko.md', 'ko2.md']);
    assert.deepEqual(ids('인스턴스를')[0], 'ko.md', 'the note with the exact form ranks first');
    assert.deepEqual(ids('비용'), ['ko.md']);
  });
  test('a part inside a Korean compound', () => {
    assert.deepEqual(ids('메이커'), ['ko.md']);
    assert.deepEqual(ids('엔지니어링'), ['ko2.md']);
    assert.deepEqual(ids('이지메'), ['ko.md']);
  });
  test('Korean spacing both ways, an unfinished last syllable, and no infix across two words', () => {
    const i = new SearchIndex();
    i.put(parseNote('spaced.md', '노트북 인스턴스를 멈춘다.'));
    i.put(parseNote('joined.md', '세이지메이커노트북은 비싸다.'));
    i.put(parseNote('apart.md', '메이 돌 이커'));
    assert.deepEqual(
      i.search('노트북인스턴스').map((h) => h.id),
      ['spaced.md'],
    );
    assert.deepEqual(
      i.search('메이커 노트북').map((h) => h.id),
      ['joined.md', 'spaced.md'],
      'both words first, then one',
    );
    assert.deepEqual(
      i.search('세이지메잌').map((h) => h.id),
      ['joined.md'],
    );
    // The syllable pairs of 메이커 (메이, 이커) are in apart.md, but apart: ranked after the word.
    assert.deepEqual(i.search('메이커').map((h) => h.id)[0], 'joined.md');
    assert.deepEqual(
      i.search('메이커 비싸').map((h) => h.id),
      ['joined.md'],
    );
    i.remove('joined.md');
    assert.deepEqual(i.search('메이커노트북'), []);
  });
  test('Hangul stays NFC: an NFD query finds NFC text', () => {
    assert.deepEqual(ids('인스턴스'.normalize('NFD')).sort(), ['ko.md', 'ko2.md']);
  });
  test('tag filter includes descendants and combines with words', () => {
    assert.deepEqual(ids('tag:service').sort(), ['ko.md', 'ko2.md']);
    assert.deepEqual(ids('tag:service 비용'), ['ko.md']);
    assert.deepEqual(ids('#service/ec2'), ['ko2.md']);
    assert.deepEqual(ids('tag:serv'), [], 'tags match whole path segments');
  });
  test('alias search', () => assert.deepEqual(ids('처리 작업'), ['ko.md']));
  test('ranking: exact title, then title prefix, then heading, then body', () => {
    idx.put(parseNote('processing.md', 'x'));
    idx.put(parseNote('processing-guide.md', 'y'));
    const order = ids('processing');
    assert.deepEqual(order.slice(0, 2), ['processing.md', 'processing-guide.md']);
    assert.deepEqual(order.slice(2, 4).sort(), ['heading.md', 'ko.md'], 'a heading and a tag (service/sagemaker-processing)');
    assert.deepEqual(order.slice(4), ['body.md', 'title-exact.md'], 'among body hits, more occurrences rank first (the re-rank)');
    idx.remove('processing.md');
    idx.remove('processing-guide.md');
  });
  test('exact phrase', () => {
    assert.deepEqual(ids('"café à paris"'), ['cafe.md']);
    assert.deepEqual(ids('"paris café"'), []);
  });
  test('code is searchable text but no hit has an empty snippet', () => {
    for (const h of idx.search('secretword')) assert.ok(h.snippet.length > 0);
  });
  test('snippets mark matches and escape HTML', () => {
    const i = new SearchIndex();
    i.put(parseNote('h.md', 'a <b>bold</b> claim about spot savings'));
    const [hit] = i.search('spot');
    assert.equal(hit.field, 'body');
    assert.match(hit.snippet, /&lt;b&gt;bold&lt;\/b&gt; claim about <mark>spot<\/mark> savings/);
  });
  test('remove and update', () => {
    const i = new SearchIndex();
    i.put(parseNote('u.md', 'alpha'));
    i.put(parseNote('u.md', 'beta'));
    assert.deepEqual(i.search('alpha'), []);
    assert.equal(i.search('beta')[0]?.id, 'u.md');
    i.remove('u.md');
    assert.deepEqual(i.search('beta'), []);
    // FlexSearch 0.8.212's Document.search threw here (a term whose only note was removed).
    i.put(parseNote('a.md', '# A\nlinks to [[b]]'));
    i.put(parseNote('b.md', '# B\nfreshly-written words'));
    i.put(parseNote('b.md', '# B\nrewritten-content'));
    assert.deepEqual(i.search('freshly'), []);
    assert.deepEqual(
      i.search('rewritten').map((h) => h.id),
      ['b.md'],
    );
  });
});

describe('search on the shipped vault notes/', () => {
  let vault: Vault;
  before(async () => {
    vault = await Vault.open(NOTES);
  });
  const ids = (q: string) => vault.search.search(q).map((h) => h.id);

  test('인스턴스를 and 인스턴스 both find the seed; with the particle it ranks first', () => {
    assert.ok(ids('인스턴스').includes(SEED));
    assert.equal(ids('인스턴스를')[0], SEED);
  });
  test('ri-optimization (an alias) ranks the seed first', () => {
    const [hit] = vault.search.search('ri-optimization');
    assert.equal(hit.id, SEED);
    assert.equal(hit.field, 'alias');
  });
  test('an infix of a compound: 메이커 finds notes that only write 세이지메이커', () => {
    const hits = ids('메이커');
    assert.ok(hits.length > 0);
    for (const id of hits) {
      const body = vault.getNote(id)!.body + vault.getNote(id)!.title;
      assert.match(body, /\S메이커/, `${id} holds 메이커 inside a longer word`);
    }
  });
  test('an English prefix finds the seed', () => assert.ok(ids('optimiz').includes(SEED)));
  test("the warm-up runs each kind of query over the vault's own words, and they find notes", () => {
    const queries = [...vault.search.warmingUp(30)];
    assert.ok(queries.length >= 15, queries.join(' | '));
    for (const kind of [/^"/, /^tag:/, / -/, /\p{Script=Hangul}/u, /^how /])
      assert.ok(
        queries.some((q) => kind.test(q)),
        `a query like ${kind}`,
      );
    const finding = queries.filter((q) => vault.search.search(q).length > 0);
    assert.ok(finding.length >= queries.length * 0.75, `only ${finding.length} of ${queries.length} find notes`);
  });
  test('tag: alone gives its first page as the whole list sorted by title would', () => {
    const all = vault.search.search('tag:service', 1000);
    const sorted = [...all].sort((a, b) => a.title.localeCompare(b.title));
    assert.ok(all.length > 3);
    assert.deepEqual(vault.search.search('tag:service', 3), sorted.slice(0, 3));
  });
  test('tag:service finds exactly the notes with a service/* tag', () => {
    const expected = vault
      .allNotes()
      .filter((n) => n.tags.some((t) => /^service(\/|$)/i.test(t)))
      .map((n) => n.id)
      .sort();
    assert.ok(expected.length >= 2);
    assert.deepEqual(
      vault.search
        .search('tag:service', 1000)
        .map((h) => h.id)
        .sort(),
      expected,
    );
  });
  test('tag:service 비용 절감 combines the filter with Korean words', () => {
    const hits = vault.search.search('tag:service 비용 절감');
    assert.ok(hits.length > 0);
    for (const h of hits) assert.ok(vault.getNote(h.id)!.tags.some((t) => t.startsWith('service')));
  });
});

test('the total is the real number of matching notes, also when a word is in more notes than one field answers at once', () => {
  const idx = new SearchIndex();
  // More notes than a field answers per word in the fast pass (PER_FIELD, 150), in two fields.
  for (let i = 0; i < 420; i++) idx.put(parseNote(`common-${i}.md`, `# Budget ${i}\nThe budget alarm of account ${i}. 예산 알림 ${i}`));
  idx.put(parseNote('other.md', 'Nothing about money.'));
  assert.equal(idx.countHits('budget').total, 420);
  // The page's own answer says its total is only a lower bound, and never less than its hits.
  const page = idx.searchWithTotal('budget', 20);
  assert.equal(page.hits.length, 20);
  assert.equal(page.exact, false);
  assert.ok(page.total >= 20 && page.total <= 420);
  // Few enough to rank them all: the page's total is the real one.
  assert.deepEqual({ ...idx.searchWithTotal('nothing money', 20), hits: [] }, { hits: [], total: 1, exact: true });
  assert.equal(idx.countHits('nothing money').total, 1);
  assert.equal(idx.countHits('예산').total, 420);
  assert.equal(idx.countHits('budget alarm').total, 420);
  assert.equal(idx.countHits('budget -alarm').total, 0);
});

test('the total counts over whole lists what the ranking keeps: tags, phrases, exclusions and most of the words', () => {
  const idx = new SearchIndex();
  // 420 notes (more than a field answers per word in the fast pass), every other one tagged.
  for (let i = 0; i < 420; i++) {
    const tags = i % 2 ? 'tags: [team/ops]\n' : '';
    const extra = i % 3 ? 'quota' : 'limit';
    idx.put(parseNote(`n-${i}.md`, `---\n${tags}---\nThe budget alarm of account ${i}, with a ${extra}.`));
  }
  assert.equal(idx.countHits('tag:team budget').total, 210);
  assert.equal(idx.countHits('tag:team/ops budget -quota').total, 70);
  assert.equal(idx.countHits('"budget alarm"').total, 420);
  assert.equal(idx.countHits('"alarm budget"').total, 0);
  // A phrase is looked for in the best candidates until a page holds it; the rest are counted.
  const phrasePage = idx.searchWithTotal('"budget alarm"', 20);
  assert.equal(phrasePage.hits.length, 20);
  assert.equal(phrasePage.exact, false);
  // Out of time for reading notes: a lower bound, said so.
  const hurried = idx.countHits('"budget alarm"', -1);
  assert.equal(hurried.exact, false);
  assert.ok(hurried.total < 420);
  // Three words: a note needs two of them.
  assert.equal(idx.countHits('budget limit zzzqqq').total, 140);
  assert.equal(idx.countHits('limit quota zzzqqq').total, 0);
});

test("a title holding one of several words is not counted as holding the others (the names' multi-word bonus finds no word)", () => {
  const idx = new SearchIndex();
  idx.put(parseNote('alpha.md', 'Nothing else here.'));
  idx.put(parseNote('other.md', 'A note about gamma and delta.'));
  // Three words: a note needs two. `alpha` holds one; before, FlexSearch's suggest list over the
  // names counted it as holding the first word too.
  assert.deepEqual(
    idx.search('gamma zeta alpha').map((h) => h.id),
    [],
  );
  assert.deepEqual(
    idx.search('gamma delta alpha').map((h) => h.id),
    ['other.md'],
  );
});

describe('a restored index (FlexSearch import, no fast-update registry)', () => {
  const notes = () =>
    new Map(
      [
        ['a.md', '# Alpha\nspot instances save money'],
        ['b.md', '# Beta\nsavings plans commit for a year'],
        ['c.md', '# Gamma\n인스턴스를 중지하면 비용이 준다'],
      ].map(([id, text]) => [id, parseNote(id, text)]),
    );
  const restored = () => {
    const built = new SearchIndex();
    for (const note of notes().values()) built.put(note);
    const idx = new SearchIndex();
    idx.restore(structuredClone(built.snapshot()), notes());
    return idx;
  };
  const answers = (idx: SearchIndex) => ['spot', 'savings', '인스턴스', 'alpha', 'rewritten', 'tag:x', 'beta -plans'].map((q) => idx.searchWithTotal(q, 30));
  const ids = (i: SearchIndex) => answers(i).map((r) => [r.hits.map((h) => h.id), r.total]);
  /** a.md rewritten and b.md removed: in `idx`, and in an index made afresh for that state. */
  const editAndFresh = (idx: SearchIndex) => {
    idx.put(parseNote('a.md', '# Alpha\nrewritten text'));
    idx.remove('b.md');
    const fresh = new SearchIndex();
    fresh.put(parseNote('a.md', '# Alpha\nrewritten text'));
    fresh.put(notes().get('c.md')!);
    return fresh;
  };
  /** The sweep empties the gone notes' entries, and the answers stay the fresh index's. */
  const sweptLikeFresh = (idx: SearchIndex, fresh: SearchIndex) => {
    while (idx.sweepOne());
    assert.equal(idx.deadCount, 0);
    assert.deepEqual(ids(idx), ids(fresh));
  };

  test('a changed or removed note leaves its old entries for the sweep, and no answer shows them', () => {
    const idx = restored();
    const fresh = editAndFresh(idx);
    assert.equal(idx.deadCount, 2);
    assert.deepEqual(ids(idx), ids(fresh));
    sweptLikeFresh(idx, fresh);
  });

  test('an index built note by note (a cold open) keeps no fast-update registry either: its removals wait for the sweep too', () => {
    const idx = new SearchIndex();
    for (const note of notes().values()) idx.put(note);
    assert.equal(idx.deadCount, 0);
    const fresh = editAndFresh(idx);
    assert.equal(idx.deadCount, 2);
    assert.deepEqual(ids(idx), ids(fresh));
    // Saved before the sweep, the gone notes go with the snapshot.
    const again = new SearchIndex();
    const now = notes();
    now.set('a.md', parseNote('a.md', '# Alpha\nrewritten text'));
    now.delete('b.md');
    again.restore(structuredClone(idx.snapshot()), now);
    assert.equal(again.deadCount, 2);
    assert.deepEqual(ids(again), ids(fresh));
    sweptLikeFresh(idx, fresh);
  });

  test("the spelling vocabulary follows the edits: after a rewrite and a removal it is the fresh index's", () => {
    const vocabulary = (i: SearchIndex) => new Map(i.snapshot().vocabulary);
    for (const idx of [restored(), new SearchIndex()]) {
      if (!idx.size) for (const note of notes().values()) idx.put(note);
      assert.ok(vocabulary(idx).has('saving'));
      const fresh = editAndFresh(idx);
      assert.deepEqual(vocabulary(idx), vocabulary(fresh));
      assert.ok(!vocabulary(idx).has('saving'), 'b.md was the only note with "savings"');
    }
  });

  test('a word typed in part finds the note that has it, however many words of notes gone began with it', () => {
    const idx = new SearchIndex();
    // The body is searched by the vault's commonest words that begin with what was typed
    // (COMPLETIONS of them): words of deleted notes must not take those places.
    const gone = 'abcdefghij'.split('').map((c, i) => parseNote(`gone-${i}.md`, `draft xqz${c}${c}`));
    for (const note of gone) idx.put(note);
    idx.put(parseNote('kept.md', 'the xqzlongerword stays'));
    for (const note of gone) idx.remove(note.id);
    assert.deepEqual(
      idx.search('xqz').map((h) => h.id),
      ['kept.md'],
    );
  });

  test('the gone notes travel with the snapshot, and notes missing at restore join them', () => {
    const idx = restored();
    idx.put(parseNote('a.md', '# Alpha\nrewritten text'));
    const snap = structuredClone(idx.snapshot());
    assert.equal(snap.dead.length, 1);
    const again = new SearchIndex();
    const some = notes();
    some.set('a.md', parseNote('a.md', '# Alpha\nrewritten text'));
    some.delete('b.md');
    again.restore(snap, some);
    assert.equal(again.deadCount, 2);
    assert.deepEqual(again.search('spot'), []);
    assert.deepEqual(again.search('savings'), []);
    assert.deepEqual(
      again.search('rewritten').map((h) => h.id),
      ['a.md'],
    );
    while (again.sweepOne());
    assert.deepEqual(
      again.search('rewritten').map((h) => h.id),
      ['a.md'],
    );
  });
});
