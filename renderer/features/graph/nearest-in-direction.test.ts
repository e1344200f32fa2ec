import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nearestInDirection } from './nearest-in-direction.ts';

//   1
// 2 0 3      5 far right
//   4
const pos = Float32Array.from([0, 0, 0, -10, -10, 0, 10, 0, 0, 10, 100, 2]);

test('arrows walk to the nearest node in their direction, or stay', () => {
  assert.equal(nearestInDirection(pos, 0, 'ArrowUp'), 1);
  assert.equal(nearestInDirection(pos, 0, 'ArrowLeft'), 2);
  assert.equal(nearestInDirection(pos, 0, 'ArrowRight'), 3);
  assert.equal(nearestInDirection(pos, 0, 'ArrowDown'), 4);
  assert.equal(nearestInDirection(pos, 3, 'ArrowRight'), 5);
  assert.equal(nearestInDirection(pos, 5, 'ArrowRight'), 5);
  assert.equal(nearestInDirection(pos, 0, 'Enter'), 0);
});
