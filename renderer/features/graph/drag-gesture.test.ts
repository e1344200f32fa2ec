import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DragGesture } from './drag-gesture.ts';

test('a press that barely moves is a click', () => {
  const g = new DragGesture();
  g.down(100, 100);
  assert.equal(g.move(102, 101), null);
  g.up();
  assert.equal(g.wasDrag(), false);
});

test('the click after a drag is released is still the drag: it opens nothing', () => {
  const g = new DragGesture();
  g.down(100, 100);
  assert.deepEqual(g.move(150, 90), { dx: 50, dy: -10 });
  assert.equal(g.dragging(), true);
  g.up(); // pointerup comes before click
  assert.equal(g.dragging(), false, 'hover highlighting resumes');
  assert.equal(g.wasDrag(), true, 'the click that follows is part of the drag');
  g.down(10, 10); // the next press starts afresh
  assert.equal(g.wasDrag(), false);
});

test('once a drag, small moves keep panning', () => {
  const g = new DragGesture();
  g.down(0, 0);
  g.move(10, 0);
  assert.deepEqual(g.move(1, 0), { dx: 1, dy: 0 });
  assert.equal(g.move(5, 5) === null, false);
});
