// Stands for your sign-in (a session cookie, a JWT, your auth library). The only question Seatkit
// asks of it: which account (team, organization, workspace) and which member is making this request.
export interface Session {
  accountId: string;
  memberId: string;
}

// An example: bearer tokens in a Map. Use your own session store.
const sessions = new Map<string, Session>([
  ['demo-token', { accountId: 'acme', memberId: 'mem-olivia-example-com' }],
]);

export async function sessionOf(request: Request): Promise<Session | null> {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  return (token && sessions.get(token)) || null;
}
