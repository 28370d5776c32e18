// The HTTP adapter on its own: what it sends, and how every kind of answer becomes a result or a SeatkitError.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SeatkitError, createHttpAdapter } from '../../../src/api/index.js';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

/** An adapter whose fetch records the request and answers with `respond`. */
function adapterWith(
  respond: (sent: Sent) => Response | Promise<Response>,
  headers?: Record<string, string> | (() => Record<string, string>),
) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request: Sent = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : null,
    };
    sent.push(request);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return respond(request);
  };
  const adapter = createHttpAdapter({
    baseUrl: 'https://backend.test/api/',
    fetch,
    ...(headers ? { headers } : {}),
  });
  return { adapter, sent };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

const member = {
  kind: 'member',
  id: 'm1',
  name: 'Tom',
  email: 'tom@example.com',
  role: 'agent',
  status: 'active',
  phoneNumbers: [],
  version: 3,
};

async function failure(promise: Promise<unknown>): Promise<SeatkitError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SeatkitError, `expected a SeatkitError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('createHttpAdapter: requests', () => {
  it('builds the URL with encoded path parameters and the query', async () => {
    const { adapter, sent } = adapterWith(() => json({ items: [], nextCursor: null, total: 0 }));
    await adapter.listTeam({ search: 'a b', role: 'agent', limit: 10, cursor: undefined });
    assert.equal(sent[0]?.url, 'https://backend.test/api/team?search=a+b&role=agent&limit=10');
    const phone = adapterWith(() => json({ number: '+14155550100', assignee: null }));
    await phone.adapter.assignPhoneNumber('+14155550100', null);
    assert.equal(
      phone.sent[0]?.url,
      'https://backend.test/api/phone-numbers/%2B14155550100/assignee',
    );
    assert.equal(phone.sent[0]?.method, 'PUT');
    assert.deepEqual(JSON.parse(phone.sent[0]?.body ?? ''), { assignee: null });
  });

  // Issue 13, item 17: an id never changes the path. The URL is read as fetch reads it (WHATWG
  // URL parsing), which removes and resolves '.' and '..' segments, also written %2E.
  const ids: [string, string][] = [
    ['a/b', '/api/members/a%2Fb/remove'],
    ['a?b=c', '/api/members/a%3Fb%3Dc/remove'],
    ['a#b', '/api/members/a%23b/remove'],
    ['100%', '/api/members/100%25/remove'],
    ['%2E%2E', '/api/members/%252E%252E/remove'],
    ['...', '/api/members/.../remove'],
    ['../x', '/api/members/..%2Fx/remove'],
    ['./', '/api/members/.%2F/remove'],
    ['a b', '/api/members/a%20b/remove'],
  ];
  for (const [id, path] of ids) {
    it(`puts the id ${JSON.stringify(id)} in one path segment: ${path}`, async () => {
      const { adapter, sent } = adapterWith(() =>
        json({ memberId: id, unassignedNumbers: [], reassignedTo: null }),
      );
      await adapter.removeMember(id, { version: 1 });
      const url = new URL(sent[0]?.url ?? '');
      assert.equal(url.pathname, path);
      assert.equal(url.search, '');
      assert.equal(url.hash, '');
    });
  }

  for (const id of ['.', '..', '']) {
    it(`refuses the id ${JSON.stringify(id)}, which no URL can carry as a segment, and sends nothing`, async () => {
      const { adapter, sent } = adapterWith(() => json({}));
      const error = await failure(adapter.removeMember(id, { version: 1 }));
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(sent, []);
      const phone = adapterWith(() => json({}));
      assert.equal(
        (await failure(phone.adapter.assignPhoneNumber(id, null))).code,
        'validation_failed',
      );
      assert.deepEqual(phone.sent, []);
    });
  }

  it('sends Idempotency-Key on changes (given or generated) and If-Match with the version', async () => {
    const { adapter, sent } = adapterWith(() => json(member));
    await adapter.changeRole('m1', 'admin', { version: 3, idempotencyKey: 'key-1' });
    await adapter.changeRole('m1', 'admin', { version: 3 });
    assert.equal(sent[0]?.headers.get('Idempotency-Key'), 'key-1');
    assert.match(sent[1]?.headers.get('Idempotency-Key') ?? '', /^[0-9a-f-]{36}$/);
    assert.notEqual(sent[1]?.headers.get('Idempotency-Key'), 'key-1');
    assert.equal(sent[0]?.headers.get('If-Match'), '"3"');
    assert.equal(sent[0]?.headers.get('Content-Type'), 'application/json');
  });

  it('makes a key where crypto.randomUUID is missing (a plain-HTTP intranet page)', async (t) => {
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    t.after(() => delete (globalThis.crypto as unknown as Record<string, unknown>).randomUUID);
    const { adapter, sent } = adapterWith(() => json(member));
    await adapter.changeRole('m1', 'admin', { version: 3 });
    await adapter.changeRole('m1', 'admin', { version: 3 });
    const [a, b] = sent.map((r) => r.headers.get('Idempotency-Key') ?? '');
    assert.match(a ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(a, b);
  });

  it('sends no Idempotency-Key or If-Match on reads', async () => {
    const { adapter, sent } = adapterWith(() => json({ member }));
    await adapter.getViewer();
    assert.equal(sent[0]?.headers.get('Idempotency-Key'), null);
    assert.equal(sent[0]?.headers.get('If-Match'), null);
  });

  it('adds the configured headers, from an object or a function', async () => {
    for (const headers of [{ Authorization: 'Bearer t' }, () => ({ Authorization: 'Bearer t' })]) {
      const { adapter, sent } = adapterWith(() => json({ member }), headers);
      await adapter.getViewer();
      assert.equal(sent[0]?.headers.get('Authorization'), 'Bearer t');
    }
  });
});

describe('createHttpAdapter: answers', () => {
  it('returns the validated body', async () => {
    const { adapter } = adapterWith(() => json({ member }));
    assert.deepEqual(await adapter.getViewer(), { member });
  });

  const malformed: { name: string; response: () => Response; mentions: RegExp }[] = [
    {
      name: 'a missing field',
      response: () => json({ member: { ...member, email: undefined } }),
      mentions: /member\.email/,
    },
    {
      name: 'a wrong type',
      response: () => json({ member: { ...member, version: '3' } }),
      mentions: /member\.version: expected a number/,
    },
    {
      name: 'an unknown role',
      response: () => json({ member: { ...member, role: 'boss' } }),
      mentions: /member\.role/,
    },
    {
      name: 'a body that is not JSON',
      response: () => new Response('<html>', { status: 200 }),
      mentions: /not JSON/,
    },
    {
      name: 'an empty body',
      response: () => new Response('', { status: 200 }),
      mentions: /malformed/,
    },
  ];
  for (const m of malformed) {
    it(`turns ${m.name} into malformed_response`, async () => {
      const { adapter } = adapterWith(m.response);
      const error = await failure(adapter.getViewer());
      assert.equal(error.code, 'malformed_response');
      assert.match(error.message, m.mentions);
    });
  }

  it('maps an RFC 9457 problem to a SeatkitError', async () => {
    const { adapter } = adapterWith(() =>
      json(
        {
          title: 'Not valid',
          detail: 'Row 2 is not valid.',
          status: 422,
          code: 'validation_failed',
          errors: [{ row: 1, field: 'email', code: 'invalid_email', message: 'bad' }],
        },
        422,
        { 'Content-Type': 'application/problem+json' },
      ),
    );
    const error = await failure(adapter.bulkInvite([{ email: 'x', role: 'agent' }]));
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.status, 422);
    assert.equal(error.message, 'Row 2 is not valid.');
    assert.deepEqual(error.details, [
      { row: 1, field: 'email', code: 'invalid_email', message: 'bad' },
    ]);
  });

  it('reads Retry-After (seconds) into retryAfter', async () => {
    const { adapter } = adapterWith(() =>
      json({ title: 'Locked', status: 423, code: 'locked_out' }, 423, { 'Retry-After': '900' }),
    );
    const error = await failure(adapter.transferOwnership('m1', 'pw'));
    assert.equal(error.code, 'locked_out');
    assert.equal(error.retryAfter, 900);
  });

  const byStatus: [number, string][] = [
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [412, 'version_conflict'],
    [429, 'rate_limited'],
    [500, 'server_error'],
    [502, 'server_error'],
    [504, 'timeout'],
  ];
  for (const [status, code] of byStatus) {
    it(`falls back on the status for a body that is not our problem (${status} → ${code})`, async () => {
      const { adapter } = adapterWith(() => new Response('<h1>Bad gateway</h1>', { status }));
      const error = await failure(adapter.getViewer());
      assert.equal(error.code, code);
      assert.equal(error.status, status);
    });
  }

  it('turns a failed fetch into network_error (retryable)', async () => {
    const { adapter } = adapterWith(() => {
      throw new TypeError('fetch failed');
    });
    const error = await failure(adapter.getViewer());
    assert.equal(error.code, 'network_error');
    assert.equal(error.retryable, true);
  });

  it('turns an abort into aborted, before or during the request', async () => {
    const before = new AbortController();
    before.abort();
    const { adapter, sent } = adapterWith(() => json({ member }));
    assert.equal((await failure(adapter.getViewer({ signal: before.signal }))).code, 'aborted');
    assert.equal(sent.length, 0, 'nothing sent when already aborted');

    const during = new AbortController();
    const slow = adapterWith(
      () =>
        new Promise<Response>((_, reject) => {
          during.signal.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
          during.abort();
        }),
    );
    assert.equal(
      (await failure(slow.adapter.getViewer({ signal: during.signal }))).code,
      'aborted',
    );
  });

  /**
   * A fetch that behaves as the platform's does with a signal: it answers nothing by itself and
   * rejects with the signal's reason when the signal aborts (and with a plain network failure
   * after a second, so a signal that never reaches it fails the test instead of hanging it).
   */
  function fetchThatWaitsForTheSignal() {
    const seen: { signal: AbortSignal | null | undefined } = { signal: undefined };
    const fetch = (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        seen.signal = init?.signal;
        const timer = setTimeout(() => reject(new TypeError('fetch failed')), 1000);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal!.reason);
        });
      });
    return { seen, adapter: createHttpAdapter({ baseUrl: 'https://backend.test/api', fetch }) };
  }

  it('turns a timeout signal into timeout: the signal reaches fetch, its reason is read', async () => {
    const { adapter, seen } = fetchThatWaitsForTheSignal();
    const signal = AbortSignal.timeout(5);
    const error = await failure(adapter.getViewer({ signal }));
    assert.equal(seen.signal, signal, 'fetch got the caller’s signal');
    assert.equal(error.code, 'timeout');
  });

  it('turns a caller’s abort during the request into aborted, not timeout', async () => {
    const { adapter, seen } = fetchThatWaitsForTheSignal();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5);
    const error = await failure(adapter.getViewer({ signal: controller.signal }));
    assert.equal(seen.signal, controller.signal);
    assert.equal(error.code, 'aborted');
  });

  it('unwraps the lists of numbers and ring groups', async () => {
    const { adapter } = adapterWith((sent) =>
      sent.url.endsWith('/phone-numbers')
        ? json({ phoneNumbers: [{ number: '+14155550100', assignee: null }] })
        : json({ ringGroups: [{ id: 'rg-1', name: 'Sales' }] }),
    );
    assert.deepEqual(await adapter.listPhoneNumbers(), [
      { number: '+14155550100', assignee: null },
    ]);
    assert.deepEqual(await adapter.listRingGroups(), [{ id: 'rg-1', name: 'Sales' }]);
  });
});
