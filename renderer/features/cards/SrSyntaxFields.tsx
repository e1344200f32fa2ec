import type { VaultSettings } from '../../../electron/contract.ts';

type Sr = VaultSettings['sr'];

const SEPARATORS: Array<[keyof Sr, string]> = [
  ['inlineSeparator', 'Inline separator'],
  ['inlineReversedSeparator', 'Inline reversed separator'],
  ['multilineSeparator', 'Multi-line separator'],
  ['multilineReversedSeparator', 'Multi-line reversed separator'],
  ['endMarker', 'End-of-card marker'],
];
const CLOZES: Array<[keyof Sr, string]> = [
  ['clozeHighlight', '==highlight== clozes'],
  ['clozeBold', '**bold** clozes'],
  ['clozeCurly', '{{curly}} clozes'],
];

/** The Obsidian Spaced Repetition plugin's syntax settings, as in its settings tab. */
export function SrSyntaxFields({ sr, onChange }: { sr: Sr; onChange: (sr: Sr) => void }) {
  return (
    <fieldset>
      <legend>Spaced Repetition plugin syntax</legend>
      {SEPARATORS.map(([key, label]) => (
        <label key={key}>
          {label}{' '}
          <input
            type="text"
            value={String(sr[key])}
            required={key !== 'endMarker'}
            maxLength={key === 'endMarker' ? 20 : 10}
            onChange={(e) => onChange({ ...sr, [key]: e.target.value })}
          />
        </label>
      ))}
      {CLOZES.map(([key, label]) => (
        <label key={key}>
          <input type="checkbox" checked={Boolean(sr[key])} onChange={(e) => onChange({ ...sr, [key]: e.target.checked })} /> {label}
        </label>
      ))}
      <label>
        Flashcard tags{' '}
        <input
          type="text"
          value={sr.flashcardTags.map((t) => `#${t}`).join(' ')}
          onChange={(e) =>
            onChange({
              ...sr,
              flashcardTags: e.target.value
                .split(/[\s,]+/)
                .map((t) => t.replace(/^#+/, ''))
                .filter(Boolean),
            })
          }
        />
      </label>
    </fieldset>
  );
}
