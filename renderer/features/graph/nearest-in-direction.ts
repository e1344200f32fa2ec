/**
 * From node `from`, the nearest node whose direction lies within 45° of the arrow pressed (screen
 * coordinates, y down), or `from` when there is none. The graph's keyboard walk.
 */
export function nearestInDirection(positions: Float32Array, from: number, key: string): number {
  const dir = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }[key];
  if (!dir || from < 0) return from;
  const x0 = positions[2 * from];
  const y0 = positions[2 * from + 1];
  let best = from;
  let bestD = Infinity;
  for (let i = 0; i < positions.length / 2; i++) {
    if (i === from) continue;
    const dx = positions[2 * i] - x0;
    const dy = positions[2 * i + 1] - y0;
    const along = dx * dir[0] + dy * dir[1];
    const across = Math.abs(dx * dir[1] - dy * dir[0]);
    if (along <= 0 || across > along) continue;
    const d = along + 2 * across; // prefer straight ahead over merely close
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
