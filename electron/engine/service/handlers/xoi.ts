import { ConsoleError } from '../../../../shared/errors';
import type { Handlers } from '../../dispatch';
import type { ServiceContext } from '../context';

/** XOi's public API connection (issue: connect to XOi). Until configured, every call says so plainly. */
export function xoiHandlers(context: ServiceContext): Pick<Handlers, 'xoi.status' | 'xoi.save' | 'xoi.check' | 'xoi.job'> {
  const notYet = () => new ConsoleError('XOI_NOT_CONFIGURED', 'The XOi API connection is not set up for this profile.', 'Enter the XOi API key and secret in Settings > XOi connection.');
  return {
    'xoi.status': async () => {
      const active = await context.active();
      const xoi = active.profile.xoi;
      return { configured: false, environment: xoi?.environment ?? null, tokenUrl: xoi?.tokenUrl ?? null, usersUrl: xoi?.usersUrl ?? null, jobsUrl: xoi?.jobsUrl ?? null, lastCheckAt: null, userCount: null, error: null };
    },
    'xoi.save': async () => {
      throw notYet();
    },
    'xoi.check': async () => {
      throw notYet();
    },
    'xoi.job': async () => {
      throw notYet();
    },
  };
}
