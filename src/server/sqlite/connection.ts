/// <reference types="node" preserve="true" />
// One better-sqlite3 connection as the store uses it: its prepared statements, and a queue. The
// driver is synchronous but a transaction's work is async, so while one transaction is open on a
// connection nothing else may run a statement on it (it would run inside that transaction).
import type BetterSqlite3 from 'better-sqlite3';
import { KeyedMutex } from '../mutex.js';

export type Database = BetterSqlite3.Database;
export type Statement = BetterSqlite3.Statement<unknown[], unknown>;

export class Connection {
  private readonly statements = new Map<string, Statement>();
  private readonly queue = new KeyedMutex();

  constructor(readonly db: Database) {}

  /** The prepared statement for `sql` (prepared once per connection). */
  st(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` when every earlier work queued on this connection has settled. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run('connection', work);
  }

  /**
   * `work` in one transaction, alone on this connection: committed when it resolves, rolled back
   * when it rejects (and the rejection passed on). `BEGIN IMMEDIATE` takes the database's write
   * lock at once, so writers in other processes queue behind it (waiting busy_timeout at most).
   */
  transaction<T>(begin: 'BEGIN' | 'BEGIN IMMEDIATE', work: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.db.exec(begin);
      let result: T;
      try {
        result = await work();
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
      return result;
    });
  }
}
