// Bad input in the reader: a formula or diagram that cannot be drawn becomes an inline error box,
// the rest of the note renders, and nothing runs without bound.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMath, MAX_FORMULA_CHARS } from './math.ts';
import { renderNote, type RenderSource } from './render-note.ts';
import { MAX_DIAGRAM_CHARS } from './diagrams.ts';

const render = (body: string) => renderNote('n.md', { body: (id) => (id === 'n.md' ? body : null), resolve: () => null } satisfies RenderSource);

describe('math that cannot be drawn', () => {
  const cases: Array<[string, string]> = [
    ['unclosed group', '\\frac{1}{'],
    ['unknown command', '\\notacommand{x}'],
    ['macro that expands without end', '\\def\\a{\\a\\a}\\a'],
    ['a macro parameter outside a definition', '#x'],
    ['longer than the limit', 'x+'.repeat(MAX_FORMULA_CHARS)],
  ];
  for (const [name, latex] of cases) {
    test(name, () => {
      const started = Date.now();
      const html = renderMath(latex, false);
      assert.match(html, /^<span class="math-error" role="note"/);
      assert.ok(Date.now() - started < 2000, 'bounded');
    });
  }

  test('a huge size is clamped, not drawn huge', () => {
    const html = renderMath('\\rule{100000em}{1em}', false);
    assert.match(html, /width="40em"/);
    assert.doesNotMatch(html, /width="100000/);
  });

  test('the note goes on after a bad formula, and no style attribute is ever written', () => {
    const html = render(
      'Before $\\frac{1}{$ after.\n\n$$\n\\begin{aligned} a &= 1 \\\\ b &= 2 \\end{aligned}\n$$\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n==**x**==',
    );
    assert.match(html, /math-error[\s\S]*after\./);
    assert.match(html, /<mtr>[\s\S]*<mtr>/, '\\\\ survives as a second row');
    assert.doesNotMatch(html, /\sstyle=/);
  });
});

describe('diagrams that cannot be drawn', () => {
  test('a source above the size limit is shown as text with an error box', () => {
    const html = render('```mermaid\ngraph TD\n' + 'A-->B\n'.repeat(MAX_DIAGRAM_CHARS / 5) + '```\n\nafter');
    assert.match(html, /class="diagram-error" role="note"/);
    assert.doesNotMatch(html, /data-diagram/);
    assert.match(html, /<p>after<\/p>/);
  });

  test('a normal source is handed to the reader as marked text', () => {
    assert.match(render('```mermaid\ngraph TD; A-->B\n```'), /<pre class="mermaid-source" data-diagram="mermaid"><code>graph TD; A--&gt;B/);
  });
});
