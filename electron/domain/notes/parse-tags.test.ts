import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from './parse-note.ts';
import { tagWithAncestors } from './parse-tags.ts';

const tagsOf = (text: string) => parseNote('t.md', text).tags;

describe('tags (Obsidian rules, electron/domain/README.md §1)', () => {
  const cases: Array<[string, string, string[]]> = [
    ['frontmatter list', '---\ntags:\n  - a/b\n  - C\n---\n', ['a/b', 'C']],
    ['frontmatter flow list', '---\ntags: [x, y]\n---\n', ['x', 'y']],
    ['frontmatter string split on commas and spaces', '---\ntags: one, two three\n---\n', ['one', 'two', 'three']],
    ['legacy `tag` key', '---\ntag: solo\n---\n', ['solo']],
    ['stray # dropped in frontmatter', '---\ntags: ["#hash"]\n---\n', ['hash']],
    ['inline tag at line start', '#start of line', ['start']],
    ['inline tag after whitespace', 'text #mid text', ['mid']],
    ['no tag glued to a word', 'x#y and email@a#b', []],
    ['#1984 is no tag (needs a non-digit)', 'year #1984 but #y1984', ['y1984']],
    ['only digits and slashes name no tag', '#2024/05 and #/ and #// but #a/', ['a/']],
    ['frontmatter: a slash alone is no tag', '---\ntags: [/, 2024/05, ok]\n---\n', ['ok']],
    ['heading is not a tag', '# Heading\n## Sub', []],
    ['Hangul tag keeps its particle', '이것은 #태그를 달았다', ['태그를']],
    ['nested tag', 'see #service/sagemaker-processing.', ['service/sagemaker-processing']],
    ['tag stops at punctuation', '#a,b #c!d #e)f', ['a', 'c', 'e']],
    ['tag stops at General Punctuation', '#word\u2014dash', ['word']],
    ['underscore, hyphen and emoji continue a tag', '#a_b-c🔥', ['a_b-c🔥']],
    ['inside fenced code: none', '```\n#code\n```\n#real', ['real']],
    ['inside tilde fence: none', '~~~md\n#code\n~~~', []],
    ['inside inline code: none', 'use `#notatag` here', []],
    ['inside %%comment%%: none', '%% #hidden %% #shown', ['shown']],
    ['inside HTML comment: none', '<!-- #hidden -->', []],
    ['inside math: none', '$$\n#x\n$$ and $#y$', []],
    ['link subpath is no tag', 'see [[Note#y]] and [a](b.md#z)', []],
    ['case-insensitive identity, first casing kept', '#AWS #aws #Aws', ['AWS']],
    ['frontmatter and body merged', '---\ntags: [aws]\n---\n#AWS #cost', ['aws', 'cost']],
  ];
  for (const [name, text, expected] of cases) test(name, () => assert.deepEqual(tagsOf(text), expected));

  test('ancestors of a nested tag', () => {
    assert.deepEqual(tagWithAncestors('service/sagemaker/processing'), ['service', 'service/sagemaker', 'service/sagemaker/processing']);
  });
});

describe('aliases', () => {
  const cases: Array<[string, string, string[]]> = [
    ['list', '---\naliases: [a, "b c"]\n---\n', ['a', 'b c']],
    ['comma-separated string', '---\naliases: one, two words\n---\n', ['one', 'two words']],
    ['legacy alias key', '---\nalias: solo\n---\n', ['solo']],
    ['none', 'no frontmatter', []],
  ];
  for (const [name, text, expected] of cases) test(name, () => assert.deepEqual(parseNote('t.md', text).aliases, expected));
});
