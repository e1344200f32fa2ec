import { Vault } from '/work/main/electron/domain/vault/vault.ts';
import v8 from 'node:v8';
const dir = process.argv[2]; const cache = process.argv[3];
const mem = (l: string) => { global.gc?.(); const m = process.memoryUsage(); console.log(l, Object.entries(m).map(([k,v])=>`${k} ${(v/1e6).toFixed(0)}`).join(' ')); };
mem('start');
const v = await Vault.open(dir, { cacheDir: cache });
mem('opened');
for (const q of ['SageMaker 인스턴스','savings plan','"과금 인스턴스"','노트북 비용']) v.search.search(q, 30);
mem('searched');
for (const s of v8.getHeapSpaceStatistics()) console.log(s.space_name, (s.space_used_size/1e6).toFixed(0), (s.space_size/1e6).toFixed(0));
if (process.env.SNAP) { v8.writeHeapSnapshot(process.env.SNAP); console.log('snap'); }
