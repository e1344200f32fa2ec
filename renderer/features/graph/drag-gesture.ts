/** Below this many px of movement a press is a click, not a drag. */
const SLOP = 4;

/**
 * Tells a drag from a click on a graph. A press that moves SLOP px or more is a drag; the click
 * event the browser sends after its release still counts as part of it (`wasDrag` stays true
 * until the next press), so letting go of a pan over a note does not open that note.
 */
export class DragGesture {
  private from: { x: number; y: number } | null = null;
  private moved = false;

  down(x: number, y: number): void {
    this.from = { x, y };
    this.moved = false;
  }

  /** The offset from the press when this move is (part of) a drag, else null. */
  move(x: number, y: number): { dx: number; dy: number } | null {
    if (!this.from) return null;
    const dx = x - this.from.x;
    const dy = y - this.from.y;
    if (!this.moved && Math.hypot(dx, dy) < SLOP) return null;
    this.moved = true;
    return { dx, dy };
  }

  up(): void {
    this.from = null;
  }

  /** A drag is under way (hover highlighting waits). */
  dragging(): boolean {
    return this.from !== null && this.moved;
  }

  /** The last press was a drag: its click is not a click. */
  wasDrag(): boolean {
    return this.moved;
  }
}
