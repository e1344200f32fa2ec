// Geometry of the plan chart, kept apart from the component so it can be tested.
import type { ExamPlan } from '../../../electron/contract.ts';

export interface PlanBar {
  date: string;
  reviews: number;
  new: number;
  x: number;
  w: number;
  reviewsY: number;
  reviewsH: number;
  newY: number;
  newH: number;
}

const WIDTH = 640;
const HEIGHT = 150;
const TOP = 12;
const BOTTOM = 14;

export function planBars(days: ExamPlan['days']): { width: number; height: number; base: number; max: number; bars: PlanBar[] } {
  const base = HEIGHT - BOTTOM;
  const max = Math.max(1, ...days.map((d) => d.reviews + d.new));
  const scale = (base - TOP) / max;
  const step = WIDTH / Math.max(1, days.length);
  const w = Math.max(1, step * 0.8);
  const bars = days.map((d, i) => {
    const reviewsH = d.reviews * scale;
    const newH = d.new * scale;
    return { ...d, x: i * step + (step - w) / 2, w, reviewsY: base - reviewsH, reviewsH, newY: base - reviewsH - newH, newH };
  });
  return { width: WIDTH, height: HEIGHT, base, max, bars };
}
