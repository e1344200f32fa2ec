import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { deckKey, decksWithAncestors, inDeck, noteDecks } from './decks.ts';

describe('decks', () => {
  test('a note’s decks are its tags, lowercased, without #, each once', () => {
    assert.deepEqual(noteDecks(['Service/SageMaker', '#AWS', 'aws', '비용절감']), ['service/sagemaker', 'aws', '비용절감']);
  });

  test('deckKey accepts what people type', () => {
    assert.equal(deckKey(' #Service/ '), 'service');
  });

  const membership: Array<[string[], string, boolean]> = [
    [['service/sagemaker-processing'], 'service', true],
    [['service/sagemaker-processing'], 'Service/SageMaker-Processing', true],
    [['service/sagemaker-processing'], '#service/', true],
    [['service/sagemaker-processing'], 'service/sagemaker', false],
    [['servicemesh'], 'service', false],
    [[], 'service', false],
  ];
  for (const [decks, deck, expected] of membership) {
    test(`${JSON.stringify(decks)} in ${deck}: ${expected}`, () => assert.equal(inDeck(decks, deck), expected));
  }

  test('decksWithAncestors', () => {
    assert.deepEqual(decksWithAncestors(['service/sagemaker/processing', 'service/ec2']), [
      'service',
      'service/sagemaker',
      'service/sagemaker/processing',
      'service/ec2',
    ]);
  });
});
