import type { z } from 'zod';
import { noticeSchema } from './app';
import type { EventName } from './channels';

/** Every event the engine may push to the renderer, with its payload schema. */
export const events = {
  'app.notice': noticeSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
