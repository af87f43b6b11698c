import { METHOD_NAMES } from '../../shared/contract';
import { type Handlers } from '../../electron/engine';

/** A full handler table for dispatch tests: the given handlers, and every other method failing loudly if reached. */
export function handlersWith(overrides: Partial<Handlers>): Handlers {
  const table = Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      () => {
        throw new Error(`${name} was not expected to run`);
      },
    ]),
  ) as unknown as Handlers;
  return { ...table, ...overrides };
}
