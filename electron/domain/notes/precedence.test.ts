// Obsidian's order of precedence: code (fenced, indented, inline) first, then comments, then math,
// then tags and links; backslash escapes make a character literal. Each row is a note body and
// the links and tags Obsidian finds in it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from './parse-note.ts';
import { commentRanges } from './mask-code.ts';

const read = (body: string) => {
  const n = parseNote('p.md', body);
  return { links: n.links.map((l) => l.path), tags: n.tags };
};

describe('precedence: code, then comments, then math, then tags and links', () => {
  const cases: Array<[string, string, string[], string[]]> = [
    // [name, body, links, tags]
    ['%% inside inline code starts no comment', 'avoid `# | ^ : %% [[ ]]` in names. [[After]] #after %% real %% [[Last]]', ['After', 'Last'], ['after']],
    ['%% inside a fenced block starts no comment', '```\n%%\n```\n[[Seen]] #seen\n%%\n[[Hidden]]\n%%', ['Seen'], ['seen']],
    ['%% inside an indented block starts no comment', 'para\n\n    code %% [[NotALink]]\n\n[[Seen]] %% #hidden %%', ['Seen'], []],
    ['an indented list continuation is not code', '- item\n\n    continued [[Inside]] #kept', ['Inside'], ['kept']],
    ['nested list with 4 spaces is not code', '- top\n    - [[Nested]]', ['Nested'], []],
    ['fence inside a list item is code', '- item\n\n  ```\n  [[InFence]] #no\n  ```\n- [[Out]]', ['Out'], []],
    ['inline code wins over a link', '`[[Code]]` and [[Real]]', ['Real'], []],
    ['double-backtick span holding a backtick', '``a ` [[No]] `` [[Yes]]', ['Yes'], []],
    ['a code span ends at a blank line', 'open ` [[A]]\n\nclose ` [[B]]', ['A', 'B'], []],
    ['HTML comment hides links and tags', '<!-- [[Gone]] #gone --> [[Here]]', ['Here'], []],
    ['HTML comment inside code is code', '`<!--` [[Seen]] `-->`', ['Seen'], []],
    ['math hides tags', '$$\n#x [[NoLink]]\n$$ and $#y$ #z', [], ['z']],
    ['%% inside math still comments (comments come first)', '$a %% b$ [[Hidden]] %% [[Shown]]', ['Shown'], []],
    ['prices are not math', 'costs $0.05 or $3.825 #cheap', [], ['cheap']],
    ['escaped # is no tag', '\\#notatag #tag', [], ['tag']],
    ['escaped [ is no link', '\\[[NoLink]] [[Link]]', ['Link'], []],
    ['escaped %% starts no comment', '\\%% [[Link]] \\%%', ['Link'], []],
    ['escaped $ is no math', '\\$ #inside \\$', [], ['inside']],
    ['escaped backslash then a tag', '\\\\#tag', [], ['tag']],
    ['escaped backtick opens no code span', '\\`[[Link]]`', ['Link'], []],
    ['table pipe escape keeps the link', '| [[Note\\|shown]] |', ['Note'], []],
  ];
  for (const [name, body, links, tags] of cases) test(name, () => assert.deepEqual(read(body), { links, tags }));

  test('comment ranges skip code', () => {
    const md = 'a `%%` b %%c%% d';
    assert.deepEqual(
      commentRanges(md).map(([s, e]) => md.slice(s, e)),
      ['%%c%%'],
    );
  });
});
