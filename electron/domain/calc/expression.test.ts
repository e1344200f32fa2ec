import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileExpression, evaluateNumber, ExpressionError } from './expression.ts';

const known = new Set(['hours', 'days', 'spot']);
const scope = new Map<string, number | boolean>([
  ['hours', 8],
  ['days', 22],
  ['spot', true],
]);

test('arithmetic, comparisons, conditionals and allowed functions over the inputs', () => {
  const cases: Array<[string, number | boolean]> = [
    ['hours * days', 176],
    ['hours days', 176],
    ['(hours + 2) / 2', 5],
    ['2 ^ 3 - -1', 9],
    ['max(hours, 10) + min(1, 2) + round(1.6) + ceil(0.2) + floor(0.8) + abs(-1)', 15],
    ['spot ? 0.3 : 1', 0.3],
    ['hours >= 8 and not spot', false],
    ['hours == 8 or days < 1', true],
    ['true', true],
  ];
  for (const [text, expected] of cases) assert.equal(compileExpression(text, known).evaluate(scope), expected, text);
  assert.deepEqual(compileExpression('hours * days + hours', known).symbols, ['hours', 'days']);
  assert.equal(evaluateNumber(compileExpression(730, known), scope), 730);
});

test('refuses what could escape or change the evaluator', () => {
  const refused: Array<[string, RegExp]> = [
    ['import({x: 1}, {override: true})', /function "import" is not allowed/],
    ['evaluate("1")', /function "evaluate" is not allowed/],
    ['parse("1+1")', /function "parse" is not allowed/],
    ['createUnit("foo")', /function "createUnit" is not allowed/],
    ['simplify("x")', /function "simplify" is not allowed/],
    ['hours.constructor', /property access is not allowed/],
    ['hours.max(1)', /function "\?" is not allowed/],
    ['hours["constructor"]', /property access is not allowed/],
    ['cos.constructor("return process")', /not allowed/],
    ['hours = 3', /assignment is not allowed/],
    ['f(x) = x', /defining functions is not allowed/],
    ['[1, 2]', /arrays are not allowed/],
    ['{a: 1}', /objects are not allowed/],
    ['"text"', /only numbers are allowed/],
    ['2 cm', /unknown input "cm"/],
    ['pi * hours', /unknown input "pi"/],
    ['hours; days', /several statements are not allowed/],
    ['1:3', /ranges are not allowed/],
    ['5!', /operator "!" is not allowed/],
    ['hours +', /cannot parse/],
    ['', /empty expression/],
    ['1+'.repeat(300) + '1', /longer than 500/],
  ];
  for (const [text, message] of refused) {
    assert.throws(
      () => compileExpression(text, known),
      (e: unknown) => e instanceof ExpressionError && message.test(e.message),
      text,
    );
  }
});

test('a result that is not a finite number is an error, not a price', () => {
  assert.throws(() => evaluateNumber(compileExpression('hours / 0', known), scope), /gave Infinity/);
  assert.throws(() => evaluateNumber(compileExpression('hours > 1', known), scope), /gave true, not a number/);
});
