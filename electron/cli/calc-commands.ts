// `cairn calc`, `cairn prices show`, `cairn prices import`: the cost calculator and its price
// catalog from the command line (electron/domain/README.md §4).
import { readFile } from 'node:fs/promises';
import type { CalcResult, ScenarioResult } from '../domain/calc/calc-types.ts';
import { CalcError } from '../domain/calc/calc-types.ts';
import { calculatorsForNote } from '../domain/calc/calculators-for-note.ts';
import { computeCalculator } from '../domain/calc/engine.ts';
import { InputError, parseInputText } from '../domain/calc/inputs.ts';
import { formatHours, formatPercent, formatRate, formatUsd } from '../domain/calc/money.ts';
import { formatDefinitionError } from '../domain/calc/parse-definition.ts';
import type { PriceCatalog } from '../domain/prices/catalog-schema.ts';
import { importOffer, OfferError } from '../domain/prices/import-offer.ts';
import { bundledCatalog, CatalogError, defaultDataDir, loadCatalog, overridesPath, readOverrides, writeOverrides } from '../domain/prices/load-catalog.ts';
import { diffCatalogs, mergeCatalog, mergeOverrides } from '../domain/prices/merge-catalog.ts';
import { UsageError, type CliCommand, type CliContext } from './cli-types.ts';

const json = (ctx: CliContext, value: unknown): void => {
  ctx.out(JSON.stringify(value, null, 2));
};

async function catalogFor(ctx: CliContext): Promise<PriceCatalog> {
  const { catalog, warnings } = await loadCatalog(defaultDataDir());
  for (const w of warnings) ctx.err(`warning: ${w}`);
  return catalog;
}

