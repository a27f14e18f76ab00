/** The message for a failed login: precise for the auth codes (locked until when, retry in how long), the server's own otherwise. */
import dayjs from 'dayjs';
import { translate } from '../i18n/translate';
import type { Language } from '../i18n/types';
import { ApiError, errorMessage, lockedUntil } from './errors';

/** Formats a login error for the login form, in `lang`. */
export function loginErrorMessage(error: unknown, lang: Language): string {
  if (!(error instanceof ApiError)) {
    return errorMessage(error, lang);
  }
  switch (error.code) {
    case 'BAD_CREDENTIALS':
      return translate(lang, 'login.badCredentials');
    case 'LOCKED': {
      const until = lockedUntil(error);
      return until !== null && dayjs(until).isValid()
        ? translate(lang, 'login.locked', { time: dayjs(until).format('YYYY-MM-DD HH:mm') })
        : translate(lang, 'login.lockedNoTime');
    }
    case 'RATE_LIMITED':
      return error.retryAfterSeconds !== null
        ? translate(lang, 'login.rateLimitedSeconds', { seconds: error.retryAfterSeconds })
        : translate(lang, 'login.rateLimited');
    default:
      return error.messageIn(lang);
  }
}
