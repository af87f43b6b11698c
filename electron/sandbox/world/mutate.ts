import { iso } from '../clock';
import type { Rng } from '../rng';
import type { SandboxWorld } from './world';

export interface MutationCounts {
  updated: number;
  deleted: number;
  notesAdded: number;
}

/** One drawn change: which appointment (its place among the live ones), and what happens to it. */
interface DrawnChange {
  index: number;
  place: number;
  roll: number;
  hours: number;
}

/**
 * Server-side changes between syncs (the benchmarks' incremental pass, the chaos runs): some appointments change,
 * a few are deleted, some get a note. Reproducible for a seed. The changes are drawn first, by place, and their keys
 * found in one walk: listing every key first meant, at a million appointments, a million-entry array per call and
 * collections in the server that slowed the pass measured right after.
 */
export function mutateWorld(world: SandboxWorld, count: number, rng: Rng, at: number): MutationCounts {
  const counts: MutationCounts = { updated: 0, deleted: 0, notesAdded: 0 };
  const live = world.appointments.size;
  if (live === 0) return counts;
  const drawn: DrawnChange[] = [];
  const deleted = new Set<number>();
  for (let index = 0; index < count; index++) {
    const place = rng.int(0, live - 1);
    if (deleted.has(place)) continue; // deleted by an earlier change of this call
    const roll = rng.next();
    if (roll < 0.05) deleted.add(place);
    drawn.push({ index, place, roll, hours: roll < 0.35 ? 0 : rng.int(1, 16) / 2 });
  }
  const keys = world.appointments.idsAtPlaces(new Set(drawn.map((change) => change.place)));
  for (const { index, place, roll, hours } of drawn) {
    const key = keys.get(place) as string;
    const appointment = world.getAppointment(key);
    if (!appointment) continue;
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
          estimatedHours: hours,
        },
        at,
        'sandbox.change',
      );
      counts.updated++;
    }
  }
  return counts;
}
