// Golden files for markdown → HTML (README.md house rule 12). The domain keeps raw HTML for the
// renderer's sanitiser; what it must never do is turn note text into live markup of its own.
// Regenerate with UPDATE_GOLDEN=1 after a deliberate change, and read the diff.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { FileIndex, resolveLink } from '../links/resolve-link.ts';
import { renderNote, splitForRender, type RenderSource } from './render-note.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const files = new FileIndex(['note.md', 'target.md', 'sub dir/other note.md', 'diagram.png']);
const bodies: Record<string, string> = {
  'target.md': '# Target\n\n## Section two\nEmbedded section text.\n\n## Section three\nnot embedded\n\nBlock text. ^block-1',
  'sub dir/other note.md': '# Other',
};

function source(body: string): RenderSource {
  return { body: (id) => (id === 'note.md' ? body : (bodies[id] ?? null)), resolve: (p, from) => resolveLink(p, from, files).target };
}

describe('renderNote golden files', () => {
  for (const name of ['obsidian', 'hostile']) {
    test(name, () => {
      const html = renderNote('note.md', source(fixture(`${name}.md`)));
      const golden = new URL(`./fixtures/${name}.golden.html`, import.meta.url);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, html);
      assert.equal(html, readFileSync(golden, 'utf8'));
    });
  }

  test('markdown links never become javascript: or data: hrefs (raw HTML is left to SafeHtml)', () => {
    const html = renderNote('note.md', source(fixture('hostile.md')));
    assert.doesNotMatch(html, /href="javascript:alert\(1\)"|href="data:/i);
    assert.doesNotMatch(html, /<img src=x onerror=alert\(3\)>/, 'a wikilink target is escaped text');
  });

  test('an embed cycle stops', () => {
    const cyclic: RenderSource = { body: (id) => (id === 'a.md' ? '![[b]]' : '![[a]]'), resolve: (p) => `${p}.md` };
    assert.match(renderNote('a.md', cyclic), /embed-omitted/);
  });
});

describe('splitForRender', () => {
  test('a short note is one part', () => assert.deepEqual(splitForRender('# a\nb', 100), ['# a\nb', null]));
  test('a long note is cut before a heading after the limit, never inside a fence', () => {
    const md = 'x\n'.repeat(60) + '```\n# not a heading\n```\n' + 'y\n'.repeat(10) + '## Cut here\n' + 'z\n'.repeat(100);
    const [head, tail] = splitForRender(md, 100);
    assert.ok(tail?.startsWith('## Cut here'));
    assert.equal(head + tail, md);
  });
});
