import { Vault } from '/work/main/electron/domain/vault/vault.ts';
let t = performance.now();
const v = await Vault.open('/tmp/cairn-bench/vault-n50000-s42-g1-3d357844d3', { cacheDir: '/tmp/prof/cache50', parseWorker: '/work/main/out/parse-worker.cjs' });
console.log('cold', ((performance.now() - t) / 1000).toFixed(1));
t = performance.now(); await v.saveCache(); console.log('saved', ((performance.now() - t) / 1000).toFixed(1));
