import { z } from 'zod';
import { appInfoSchema } from './app';
import type { MethodName } from './channels';

const noArgs = z.object({}).strict();

interface MethodSpec {
  readonly args: z.ZodType;
  readonly result: z.ZodType;
}

/** Every method the renderer may call: its arguments and its result, as zod schemas that are also the types. */
export const methods = {
  'app.info': { args: noArgs, result: appInfoSchema },
} as const satisfies Record<MethodName, MethodSpec>;

export type Methods = typeof methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;
