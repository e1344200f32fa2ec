// The calculator types the panel works with, all taken from the one contract.
import type { CalculatorView, Responses } from '../../../electron/contract.ts';

export type { CalculatorView };
export type NoteCalculators = Responses['noteCalculators'];
export type InputControl = CalculatorView['controls'][number];
export type InputValue = InputControl['value'];
export type InputValues = Record<string, InputValue>;
export type CalcResult = CalculatorView['result'];
export type ScenarioResult = CalcResult['scenarios'][number];
export type LineResult = ScenarioResult['lines'][number];
export type FigureSource = LineResult['sources'][number];
