import { useCallback, useEffect, useState } from 'react';
import type { AppError, EventName, EventPayload, MethodArgs, MethodName, MethodResult } from '../../shared/contract';
import { api } from '../api/client';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; value: T };

/** Calls a method when `key` changes and keeps the outcome; `reload` asks again. */
export function useApiCall<M extends MethodName>(method: M, args: MethodArgs<M>, key: string = JSON.stringify(args)) {
  const [state, setState] = useState<Loadable<MethodResult<M>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call(method, args).then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the arguments
  }, [method, key, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { state, reload };
}

export function useEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void {
  useEffect(() => api.on(name, listener), [name, listener]);
}
