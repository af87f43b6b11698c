import { BUILT_IN_STATUSES } from '../../../shared/domain/statuses';
import { SANDBOX_ADMIN, SANDBOX_INTEGRATION_USER, SANDBOX_XOI_API } from '../credentials';
import type { StatusEntry, SystemState } from './types';
import type { WorldInit } from './world';

export const DEFAULT_SYSTEM: SystemState = {
  scheduleVersion: '4.7',
  signatureVersion: '2018',
  mobileTechVersion: '8.6',
  seeRegistered: true,
  xoiEnabledInMobileTechAdmin: true,
};

/** The built-in names of domain.md plus the customer additions a typical lookup list has. */
export const DEFAULT_STATUSES: StatusEntry[] = [
  ...BUILT_IN_STATUSES.map((status) => ({ name: status.name, category: status.category, builtIn: true })),
  { name: 'Scheduled', category: 'scheduled', builtIn: false },
  { name: 'Unscheduled', category: 'unscheduled', builtIn: false },
  { name: 'En Route', category: 'in progress', builtIn: false },
  { name: 'Working', category: 'in progress', builtIn: false },
  { name: 'Waiting for Parts', category: 'unscheduled', builtIn: false },
];

export function baseWorldInit(
  apiUrl: string,
): Omit<WorldInit, 'system' | 'companies' | 'technicians' | 'xoiUsers' | 'statuses'> {
  return {
    integrationUserName: SANDBOX_INTEGRATION_USER,
    apiUrl,
    admin: { ...SANDBOX_ADMIN },
    ordinaryUsers: [
      { userName: SANDBOX_ADMIN.userName, role: 'Administrator', enabled: true },
      { userName: 'dispatch.kelly', role: 'Dispatcher', enabled: true },
      { userName: 'dispatch.omar', role: 'Dispatcher', enabled: true },
      { userName: 'svc.manager', role: 'Service Manager', enabled: true },
    ],
    ordinaryRoles: [
      { name: 'Administrator', predefined: true },
      { name: 'Dispatcher', predefined: true },
      { name: 'Service Manager', predefined: false },
    ],
    xoiApi: { ...SANDBOX_XOI_API },
  };
}
