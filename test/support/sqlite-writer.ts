// A second process writing to a SQLite store's file (for test/node/server/sqlite-store.test.ts):
// `node --import tsx sqlite-writer.ts <file> <account> <times> <start>` adds 1 to the account's
// team inbox `times` times from the moment `start` (ms since the epoch), each in a write transaction that reads, waits a moment, then writes. Two
// such processes lose increments unless their write transactions take turns. Prints the moments
// each transaction began and ended, one JSON line.
import Database from 'better-sqlite3';
import { sqliteStore } from '../../src/server/sqlite/index.js';

const [file, accountId, times, start] = process.argv.slice(2);
const db = new Database(file!);
const store = sqliteStore(db);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(start) - Date.now())));
const spans: [number, number][] = [];
for (let i = 0; i < Number(times); i++) {
  await store.transaction(accountId!, 'write', async (tx) => {
    const began = performance.timeOrigin + performance.now();
    const account = await tx.account();
    if (!account) throw new Error(`No account ${accountId}.`);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await tx.updateAccount({ teamInbox: account.teamInbox + 1 });
    spans.push([began, performance.timeOrigin + performance.now()]);
  });
  // A pause between transactions, as between requests: the other process gets its turns.
  await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
}
await store.close();
db.close();
console.log(JSON.stringify(spans));
