import { type Result } from '../../shared/contract';

/** Calls the web host's contract over real HTTP, as the renderer does. */
export function webHostClient(firstLine: string) {
  const { url, port } = JSON.parse(firstLine) as { url: string; port: number };
  const token = new URL(url).searchParams.get('token') ?? '';
  return {
    port,
    async call<T = unknown>(method: string, args: unknown = {}): Promise<Result<T>> {
      const response = await fetch(`http://127.0.0.1:${port}/api/call/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xoi-token': token },
        body: JSON.stringify(args),
      });
      return (await response.json()) as Result<T>;
    },
  };
}
