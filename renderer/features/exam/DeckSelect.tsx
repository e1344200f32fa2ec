/** A labelled picker of the vault's decks (tags with cards), shown as `#tag`. */
export function DeckSelect({ decks, value, onChange }: { decks: string[]; value: string; onChange: (deck: string) => void }) {
  return (
    <label>
      Deck{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {decks.map((d) => (
          <option key={d} value={d}>
            #{d}
          </option>
        ))}
      </select>
    </label>
  );
}
