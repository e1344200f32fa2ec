import { readFile } from 'node:fs/promises';
import { tagKey } from '../domain/notes/parse-tags.ts';
import { noteDetails } from '../domain/vault/note-details.ts';
import { UsageError, type CliCommand, type CliContext } from './cli-types.ts';

const json = (ctx: CliContext, value: unknown) => ctx.out(JSON.stringify(value, null, ctx.json ? 0 : 2));

const index: CliCommand = {
  name: 'index',
  usage: 'index [--vault DIR] [--json]',
  summary: 'Index the vault and report counts and diagnostics',
  async run(ctx) {
    const vault = await ctx.openVault();
    const notes = vault.allNotes();
    const graph = vault.links();
    const links = graph.allLinks();
    const diagnostics = vault.diagnostics().map(({ id, code, message, line }) => ({ id, code, message, ...(line ? { line } : {}) }));
    const report = {
      notes: notes.length,
      tags: vault.tagTree().size,
      aliases: notes.reduce((n, x) => n + x.aliases.length, 0),
      links: links.length,
      unresolved: links.filter((l) => !l.target).length,
      ambiguous: links.filter((l) => l.ambiguous).length,
      diagnostics,
    };
    if (ctx.json) return json(ctx, report);
    ctx.out(
      `${report.notes} notes, ${report.tags} tags, ${report.aliases} aliases, ${report.links} links (${report.unresolved} unresolved, ${report.ambiguous} ambiguous)`,
    );
    for (const d of diagnostics) ctx.out(`  ${d.code.padEnd(18)} ${d.id}${d.line ? ':' + d.line : ''}  ${d.message}`);
  },
};

const search: CliCommand = {
  name: 'search',
  usage: 'search QUERY [--limit N] | search --queries FILE',
  summary: 'Full-text, tag (tag:x) and alias search, best first',
  options: { limit: { type: 'string' }, queries: { type: 'string' } },
  async run(ctx) {
    const limit = ctx.values.limit === undefined ? 20 : Number(ctx.values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number ≥ 1');
    const file = ctx.values.queries as string | undefined;
    const query = ctx.positionals.join(' ').trim();
    if (!file && !query) throw new UsageError('give a QUERY or --queries FILE');
    if (file && query) throw new UsageError('give a QUERY or --queries FILE, not both');
    let lines: string[] = [];
    if (file) {
      try {
        lines = (await readFile(file, 'utf8')).split(/\r?\n/).filter((l) => l.trim());
      } catch (err) {
        throw new UsageError(`cannot read --queries file: ${(err as Error).message}`);
      }
    }
    const vault = await ctx.openVault();
    if (file) {
      // One JSON line per query, in one process (for batches and benchmarks).
      for (const q of lines) ctx.out(JSON.stringify({ query: q, hits: vault.search.search(q, limit) }));
      return;
    }
    const hits = vault.search.search(query, limit);
    if (ctx.json) return json(ctx, hits);
    if (hits.length === 0) ctx.out('no hits');
    for (const h of hits) ctx.out(`${h.id}  [${h.field}]\n    ${h.snippet.replace(/<\/?mark>/g, '*')}`);
  },
};

const note: CliCommand = {
  name: 'note',
  usage: 'note ID|TITLE|ALIAS',
  summary: 'A note with its tags, aliases, headings, links, backlinks and unlinked mentions',
  async run(ctx) {
    const ref = ctx.positionals.join(' ').trim();
    if (!ref) throw new UsageError('give a note id, title or alias');
    const vault = await ctx.openVault();
    const found = vault.findNote(ref);
    if (!found) {
      ctx.err(`cairn note: no note "${ref}"`);
      return 1;
    }
    const d = noteDetails(vault, found.id)!;
    const out = {
      id: d.id,
      title: d.title,
      tags: d.tags,
      aliases: d.aliases,
      headings: d.headings,
      links: d.links.map(({ raw, kind, target, subpath, display }) => ({ raw, kind, target, subpath, display })),
      backlinks: d.backlinks.map(({ id, context }) => ({ id, context })),
      unlinkedMentions: d.unlinkedMentions.map(({ id, context }) => ({ id, context })),
      diagnostics: d.diagnostics,
    };
    if (ctx.json) return json(ctx, out);
    ctx.out(`${d.title}  (${d.id})\ntags: ${d.tags.map((t) => '#' + t).join(' ')}\naliases: ${d.aliases.join(', ')}`);
    ctx.out(`links (${d.links.length}):\n` + d.links.map((l) => `  ${l.raw} → ${l.target ?? 'unresolved'}`).join('\n'));
    ctx.out(`backlinks (${d.backlinks.length}):\n` + d.backlinks.map((b) => `  ${b.id}: ${b.context}`).join('\n'));
    ctx.out(`unlinked mentions (${d.unlinkedMentions.length}):\n` + d.unlinkedMentions.map((m) => `  ${m.id}: ${m.context}`).join('\n'));
  },
};

const links: CliCommand = {
  name: 'links',
  usage: 'links [--json]',
  summary: 'Tags, aliases, outgoing links and backlinks of every note',
  async run(ctx) {
    const vault = await ctx.openVault();
    const graph = vault.links();
    const notes: Record<string, { tags: string[]; aliases: string[]; links: Array<string | null>; backlinks: string[] }> = {};
    for (const n of vault.allNotes().sort((a, b) => (a.id < b.id ? -1 : 1))) {
      notes[n.id] = {
        tags: n.tags.map(tagKey),
        aliases: n.aliases,
        links: graph.outgoing(n.id).map((l) => l.target),
        backlinks: [...new Set(graph.backlinks(n.id).map((b) => b.id))],
      };
    }
    json(ctx, { notes });
  },
};

export const vaultCommands: CliCommand[] = [index, search, note, links];
