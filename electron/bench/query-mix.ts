// The fixed queries of the benchmark. Most are written out (the cases electron/domain/README.md §2 promises);
// a few are drawn from the generated vault with the seed, so they exist in it: a phrase, a rare
// compound, a title, an alias.
import { noteText } from './generate-vault.ts';
import { createRng, deriveSeed } from './prng.ts';
import type { VaultPlan } from './vault-plan.ts';

export interface LabelledQuery {
  label: string;
  query: string;
}

export interface QueryMix {
  search: LabelledQuery[];
  quickSwitch: LabelledQuery[];
}

export function queryMix(plan: VaultPlan): QueryMix {
  const rng = createRng(deriveSeed(plan.seed, 'queries'));
  const note = () => plan.notes[rng.int(0, plan.notes.length - 1)];
  const withAlias = plan.notes.find((n, i) => i >= plan.notes.length / 2 && n.aliases.length > 0) ?? plan.notes[0];
  const commonTag = mostCommon(plan.notes.flatMap((n) => n.tags));
  return {
    search: [
      { label: 'Korean word + particle', query: '인스턴스를' },
      { label: 'infix of a compound', query: '메이커' },
      { label: 'English prefix', query: 'optim' },
      { label: 'Korean, two words', query: '비용 절감' },
      { label: 'English, two words', query: 'spot instance' },
      { label: 'mixed scripts', query: 'SageMaker 인스턴스' },
      { label: 'tag filter + word', query: 'tag:service 비용' },
      { label: 'nested tag filter + word', query: `tag:${commonTag} data` },
      { label: 'exact phrase', query: `"${phraseFrom(plan, rng.int(0, plan.notes.length - 1))}"` },
      { label: 'rare compound', query: rng.pick(plan.lexicon.compounds) },
      { label: 'a title', query: note().title.replaceAll('-', ' ') },
      { label: 'an alias', query: withAlias.aliases[0] },
    ],
    quickSwitch: [
      { label: 'common prefix', query: 'sage' },
      { label: 'title prefix', query: note().title.slice(0, 6) },
      { label: 'whole title', query: note().title },
      { label: 'alias', query: withAlias.aliases[0] },
      { label: 'letters in order', query: 'smkr' },
    ],
  };
}

/** Two consecutive plain words of the prose of note `index` (or of the next note that has them). */
function phraseFrom(plan: VaultPlan, index: number): string {
  for (let k = 0; k < plan.notes.length; k++) {
    const body = noteText(plan, (index + k) % plan.notes.length).split('\n---\n')[1] ?? '';
    const words = body.split(/\s+/);
    for (let i = 0; i + 1 < words.length; i++) {
      if (/^\p{L}{2,}$/u.test(words[i]) && /^\p{L}{2,}$/u.test(words[i + 1])) return `${words[i]} ${words[i + 1]}`;
    }
  }
  return 'SageMaker Processing';
}

function mostCommon(items: string[]): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}
