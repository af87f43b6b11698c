/** An appointment is identified by company, service call and appointment id: written COMPANY/SERVICECALL/APPOINTMENT. */
export interface AppointmentKey {
  company: string;
  serviceCall: string;
  appointment: string;
}

export function appointmentKeyString(key: AppointmentKey): string {
  return `${key.company}/${key.serviceCall}/${key.appointment}`;
}

export function parseAppointmentKey(text: string): AppointmentKey | null {
  const parts = text.split('/');
  if (parts.length !== 3 || parts.some((part) => part.trim() === '')) return null;
  const [company = '', serviceCall = '', appointment = ''] = parts;
  return { company, serviceCall, appointment };
}

/** The three parts of a stored key (the mirror only stores keys it built itself). */
export function keyFields(text: string): AppointmentKey {
  const [company = '', serviceCall = '', appointment = ''] = text.split('/');
  return { company, serviceCall, appointment };
}
