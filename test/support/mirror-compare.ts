import {
  type WriteHandle,
  type ReadHandle,
  readAllAppointments,
  readAllHistory,
  readAllNotes,
  readCompanies,
  readStatuses,
  readTechnicians,
} from '../../electron/engine/store';
import { type SandboxWorld } from '../../electron/sandbox';

const byKey = <T>(items: Iterable<T>, key: (item: T) => string) =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)));

/** The server's state and the mirror's, in the same shape, for an exact comparison of every row and field. */
export function worldState(world: SandboxWorld) {
  return {
    companies: byKey(world.companies, (c) => c.id),
    technicians: byKey(world.technicians.values(), (t) => t.id),
    statuses: byKey(world.statuses, (s) => s.name),
    appointments: byKey(
      [...world.appointments.values()].map((a) => ({ ...a })),
      (a) => `${a.company}/${a.serviceCall}/${a.appointment}`,
    ),
    notes: byKey(world.notes.values(), (n) => n.id),
    history: byKey(world.history.values(), (h) => h.id),
  };
}

export function mirrorState(handle: ReadHandle | WriteHandle) {
  return {
    companies: byKey(readCompanies(handle), (c) => c.id),
    technicians: byKey(readTechnicians(handle), (t) => t.id),
    statuses: byKey(readStatuses(handle), (s) => s.name),
    appointments: readAllAppointments(handle)
      .map(({ key: _key, version: _version, ...rest }) => rest)
      .sort((a, b) =>
        `${a.company}/${a.serviceCall}/${a.appointment}`.localeCompare(
          `${b.company}/${b.serviceCall}/${b.appointment}`,
        ),
      ),
    notes: readAllNotes(handle)
      .map(({ appointmentKey: _key, version: _version, ...rest }) => rest)
      .sort((a, b) => a.id.localeCompare(b.id)),
    history: readAllHistory(handle)
      .map(({ appointmentKey: _key, version: _version, ...rest }) => rest)
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}
