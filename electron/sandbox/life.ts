import { appointmentKeyString } from '../../shared/domain/appointment-key';
import { DAY, HOUR, iso, MINUTE, type SandboxClock } from './clock';
import type { Rng } from './rng';
import { CUSTOMERS, DISPATCHERS } from './world/names';
import type { SandboxWorld } from './world/world';

export const LIFE_INTERVAL_MS = 10 * MINUTE;

/**
 * Keeps a generated world alive between XOi polls: dispatchers create and assign appointments, technicians start and
 * finish work and sync their devices, now and then an appointment is deleted. Scenario worlds stay exactly as written.
 */
export class WorldLife {
  private callNumber = 900000;

  constructor(
    private readonly world: SandboxWorld,
    private readonly clock: SandboxClock,
    private readonly rng: Rng,
  ) {}

  tick(): void {
    const now = this.clock.now();
    const rng = this.rng;
    const technicianIds = [...this.world.technicians.keys()];
    if (rng.chance(0.6) && technicianIds.length > 0) {
      const taskDate = now + rng.int(1, 72) * HOUR;
      const assigned = rng.chance(0.6);
      this.world.putAppointment(
        {
          company: rng.chance(0.6) ? 'TWO' : 'THREE',
          serviceCall: `SC${++this.callNumber}`,
          appointment: '001',
          customer: `${rng.pick(CUSTOMERS)} – ${rng.int(10, 999)} Main St`,
          status: assigned ? 'Dispatched' : 'Unassigned',
          technician: assigned ? rng.pick(technicianIds) : null,
          taskDate: iso(taskDate - (taskDate % HOUR)),
          estimatedHours: rng.int(2, 12) / 2,
          completedAt: null,
          createdIn: rng.chance(0.7) ? 'Schedule' : 'Signature',
          createdAt: iso(now),
          modifiedAt: iso(now),
        },
        rng.pick(DISPATCHERS),
      );
    }
    let changes = 0;
    for (const appointment of this.world.appointments.values()) {
      if (changes >= 3) break;
      const category = this.world.categoryOf(appointment.status);
      const taskAt = appointment.taskDate ? Date.parse(appointment.taskDate) : null;
      if (taskAt === null || taskAt > now || !rng.chance(0.05)) continue;
      const key = appointmentKeyString(appointment);
      if (category === 'unassigned' && technicianIds.length > 0) {
        this.world.updateAppointment(
          key,
          { status: 'Dispatched', technician: rng.pick(technicianIds) },
          now,
          rng.pick(DISPATCHERS),
        );
        changes++;
      } else if (category === 'scheduled' && appointment.technician) {
        this.world.updateAppointment(key, { status: 'Working' }, now, 'mobiletech.sync');
        changes++;
      } else if (category === 'in progress' && taskAt + (appointment.estimatedHours ?? 1) * HOUR < now) {
        this.world.updateAppointment(key, { status: 'Complete', completedAt: iso(now) }, now, 'mobiletech.sync');
        changes++;
      }
    }
    for (const technician of this.world.technicians.values()) {
      const last = technician.lastDeviceSyncAt ? Date.parse(technician.lastDeviceSyncAt) : 0;
      const stale = now - last > 4 * DAY;
      if (!stale && now - last > HOUR && rng.chance(0.25)) technician.lastDeviceSyncAt = iso(now);
    }
  }
}
