import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const ext = process.argv.slice(2).map(s=>new RegExp(s));
const r = await build({ stdin:{contents:`import './src/define.ts';\nexport * from './src/index.ts';`, resolveDir: process.cwd(), loader:'ts'}, bundle:true, write:false, minify:true, format:'esm', splitting:true, outdir:'/tmp/o', conditions:['production'], metafile:true, logLevel:'silent', define:{'process.env.NODE_ENV':'"production"'},
plugins:[{name:'x',setup(b){b.onResolve({filter:/.*/},a=>{ if (a.kind==='entry-point') return; for (const e of ext) if (e.test(a.path)) return {path:a.path, external:true}; })}}]});
let t=0,m=0; for (const f of r.outputFiles) { if (f.path.includes('contract')) continue; t+=gzipSync(f.contents,{level:9}).length; m+=f.contents.length;}
console.log((m/1024).toFixed(1),'min',(t/1024).toFixed(1),'gz');
const rows=[]; for (const [f,o] of Object.entries(r.metafile.outputs)) if(!f.includes('contract')) for (const [p,v] of Object.entries(o.inputs)) rows.push([v.bytesInOutput,p]);
rows.sort((a,b)=>b[0]-a[0]); if (process.env.LIST) for (const x of rows.slice(0,45)) console.log(x.join('  '));
