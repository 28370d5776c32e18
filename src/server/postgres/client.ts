// What the PostgreSQL store needs from a driver: run one statement with parameters, run a script
// of several statements (the migrations), and lend a connection of its own to one transaction.
// A pg.Pool and a PGlite instance both give that through the two small adapters below; the
// types here are structural, so neither driver is imported, at run time or in the declarations.

/** The rows one statement returned. */
export interface SqlResult<Row> {
  rows: Row[];
}

export interface SqlConnection {
  /** One statement, parameters as `$1`, `$2`, … */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<SqlResult<Row>>;
  /** Several statements separated by semicolons, without parameters (the migrations). */
  script(sql: string): Promise<void>;
}

/** A connection lent to one transaction. */
export interface SqlSession extends SqlConnection {
  /** Gives the connection back; with an error, a pool discards it (it may be broken). */
  release(error?: Error): void;
}

export interface PostgresClient extends SqlConnection {
  /** A connection of its own for one transaction, until `release`. */
  connect(): Promise<SqlSession>;
  /** Closes the pool or the database (`store.close()` calls it when the store owns it). */
  end?(): Promise<void>;
}

type PgRows = { rows: unknown[] };

/** What the store uses of a `pg.Pool` (node-postgres 8). */
export interface PgPoolLike {
  query(text: string, values?: unknown[]): Promise<PgRows | PgRows[]>;
  connect(): Promise<{
    query(text: string, values?: unknown[]): Promise<PgRows | PgRows[]>;
    release(error?: Error | boolean): void;
  }>;
  end(): Promise<void>;
}

/** What the store uses of a PGlite instance (`@electric-sql/pglite`). */
export interface PGliteLike {
  query(text: string, params?: unknown[]): Promise<PgRows>;
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

const single = <Row>(result: PgRows | PgRows[]): SqlResult<Row> =>
  (Array.isArray(result) ? result[result.length - 1]! : result) as SqlResult<Row>;

const values = (params: readonly unknown[] | undefined): unknown[] | undefined =>
  params && params.length > 0 ? [...params] : undefined;

/** A client as the store uses it: a `pg.Pool` is wrapped by fromPgPool, anything else is one. */
export function asClient(client: PostgresClient | PgPoolLike): PostgresClient {
  return 'script' in client ? client : fromPgPool(client);
}

/** A first-come, first-served lock: `acquire()` resolves with the function that releases it. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return acquired;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * A `pg.Pool` as the store's client. Statements without parameters go as simple queries, so a
 * migration script may hold several. A session sends its statements one after the other, even
 * when they are asked for together (node-postgres 9 will refuse overlapping queries on a client).
 */
export function fromPgPool(pool: PgPoolLike): PostgresClient {
  return {
    async query<Row>(text: string, params?: readonly unknown[]) {
      return single<Row>(await pool.query(text, values(params)));
    },
    async script(sql) {
      await pool.query(sql);
    },
    async connect() {
      const client = await pool.connect();
      const order = new Lock();
      let released = false;
      const send = (text: string, params?: readonly unknown[]) =>
        order.run(async () => {
          if (released) throw new Error('This connection was released.');
          return client.query(text, values(params));
        });
      return {
        async query<Row>(text: string, params?: readonly unknown[]) {
          return single<Row>(await send(text, params));
        },
        async script(sql: string) {
          await send(sql);
        },
        release(error?: Error) {
          if (released) return;
          released = true;
          client.release(error);
        },
      };
    },
    end: () => pool.end(),
  };
}

/**
 * A PGlite database as the store's client. PGlite is one connection: a transaction has it to
 * itself and every other statement (another transaction, an Idempotency-Key claim) waits until
 * it ends. Good for tests, demos and one-user apps; a server with concurrent users wants a pool.
 * Nothing else may use `db` while the store does.
 */
export function fromPGlite(db: PGliteLike): PostgresClient {
  const lock = new Lock();
  const query = async <Row>(text: string, params?: readonly unknown[]) =>
    (await db.query(text, values(params))) as SqlResult<Row>;
  const script = async (sql: string) => {
    await db.exec(sql);
  };
  return {
    query: (text, params) => lock.run(() => query(text, params)),
    script: (sql) => lock.run(() => script(sql)),
    async connect() {
      const release = await lock.acquire();
      let released = false;
      const open = () => {
        if (released) throw new Error('This PGlite session was released.');
      };
      return {
        query<Row>(text: string, params?: readonly unknown[]) {
          open();
          return query<Row>(text, params);
        },
        script(sql: string) {
          open();
          return script(sql);
        },
        release() {
          if (released) return;
          released = true;
          release();
        },
      };
    },
    end: () => db.close(),
  };
}
