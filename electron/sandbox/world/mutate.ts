import { appointmentKeyString } from '../../../shared/domain/appointment-key';
import { iso } from '../clock';
import type { Rng } from '../rng';
import type { SandboxWorld } from './world';

export interface MutationCounts {
  updated: number;
  deleted: number;
  notesAdded: number;
}

/**
 * Server-side changes between syncs (the benchmarks' incremental pass, the chaos runs): some appointments change,
 * a few are deleted, some get a note. Reproducible for a seed.
 */
export function mutateWorld(world: SandboxWorld, count: number, rng: Rng, at: number): MutationCounts {
  const counts: MutationCounts = { updated: 0, deleted: 0, notesAdded: 0 };
  const keys: string[] = [];
  for (const appointment of world.appointments.values()) keys.push(appointmentKeyString(appointment));
  if (keys.length === 0) return counts;
  for (let index = 0; index < count; index++) {
    const key = keys[rng.int(0, keys.length - 1)] as string;
    const appointment = world.getAppointment(key);
    if (!appointment) continue;
    const roll = rng.next();
    if (roll < 0.05) {
      if (world.deleteAppointment(key, at, 'sandbox.change')) counts.deleted++;
    } else if (roll < 0.35) {
      world.addNote({
        company: appointment.company,
        serviceCall: appointment.serviceCall,
        appointment: appointment.appointment,
        name: 'Dispatcher note',
        text: `Change ${index}: customer called back.`,
        url: null,
        internal: false,
        readOnly: false,
        createdAt: iso(at),
        author: 'sandbox.change',
      });
      counts.notesAdded++;
    } else {
      world.updateAppointment(
        key,
        {
          customer: `${appointment.customer.replace(/ \(changed \d+\)$/, '')} (changed ${index})`,
          estimatedHours: rng.int(1, 16) / 2,
        },
        at,
        'sandbox.change',
      );
      counts.updated++;
    }
  }
  return counts;
}
