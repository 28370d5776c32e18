// A file generated from the code (docs/openapi.json, docs/http-api.md): written, or with
// `--check` compared with what is committed, failing when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export function writeOrCheck(output: string, text: string, command: string): void {
  const name = relative(process.cwd(), output);
  if (!process.argv.includes('--check')) {
    writeFileSync(output, text);
    console.log(`Wrote ${output}`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(output, 'utf8');
  } catch {
    // Missing counts as stale.
  }
  if (current !== text) {
    console.error(`${name} is out of date: run \`${command}\`.`);
    process.exit(1);
  }
  console.log(`${name} is up to date.`);
}
