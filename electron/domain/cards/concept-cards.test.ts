import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../notes/parse-note.ts';
import { headingName } from './concept-cards.ts';
import { extractCards } from './extract-cards.ts';

const concepts = (md: string) =>
  extractCards(parseNote('n.md', md))
    .cards.filter((c) => c.kind === 'basic')
    .map((c) => [c.front, c.back]);

describe('headingName', () => {
  const cases: Array<[string, string]> = [
    ['🔍 주요개념', '주요개념'],
    ['주요 개념', '주요 개념'],
    ['📚  Key   Concepts', 'key concepts'],
    ['CONCEPTS:', 'concepts'],
    ['Concepts of EC2', 'concepts of ec2'],
  ];
  for (const [input, expected] of cases) test(input, () => assert.equal(headingName(input), expected));
});

describe('concept cards', () => {
  test('each accepted heading name opens a concept section', () => {
    for (const heading of ['🔍 주요개념', '주요 개념', 'Key concepts', 'concepts']) {
      assert.deepEqual(concepts(`## ${heading}\n\n- **Term**: meaning\n`), [['Term', 'meaning']], heading);
    }
  });

  test('other headings do not', () => {
    assert.deepEqual(concepts('## Concepts of EC2\n\n- **Term**: meaning\n\n## 설명\n\n- **Term2**: meaning\n'), []);
  });

  test('both `**Term**: x` and `**Term:** x`; plain bullets are no concepts', () => {
    const md = '## Key concepts\n- **A**: alpha\n- **B:** beta\n- C: gamma\n- **D** without colon\n';
    assert.deepEqual(concepts(md), [
      ['A', 'alpha'],
      ['B', 'beta'],
    ]);
  });

  test('sub-sections count, practice/application/example ones do not', () => {
    const md = [
      '## 주요개념',
      '- **Top**: top level',
      '### Compare',
      '- **Sub**: in a sub-section',
      '### 실전 적용',
      '- **Advice**: do this',
      '#### Deeper',
      '- **Still advice**: inside the practice sub-section',
      '### Examples',
      '- **Example**: not a concept',
      '### Glossary',
      '- **Back**: counted again',
      '## Next section',
      '- **Outside**: not a concept',
    ].join('\n');
    assert.deepEqual(
      concepts(md).map(([front]) => front),
      ['Top', 'Sub', 'Back'],
    );
  });

  test('lines indented under a bullet belong to its definition', () => {
    const md = '## Concepts\n- **Spot**: spare capacity\n  - up to 90% off\n  - two-minute warning\n- **Next**: n\n';
    assert.deepEqual(concepts(md), [
      ['Spot', 'spare capacity\n- up to 90% off\n- two-minute warning'],
      ['Next', 'n'],
    ]);
  });

  test('bullets inside a code block are not concepts', () => {
    assert.deepEqual(concepts('## Concepts\n```\n- **Code**: not a card\n```\n'), []);
  });
});
