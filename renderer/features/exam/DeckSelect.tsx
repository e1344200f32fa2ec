/** A labelled picker of the vault's decks (tags with cards), shown as `#tag`; `all` labels a
 *  first choice of no deck (value ''). */
export function DeckSelect({ decks, value, onChange, all }: { decks: string[]; value: string; onChange: (deck: string) => void; all?: string }) {
  return (
    <label>
      Deck{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {all !== undefined && <option value="">{all}</option>}
        {decks.map((d) => (
          <option key={d} value={d}>
            #{d}
          </option>
        ))}
      </select>
    </label>
  );
}
