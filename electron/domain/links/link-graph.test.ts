import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vault } from '../vault/vault.ts';
import { contextAt, LinkGraph } from './link-graph.ts';
import { FileIndex } from './resolve-link.ts';

const NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../notes');
let dir: string;
const at = (rel: string) => path.join(dir, rel);

/** Everything the graph answers, per note: resolved links, backlinks, diagnostics. */
function state(vault: Vault, graph: LinkGraph) {
  const ids = [...vault.allFileIds()].sort();
  return ids.map((id) => ({
    id,
    out: graph.outgoing(id).map((l) => [l.raw, l.target, l.ambiguous]),
    back: graph.backlinks(id),
    diag: graph.diagnosticsOf(id).map((d) => d.message),
  }));
}

/** The vault's incrementally kept graph against one built from scratch on the same notes. */
function assertSameAsRebuild(vault: Vault, what: string) {
  const rebuilt = LinkGraph.build(vault.allNotes(), new FileIndex(vault.allFileIds()));
  assert.deepStrictEqual(state(vault, vault.links()), state(vault, rebuilt), what);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-graph-'));
  await cp(NOTES, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('incremental link graph', () => {
  test('edits, new notes, deletions and renames give the graph a full rebuild gives', async () => {
    const vault = await Vault.open(dir);
    assertSameAsRebuild(vault, 'after open');
    // The map links [[future-topic-eks-cost]], which does not exist yet: a new note resolves it.
    assert.equal(
      vault
        .links()
        .outgoing('aws/aws-ml-cost-map.md')
        .find((l) => l.raw === '[[future-topic-eks-cost]]')?.target,
      null,
    );
    await writeFile(at('future-topic-eks-cost.md'), '# EKS\nback to [[aws-ml-cost-map]]\n');
    await vault.fileChanged(at('future-topic-eks-cost.md'));
    assert.equal(
      vault
        .links()
        .outgoing('aws/aws-ml-cost-map.md')
        .find((l) => l.raw === '[[future-topic-eks-cost]]')?.target,
      'future-topic-eks-cost.md',
    );
    assert.ok(
      vault
        .links()
        .backlinks('aws/aws-ml-cost-map.md')
        .some((b) => b.id === 'future-topic-eks-cost.md'),
    );
    assertSameAsRebuild(vault, 'after adding a note an unresolved link names');

    // A second note of the same name elsewhere: links by name become ambiguous.
    const target = 'aws/sagemaker/sagemaker-processing-jobs.md';
    const linkers = vault
      .links()
      .backlinks(target)
      .map((b) => b.id);
    assert.ok(linkers.length > 0);
    await mkdir(at('zz'), { recursive: true });
    await writeFile(at('zz/sagemaker-processing-jobs.md'), 'a namesake');
    await vault.fileChanged(at('zz/sagemaker-processing-jobs.md'));
    assertSameAsRebuild(vault, 'after adding a namesake');

    // An edit adds a link and drops the note's others.
    await writeFile(at('aws/cost/cost-allocation-tags.md'), 'only [[sagemaker-notebook-instances]] now\n');
    await vault.fileChanged(at('aws/cost/cost-allocation-tags.md'));
    assertSameAsRebuild(vault, 'after an edit');

    // A rename is a delete and an add (as the watcher reports it).
    await rename(at(target), at('aws/sagemaker/processing-jobs-renamed.md'));
    vault.fileDeleted(at(target));
    await vault.fileChanged(at('aws/sagemaker/processing-jobs-renamed.md'));
    assertSameAsRebuild(vault, 'after a rename');
    assert.deepEqual(vault.links().backlinks(target), []);

    // Deleting a linked note: its backlinks go, links to it resolve elsewhere or not at all.
    await unlink(at('zz/sagemaker-processing-jobs.md'));
    vault.fileDeleted(at('zz/sagemaker-processing-jobs.md'));
    await unlink(at('aws/ec2/ec2-purchase-options.md'));
    vault.fileDeleted(at('aws/ec2/ec2-purchase-options.md'));
    assertSameAsRebuild(vault, 'after deletions');

    // An attachment appearing resolves an embed that named it.
    await writeFile(at('pics.md'), '![[chart.png]] and [[chart.png]]');
    await vault.fileChanged(at('pics.md'));
    await writeFile(at('chart.png'), 'not really a png');
    await vault.fileChanged(at('chart.png'));
    assert.equal(vault.links().outgoing('pics.md')[0]?.target, 'chart.png');
    assertSameAsRebuild(vault, 'after an attachment appears');
  });

  test('a note linking to one target on several lines, or twice on a line, gives one backlink per line through edits and a restore', async () => {
    const vault = await Vault.open(dir);
    const target = 'aws/sagemaker/sagemaker-processing-jobs.md';
    const backFrom = (id: string) =>
      vault
        .links()
        .backlinks(target)
        .filter((b) => b.id === id)
        .map((b) => b.line);
    // Line 2 twice, line 4 once, and a link to itself (a link, no backlink).
    await writeFile(
      at('many.md'),
      '# many\n[[sagemaker-processing-jobs]] and [[sagemaker-processing-jobs|again]]\n\n[[sagemaker-processing-jobs#Pricing]] [[many]]\n',
    );
    await vault.fileChanged(at('many.md'));
    assert.deepEqual(backFrom('many.md'), [2, 4]);
    assert.deepEqual(vault.links().backlinks('many.md'), []);
    assertSameAsRebuild(vault, 'after a note with repeated links');
    const restored = LinkGraph.restore(vault.links().snapshot(), new Map(vault.allNotes().map((n) => [n.id, n])), new FileIndex(vault.allFileIds()));
    assert.deepStrictEqual(state(vault, restored), state(vault, vault.links()), 'restored from its snapshot');
    // Down to one link, on another line; then gone.
    await writeFile(at('many.md'), '# many\n\n\n\n[[sagemaker-processing-jobs]]\n');
    await vault.fileChanged(at('many.md'));
    assert.deepEqual(backFrom('many.md'), [5]);
    assertSameAsRebuild(vault, 'after the links went down to one');
    await unlink(at('many.md'));
    vault.fileDeleted(at('many.md'));
    assert.deepEqual(backFrom('many.md'), []);
    assertSameAsRebuild(vault, 'after the note went');
  });

  test('a link written `x.md` also finds a file named `x.md.md`, and follows it when it appears', async () => {
    const vault = await Vault.open(dir);
    await writeFile(at('linker.md'), 'see [[odd.md]]');
    await vault.fileChanged(at('linker.md'));
    await writeFile(at('odd.md.md'), 'odd name');
    await vault.fileChanged(at('odd.md.md'));
    assertSameAsRebuild(vault, 'after odd.md.md appears');
  });

  test('context lines are read from the linking note when asked', async () => {
    const vault = await Vault.open(dir);
    const back = vault.links().backlinks('aws/sagemaker/sagemaker-processing-jobs.md')[0];
    const from = vault.getNote(back.id)!;
    const fileLine = (await readFile(at(back.id), 'utf8')).split('\n')[back.line - 1];
    assert.ok(fileLine.includes('[['), 'the line holds the link');
    const context = contextAt(from, back.line);
    assert.ok(context.length > 0 && !context.includes('[['), `readable text: ${context}`);
  });
});
