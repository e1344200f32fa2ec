import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { dollars } from './card-text.ts';

interface Props {
  noteId: string;
  /** A scenario whose id is an option key is that option of the question. */
  optionKeys: string[];
}

/** `C: small notebook + R5 …` → name `C`, description `small notebook + R5 …`. */
function splitLabel(label: string): [string, string] {
  const at = label.indexOf(': ');
  return at > 0 ? [label.slice(0, at), label.slice(at + 2)] : [label, ''];
}

/** What each answer would cost, from the note's cost calculator (electron/domain/README.md §4), cheapest marked. */
export function ScenarioCosts({ noteId, optionKeys }: Props) {
  const [calc] = useApi((signal) => api.noteCalculators({ id: noteId }, { signal }), [noteId]);
  // The card is complete without prices: a note with no calculator shows none; one that fails says so.
  if (calc.state === 'error') return <ApiState value={calc} failed="Could not price the options" />;
  if (calc.state !== 'ok') return null;
  const first = calc.value.calculators[0];
  if (!first || first.result.scenarios.length === 0) return null;
  const { scenarios, cheapest, catalog, calculator } = first.result;
  return (
    <section className="scenario-costs" aria-label="Scenario costs">
      <h3>What each option costs</h3>
      <p className="stat-note">{first.title}</p>
      <ul>
        {scenarios.map((s) => {
          const [head, description] = splitLabel(s.label);
          const name = optionKeys.includes(s.id) ? `Option ${s.id}` : head;
          return (
            <li key={s.id} className={`scenario${s.id === cheapest ? ' cheapest' : ''}`}>
              <span className="scenario-line">
                <span className="scenario-name">{name}</span> — <span className="scenario-cost">{dollars(s.monthly)}/month</span>
                {s.id === cheapest && <span className="badge cheapest-badge">★ cheapest</span>}
                {!s.meetsRequirements && <span className="badge fails-badge">fails requirements</span>}
              </span>
              {description && <span className="scenario-description">{description}</span>}
            </li>
          );
        })}
      </ul>
      <p className="stat-note">
        {calculator.region}, prices as of {catalog.asOf}. The note's calculator shows the math.
      </p>
    </section>
  );
}
