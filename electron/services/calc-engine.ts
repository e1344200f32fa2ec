// Everything a calculator needs to be read and computed: mathjs (expression.ts), the definition
// schema and YAML. calc-service.ts imports this module dynamically, on the first note that has a
// calculator, so that opening and serving a vault without one never loads mathjs.
export { calculatorsForNote } from '../domain/calc/calculators-for-note.ts';
export { computeCalculator } from '../domain/calc/engine.ts';
export { inputControls } from '../domain/calc/inputs.ts';
export { formatDefinitionError } from '../domain/calc/parse-definition.ts';
export { renderCostBlock } from '../domain/calc/render-cost-block.ts';
