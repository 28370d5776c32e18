// An adapter of your own over your existing API: every failure becomes a SeatkitError with the
// code the elements branch on.
import { SeatkitError, isSeatkitError } from 'seatkit';
import type { Member, SeatkitAdapter } from 'seatkit';

interface MyUser {
  id: string;
  fullName: string;
  email: string;
  role: Member['role'];
  disabled: boolean;
  numbers: string[];
  revision: number;
}
interface MyApiClient {
  me(options: { signal?: AbortSignal | undefined }): Promise<MyUser>;
}
declare class MyApiError extends Error {
  status: number;
}

const toMember = (user: MyUser): Member => ({
  kind: 'member',
  id: user.id,
  name: user.fullName,
  email: user.email,
  role: user.role,
  status: user.disabled ? 'deactivated' : 'active',
  phoneNumbers: user.numbers,
  version: user.revision,
});

export function createMyAdapter(api: MyApiClient): SeatkitAdapter {
  const wrap = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isSeatkitError(error)) throw error;
      if (error instanceof DOMException && error.name === 'AbortError')
        throw new SeatkitError('aborted', 'The request was cancelled.', { cause: error });
      if (error instanceof MyApiError && error.status === 403)
        throw new SeatkitError('forbidden', error.message, { status: 403, cause: error });
      throw new SeatkitError('server_error', 'Something went wrong.', { cause: error });
    }
  };
  return {
    getViewer: ({ signal } = {}) =>
      wrap(async () => ({ member: toMember(await api.me({ signal })) })),
    // ... one method per row of the adapter table
  } as SeatkitAdapter;
}
