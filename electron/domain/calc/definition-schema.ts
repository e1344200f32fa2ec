// The shape of a calculator definition. Where definitions live (decided for issue 5):
// - a ```cost fenced block in a note (YAML inside; `id` and `title` optional), or
// - a `*.cost.yaml` file anywhere in the vault, by convention `calculators/<id>.cost.yaml`, with
//   `appliesTo: {tags: [...]}`. Plain YAML rather than a `.md` note: it stays out of search, links
//   and cards, its line numbers are the file's, and the shipped seed note is never edited.
// A minimal one:
//   inputs: {hours: {type: number, default: 8}}
//   scenarios:
//     - {id: a, label: A, lines: [{component: notebook, instance: ml.t3.medium, hours: hours * 22}]}
// Cross-field rules (known inputs, instances in the catalog, …) are in check-definition.ts.
import { z } from 'zod';
import { COMPONENTS, PAYMENTS } from '../prices/catalog-schema.ts';

const Name = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a name is a letter, then letters, digits or _');
const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id is letters, digits, - and _');
/** A number, or an expression of the inputs (`prepHoursPerDay * prepDaysPerMonth`). */
const Amount = z.union([z.number(), z.string().min(1)], {
  error: (issue) => (issue.input === undefined ? 'required' : 'expected a number or an expression of the inputs'),
});
const Label = { label: z.string().optional(), help: z.string().optional() };

const NumberInput = z.strictObject({
  type: z.literal('number'),
  ...Label,
  default: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().positive().optional(),
  unit: z.string().optional(),
});
const BooleanInput = z.strictObject({ type: z.literal('boolean'), ...Label, default: z.boolean() });
const ChoiceInput = z.strictObject({
  type: z.literal('choice'),
  ...Label,
  options: z.array(z.union([z.string(), z.number()])).min(1),
  default: z.union([z.string(), z.number()]),
  unit: z.string().optional(),
});
const InstanceInput = z.strictObject({
  type: z.literal('instance'),
  ...Label,
  /** Offers the instances the catalog prices for this component. */
  component: z.enum(COMPONENTS),
  default: z.string(),
  filter: z
    .strictObject({
      /** `r5` matches ml.r5.2xlarge and r5.2xlarge. */
      family: z.array(z.string()).min(1).optional(),
      minMemoryGiB: z.number().optional(),
      /** true: GPU instances only; false: none. */
      gpu: z.boolean().optional(),
    })
    .optional(),
});
const Input = z.discriminatedUnion('type', [NumberInput, BooleanInput, ChoiceInput, InstanceInput]);

const Commitment = z.strictObject({
  type: z.enum(['savings-plan', 'reservation']),
  /** 1 or 3 years, or the name of a choice input. */
  term: z.union([z.literal(1), z.literal(3), Name]),
  /** no / partial / all upfront, or the name of a choice input. */
  payment: z.union([z.enum(PAYMENTS), Name]),
  /** Off on-demand (0.72 = 72%). Without it: the catalog's commitment price or discount. */
  discount: Amount.optional(),
});
const Pricing = z.preprocess(
  (v) => (typeof v === 'string' ? { type: v } : v),
  z.discriminatedUnion('type', [z.strictObject({ type: z.literal('on-demand') }), z.strictObject({ type: z.literal('spot'), discount: Amount }), Commitment]),
);

const Line = z.strictObject({
  label: z.string().optional(),
  component: z.enum(COMPONENTS),
  /** An instance name, or the name of an instance input. */
  instance: z.string().optional(),
  /** $/hour for what the catalog does not price (serverless inference); instead of `instance`. */
  rate: Amount.optional(),
  hours: Amount,
  quantity: Amount.optional(),
  pricing: Pricing.default({ type: 'on-demand' }),
  /** `memoryGiB >= requiredMemoryGiB`: checked against this line's instance. */
  requirements: z.array(z.string()).optional(),
  note: z.string().optional(),
});

const Scenario = z.strictObject({
  id: Id,
  label: z.string(),
  description: z.string().optional(),
  lines: z.array(Line).min(1),
  /** Checked against every line's instance. */
  requirements: z.array(z.string()).optional(),
});

export const DefinitionSchema = z.strictObject({
  id: Id.optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  region: z.string().default('us-east-1'),
  /** Calculator files: the notes whose tags (or sub-tags) are listed get this calculator. */
  appliesTo: z.strictObject({ tags: z.array(z.string().min(1)).min(1) }).optional(),
  inputs: z.record(Name, Input).default({}),
  scenarios: z.array(Scenario).min(1),
  baseline: Id.optional(),
  /** Where the assumptions come from. */
  sources: z.array(z.string()).optional(),
});

type Parsed = z.output<typeof DefinitionSchema>;
export type InputDef = z.output<typeof Input>;
export type InstanceInputDef = z.output<typeof InstanceInput>;
export type ScenarioDef = z.output<typeof Scenario>;
export type LineDef = z.output<typeof Line>;
export type PricingDef = LineDef['pricing'];
export type CommitmentPricingDef = z.output<typeof Commitment>;

/** Where a definition was written: a calculator file, or a `cost` block of a note. */
export interface DefinitionOrigin {
  kind: 'file' | 'note';
  /** Vault-relative id of the file or note. */
  id: string;
  /** 1-based line in that file of the YAML's first line. */
  line: number;
}

export interface CalculatorDefinition extends Omit<Parsed, 'id' | 'title'> {
  id: string;
  title: string;
  origin: DefinitionOrigin;
}
