import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCostBlocks } from './cost-blocks.ts';

test('finds cost blocks with their first YAML line, skipping other fences', () => {
  const md = [
    '# Note', //                1
    '```yaml', //               2
    'not: this', //             3
    '```', //                   4
    '```cost', //               5
    'id: one', //               6
    'title: One', //            7
    '```', //                   8
    '````', //                  9
    '```cost', //              10 (inside a 4-backtick fence: text)
    '````', //                 11
    '  ~~~ cost', //           12
    '  id: two', //            13
    '  ~~~', //                14
    '```costly', //            15
    '```', //                  16
  ].join('\n');
  assert.deepEqual(findCostBlocks(md), [
    { text: 'id: one\ntitle: One', line: 6 },
    { text: 'id: two', line: 13 },
  ]);
});

test('an unclosed cost block runs to the end of the note', () => {
  assert.deepEqual(findCostBlocks('```cost\nid: x\n'), [{ text: 'id: x\n', line: 2 }]);
});
