import {
  fail,
  isMethodName,
  methods,
  ok,
  type MethodName,
  type MethodResult,
  type ParsedArgs,
  type Result,
} from '../../shared/contract';
import type { AppError } from '../../shared/contract/result';
import { isConsoleError } from '../../shared/errors';
import { clip, describeZodError, findLoneSurrogate } from '../../shared/validation';
import type { Logger } from './logging/logger';

/** Who is calling, as the transport knows it: in the desktop shell, the window's web contents. */
export interface Caller {
  webContentsId?: number;
}

export type Handler<M extends MethodName> = (
  args: ParsedArgs<M>,
  caller: Caller,
) => Promise<MethodResult<M>> | MethodResult<M>;
export type Handlers = { [M in MethodName]: Handler<M> };

export type Dispatch = (method: string, rawArgs: unknown, caller?: Caller) => Promise<Result<unknown>>;

/**
 * The single door into the engine for both transports: the method name is checked against the contract,
 * the arguments are parsed with its zod schema before anything runs, and every outcome becomes an envelope.
 * Unexpected errors are logged and reported without their stack.
 */
/** No answer ever carries a whole hostile input back: messages are one line, of bounded length. */
function bounded(error: AppError): AppError {
  return {
    ...error,
    message: clip(error.message, MESSAGE_LIMIT),
    ...(error.nextStep === undefined ? {} : { nextStep: clip(error.nextStep, MESSAGE_LIMIT) }),
  };
}
const MESSAGE_LIMIT = 1000;

export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (method, rawArgs, caller = {}) => {
    if (!isMethodName(method)) {
      return fail('UNKNOWN_METHOD', `There is no method named "${clip(String(method), 80)}".`);
    }
    const broken = findLoneSurrogate(rawArgs);
    if (broken !== null) {
      return fail(
        'INVALID_ARGUMENT',
        `Invalid arguments for ${method}: ${broken}: contains broken Unicode text (a lone surrogate).`,
      );
    }
    const parsed = methods[method].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0]?.path[0];
      return fail(
        'INVALID_ARGUMENT',
        `Invalid arguments for ${method}: ${describeZodError(parsed.error, 'arguments')}.`,
        undefined,
        typeof first === 'string' ? first : undefined,
      );
    }
    try {
      const handler = handlers[method] as (args: unknown, caller: Caller) => unknown;
      return ok(await handler(parsed.data, caller));
    } catch (error) {
      if (isConsoleError(error)) return { ok: false, error: bounded(error.toAppError()) };
      log.error(`Unexpected error in ${method}`, error);
      return fail(
        'INTERNAL_ERROR',
        'Something went wrong inside the console.',
        'Try again; if it keeps happening, open the logs folder from the Help menu and send the latest log to support.',
      );
    }
  };
}
