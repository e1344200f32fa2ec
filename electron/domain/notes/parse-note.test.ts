import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseNote, titleOf } from './parse-note.ts';

const seedPath = new URL('../../../notes/aws/cost-sagemaker-processing-optimization.md', import.meta.url);

describe('parseNote', () => {
  test('the seed note: 5 tags, 3 aliases, dates as ISO strings, headings with file line numbers', () => {
    const note = parseNote('aws/cost-sagemaker-processing-optimization.md', readFileSync(seedPath, 'utf8'));
    assert.equal(note.title, 'cost-sagemaker-processing-optimization');
    assert.equal(note.subtitle, null);
    assert.equal(note.tags.length, 5);
    assert.ok(note.tags.includes('service/sagemaker-processing'));
    assert.deepEqual(note.aliases, ['sagemaker-cost', 'ri-optimization', 'processing-cost']);
    assert.equal(note.created, '2025-08-22');
    assert.deepEqual(note.headings[0], { level: 1, text: 'AWS SageMaker 비용 최적화 - 혼합 워크로드 환경에서 적합한 인스턴스 선택', line: 16 });
    assert.ok(!note.headings.some((h) => h.text.includes('ML 전문가')), 'lines inside the code fence are not headings');
    assert.deepEqual(note.diagnostics, []);
  });

  test('title is the file name; a differing frontmatter title is the subtitle', () => {
    const note = parseNote('x/My Note.md', '---\ntitle: Something else\n---\nbody');
    assert.equal(note.title, 'My Note');
    assert.equal(note.subtitle, 'Something else');
    assert.equal(titleOf('a/b/c.MD'), 'c');
  });

  test('broken YAML: a diagnostic, and the body is still read', () => {
    const note = parseNote('bad.md', '---\ntags: [unclosed\naliases: : :\n---\n# Still here #tag\n[[Link]]');
    assert.equal(note.diagnostics[0]?.code, 'YAML_ERROR');
    assert.deepEqual(
      note.headings.map((h) => h.text),
      ['Still here #tag'],
    );
    assert.deepEqual(note.tags, ['tag']);
    assert.equal(note.links[0]?.path, 'Link');
  });

  test('a JavaScript frontmatter block is refused, never evaluated', () => {
    (globalThis as Record<string, unknown>).__cairnPwned = false;
    const note = parseNote('js.md', '---js\n{ title: (globalThis.__cairnPwned = true) }\n---\nbody');
    assert.equal((globalThis as Record<string, unknown>).__cairnPwned, false);
    assert.equal(note.diagnostics[0]?.code, 'YAML_ERROR');
  });

  test('frontmatter that is not a map is reported', () => {
    assert.equal(parseNote('l.md', '---\n- a\n- b\n---\ntext').diagnostics[0]?.code, 'YAML_ERROR');
  });

  test('a YAML alias bomb is bounded', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`,
      );
    bomb.push('---', '# After');
    const note = parseNote('bomb.md', bomb.join('\n'));
    assert.equal(note.diagnostics[0]?.code, 'YAML_ERROR');
    assert.equal(note.headings[0]?.text, 'After');
  });

  test('NFD Hangul (as macOS writes it) is read as NFC', () => {
    const nfd = '#태그 [[노트]]'.normalize('NFD');
    const note = parseNote('n.md', nfd);
    assert.deepEqual(note.tags, ['태그']);
    assert.equal(note.links[0]?.path, '노트');
  });

  test('empty file', () => {
    const note = parseNote('empty.md', '');
    assert.deepEqual([note.tags, note.links, note.headings, note.diagnostics], [[], [], [], []]);
  });
});
