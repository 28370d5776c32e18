import { isSeatkitError } from '../../api/errors.ts';
import type { Localizer } from '../../i18n/index.ts';

/** A refusal in words a person can act on, in the page's language where we know the code. */
export function errorText(error: unknown, l: Localizer): string {
  if (!isSeatkitError(error)) return l.t('error.generic');
  switch (error.code) {
    case 'version_conflict':
      return l.t('error.versionConflict');
    case 'network_error':
    case 'timeout':
      return l.t('error.network');
    case 'rate_limited':
      return error.retryAfter
        ? l.t('error.rateLimited', { seconds: error.retryAfter })
        : l.t('error.rateLimitedNow');
    default:
      return error.message || l.t('error.generic');
  }
}
