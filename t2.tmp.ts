import { parseAllDocuments } from 'yaml';
import { parseSpecFile } from './src/spec';
import { generateSpec } from './test/bench/generatedSpec';
const text = generateSpec(2000).text;
const fs: Array<[string, () => unknown]> = [['floor', () => parseAllDocuments(text)], ['whole', () => parseSpecFile(text)]];
const r = new Map<string, number[]>();
for (let round=0; round<10; round++) for (const [n,f] of fs) { for (let i=0;i<5;i++) f(); for (let i=0;i<15;i++){const s=performance.now(); f(); (r.get(n) ?? r.set(n, []).get(n)!).push(performance.now()-s);} }
const med: Record<string, number> = {};
for (const [n, xs] of r) { xs.sort((a,b)=>a-b); med[n] = xs[xs.length>>1]; console.log(n.padEnd(8), med[n].toFixed(2)); }
console.log('overhead', (med.whole - med.floor).toFixed(2), 'ratio whole/floor', (med.whole / med.floor).toFixed(3));
