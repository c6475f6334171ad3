// How contract alerts read on screen.
import type { ContractAlert } from './bindings/ContractAlert';

export const CONTRACT_ALERTS: Record<ContractAlert, { label: string; tone: 'danger' | 'warning' | 'info' }> = {
  RenewalPassed: { label: 'Renewal date passed', tone: 'warning' },
  NoticePassed: { label: 'Notice deadline passed', tone: 'danger' },
  CannotLeaveInTime: { label: 'Can no longer leave before renewal', tone: 'danger' },
  NoticeSoon: { label: 'Notice due soon', tone: 'warning' },
  RenewsSoon: { label: 'Renews soon', tone: 'info' },
  Later: { label: 'Renews later', tone: 'info' },
};
