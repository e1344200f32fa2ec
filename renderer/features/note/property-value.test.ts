import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { linkText, propertyShape } from './property-value.ts';

describe('property values by type (the properties header)', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['checkbox', true, { type: 'checkbox', checked: true }],
    ['number', 3.5, { type: 'number', value: 3.5 }],
    ['date', '2025-08-22', { type: 'date', iso: '2025-08-22', text: '2025-08-22' }],
    ['date and time', '2025-08-22T10:30:00.000Z', { type: 'date', iso: '2025-08-22T10:30:00.000Z', text: '2025-08-22 10:30' }],
    [
      'text with a link',
      'see [[A|the a]]',
      {
        type: 'text',
        parts: [
          { kind: 'text', text: 'see ' },
          { kind: 'link', raw: '[[A|the a]]', text: 'the a' },
        ],
      },
    ],
    ['unquoted link (a list in a list)', [['B#^blk']], { type: 'text', parts: [{ kind: 'link', raw: '[[B#^blk]]', text: 'B › blk' }] }],
    [
      'list of links and text',
      ['[[C]]', 'plain', ['D']],
      {
        type: 'list',
        items: [
          { type: 'text', parts: [{ kind: 'link', raw: '[[C]]', text: 'C' }] },
          { type: 'text', parts: [{ kind: 'text', text: 'plain' }] },
          { type: 'text', parts: [{ kind: 'link', raw: '[[D]]', text: 'D' }] },
        ],
      },
    ],
    ['empty', null, { type: 'empty' }],
    ['object', { a: 1 }, { type: 'text', parts: [{ kind: 'text', text: '{"a":1}' }] }],
  ];
  for (const [name, value, shape] of cases) test(name, () => assert.deepEqual(propertyShape(value), shape));

  test('link text never shows a raw ^', () => {
    assert.equal(linkText('Note#^abc', null), 'Note › abc');
    assert.equal(linkText('#^abc', null), 'abc');
    assert.equal(linkText('Note#Head', 'shown'), 'shown');
  });
});