/** `--set NAME=VALUE` pairs, split at the first `=`. */
function setPairs(values: CliContext['values']): Array<[string, string]> {
  const raw = values.set;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return list.map((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes NAME=VALUE, got "${pair}"`);
    return [pair.slice(0, eq).trim(), pair.slice(eq + 1)];
  });
}

const calc: CliCommand = {
  name: 'calc',
  usage: 'calc NOTE [--set NAME=VALUE]… [--calculator ID] [--json]',
  summary: 'The cost calculator of a note: scenarios, the math of each line, the cheapest',
  options: { set: { type: 'string', multiple: true }, calculator: { type: 'string' } },
  async run(ctx) {
    const ref = ctx.positionals.join(' ').trim();
    if (!ref) throw new UsageError('give a note id, title or alias');
    const pairs = setPairs(ctx.values);
    const vault = await ctx.openVault();
    const note = vault.findNote(ref);
    if (!note) {
      ctx.err(`cairn calc: no note "${ref}"`);
      return 1;
    }
    const catalog = await catalogFor(ctx);
    const { definitions, errors } = await calculatorsForNote(vault, note.id, catalog);
    for (const e of errors) ctx.err(`calculator error: ${formatDefinitionError(e)}`);
    const wanted = ctx.values.calculator as string | undefined;
    const def = wanted === undefined ? definitions[0] : definitions.find((d) => d.id === wanted);
    if (!def) {
      if (wanted !== undefined)
        throw new UsageError(`no calculator "${wanted}" for ${note.id} (calculators: ${definitions.map((d) => d.id).join(', ') || 'none'})`);
      ctx.err(`cairn calc: no calculator for ${note.id}`);
      return 1;
    }
    if (wanted === undefined && definitions.length > 1)
      ctx.err(`${note.id} has ${definitions.length} calculators (${definitions.map((d) => d.id).join(', ')}); showing ${def.id}, choose with --calculator ID`);
    let result: CalcResult;
    try {
      const overrides = Object.fromEntries(pairs.map(([name, text]) => [name, parseInputText(def, name, text)]));
      result = computeCalculator(def, overrides, catalog);
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(`--set: ${err.message}`);
      if (err instanceof CalcError) {
        ctx.err(`cairn calc: ${def.id}: ${err.message}`);
        return 1;
      }
      throw err;
    }
    if (ctx.json) return json(ctx, result);
    ctx.out(resultTable(result));
  },
};

function resultTable(r: CalcResult): string {
  const out = [
    r.calculator.title,
    `${r.calculator.origin.id} · ${r.calculator.region} · prices as of ${r.catalog.asOf}${r.catalog.imports ? ` + ${r.catalog.imports} imported offer file(s)` : ''}`,
    `inputs: ${Object.entries(r.inputs)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
    '',
  ];
  for (const s of r.scenarios) out.push(...scenarioRows(s, r), '');
  const cheapest = r.scenarios.find((s) => s.id === r.cheapest);
  if (cheapest)
    out.push(
      `cheapest meeting the requirements: ${cheapest.label} [${cheapest.id}], ${formatUsd(cheapest.amortizedMonthly)} a month${savingsText(r, cheapest.id)}`,
    );
  else out.push('no scenario meets every requirement');
  return out.join('\n');
}

function scenarioRows(s: ScenarioResult, r: CalcResult): string[] {
  const mark = s.id === r.cheapest ? '★' : s.meetsRequirements ? ' ' : '✗';
  const money =
    s.upfront > 0
      ? `${formatUsd(s.upfront)} upfront + ${formatUsd(s.monthly)}/month (${formatUsd(s.amortizedMonthly)} amortised)`
      : `${formatUsd(s.monthly)}/month`;
  const rows = [`${mark} ${s.label} [${s.id}]`, `    ${money}, 12 months ${formatUsd(s.total12)}${s.id === r.baseline ? ' (baseline)' : savingsText(r, s.id)}`];
  for (const l of s.lines) {
    rows.push(`    - ${l.label} [${l.component}${l.instance ? ` ${l.instance}` : ''}, ${l.pricing}]: ${l.math}`);
    if (l.breakEven)
      rows.push(`      cheaper than on-demand above ${formatHours(l.breakEven.hoursPerMonth)} a month (${formatPercent(l.breakEven.utilisation)} use)`);
  }
  for (const v of s.violations) rows.push(`    ✗ ${v}`);
  return rows;
}

function savingsText(r: CalcResult, id: string): string {
  const s = r.savingsVsBaseline?.[id];
  if (!s || id === r.baseline) return '';
  return `, ${s.amount >= 0 ? '−' : '+'}${Math.abs(s.percent)}% vs ${r.baseline} (${s.amount >= 0 ? 'saves' : 'costs'} ${formatUsd(Math.abs(s.amount))} a month)`;
}

const pricesShow: CliCommand = {
  name: 'prices show',
  usage: 'prices show [--json]',
  summary: 'The price catalog: bundled figures with their sources, plus imported offer files',
  async run(ctx) {
    const catalog = await catalogFor(ctx);
    if (ctx.json) return json(ctx, catalog);
    const file = overridesPath(defaultDataDir());
    ctx.out(
      `Prices in USD as of ${catalog.asOf}; user overrides: ${file}${catalog.imports.length ? ` (${catalog.imports.length} offer file(s) imported)` : ' (none)'}`,
    );
    ctx.out('\nOn-demand:');
    for (const r of catalog.onDemand) {
      const spec = catalog.instances[r.instance];
      const specText = spec ? `${spec.vcpu} vCPU, ${spec.memoryGiB} GiB${spec.gpu ? `, ${spec.gpu.count}× ${spec.gpu.model}` : ''}` : 'specs unknown';
      ctx.out(
        `  ${r.region.padEnd(15)} ${r.component.padEnd(11)} ${r.instance.padEnd(16)} ${formatRate(r.usdPerHour).padEnd(12)} ${r.confidence.padEnd(14)} ${specText}`,
      );
    }
    if (catalog.commitments.length) ctx.out('\nCommitments:');
    for (const c of catalog.commitments)
      ctx.out(
        `  ${c.region} ${c.component} ${c.instance} ${c.kind} ${c.termYears} y ${c.payment} upfront: ${formatRate(c.hourly)} + ${formatUsd(c.upfront)} upfront (${c.confidence})`,
      );
    ctx.out('\nCommitment discounts used when no exact price is known:');
    for (const d of catalog.discounts)
      ctx.out(`  ${d.service} ${d.kind} ${d.termYears} y ${d.payment} upfront: ${formatPercent(d.discount)} (${d.confidence})${d.note ? ` — ${d.note}` : ''}`);
    ctx.out('\nSources:');
    for (const [key, text] of Object.entries(catalog.sources)) ctx.out(`  ${key}: ${text}`);
  },
};

const pricesImport: CliCommand = {
  name: 'prices import',
  usage: 'prices import OFFER.json [--json]',
  summary: 'Merge an AWS Price List offer file into the user price catalog; print what changed',
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file || ctx.positionals.length > 1) throw new UsageError('give one offer file');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
    }
    const target = overridesPath(defaultDataDir());
    let imported: ReturnType<typeof importOffer>;
    let old: Awaited<ReturnType<typeof readOverrides>>;
    try {
      imported = importOffer(text);
      old = await readOverrides(target);
    } catch (err) {
      if (!(err instanceof OfferError || err instanceof CatalogError)) throw err;
      ctx.err(`cairn prices import: ${err instanceof OfferError ? `${file}: ` : ''}${err.message} (nothing written)`);
      return 1;
    }
    const base = bundledCatalog();
    const next = mergeOverrides(old, imported.overrides);
    const diff = diffCatalogs(mergeCatalog(base, old), mergeCatalog(base, next));
    await writeOverrides(target, next);
    const added = diff.changes.filter((c) => c.kind === 'added');
    const changed = diff.changes.filter((c) => c.kind === 'changed');
    if (ctx.json)
      return json(ctx, {
        file,
        offer: imported.offer,
        written: target,
        added: added.length,
        changed: changed.length,
        unchanged: diff.unchanged,
        skipped: imported.skipped,
        changes: diff.changes,
      });
    const { offerCode, version, publicationDate } = imported.offer;
    ctx.out(`imported ${offerCode} ${version} (published ${publicationDate}) into ${target}`);
    ctx.out(
      `${added.length} added, ${changed.length} changed, ${diff.unchanged} unchanged; ${imported.skipped} price dimensions skipped (not an hourly instance price)`,
    );
    for (const c of changed) ctx.out(`  ~ ${c.key}: ${c.before} → ${c.after}`);
    for (const c of added) ctx.out(`  + ${c.key}: ${c.after}`);
  },
};

export const calcCommands: CliCommand[] = [calc, pricesShow, pricesImport];
