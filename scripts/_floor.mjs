import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
async function gz(contents){
const r = await build({ stdin:{contents, resolveDir: process.cwd(), loader:'ts'}, bundle:true, write:false, minify:true, format:'esm', conditions:['production'], logLevel:'silent', define:{'process.env.NODE_ENV':'"production"'}});
const b=r.outputFiles[0].contents; return `${(b.length/1024).toFixed(1)} min ${(gzipSync(b,{level:9}).length/1024).toFixed(1)} gz`;}
const lit=`import {LitElement,html,css,svg,nothing} from 'lit'; import {repeat} from 'lit/directives/repeat.js'; import {live} from 'lit/directives/live.js'; import {classMap} from 'lit/directives/class-map.js';import {ifDefined} from 'lit/directives/if-defined.js'; import {ContextProvider,ContextConsumer,createContext} from '@lit/context'; import {Task} from '@lit/task'; console.log(LitElement,html,css,svg,nothing,repeat,live,ContextProvider,ContextConsumer,createContext,Task,classMap,ifDefined);`;
const virt=`import {virtualize} from '@lit-labs/virtualizer/virtualize.js'; import {flow} from '@lit-labs/virtualizer/layouts/flow.js'; console.log(virtualize,flow);`;
const contract=`import * as c from './src/api/http-contract.ts'; console.log(c);`;
console.log('lit', await gz(lit));
console.log('virt', await gz(virt));
console.log('lit+virt', await gz(lit+virt));
console.log('contract', await gz(contract));
console.log('lit+virt+contract', await gz(lit+virt+contract));
console.log('en catalogue', await gz(`import {CATALOGUE} from './src/i18n/catalogue.ts'; console.log(CATALOGUE.en)`));
console.log('store', await gz(`import * as s from './src/state/store.ts'; console.log(s)`));
console.log('rules', await gz(`import * as s from './src/rules/index.ts'; console.log(s)`));
