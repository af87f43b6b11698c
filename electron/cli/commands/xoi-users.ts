import { checkServerUrl } from '../../../shared/server-url';
import { createXoiClient } from '../../engine/xoi/client';
import { XoiError } from '../../engine/xoi/errors';
import { parseFlags } from '../parse-flags';
import { readStdin } from '../read-stdin';
import { CommandFailure, UsageError } from '../usage-error';

export const xoiUsersHelp = `xoi-console xoi-users --token-url URL --graphql-url URL --api-key KEY --api-secret-stdin [--json]
  Prints XOi's users (email, enabled, name) through XOi's public API. The secret is read from standard input.`;

export async function runXoiUsers(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stdin?: NodeJS.ReadableStream },
): Promise<number> {
  const { values } = parseFlags('xoi-users', argv, {
    'token-url': { type: 'string' },
    'graphql-url': { type: 'string' },
    'api-key': { type: 'string' },
    'api-secret-stdin': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  for (const flag of ['token-url', 'graphql-url', 'api-key'] as const) {
    if (!values[flag]) throw new UsageError(`xoi-users: --${flag} is required.`);
  }
  if (!values['api-secret-stdin'])
    throw new UsageError('xoi-users: --api-secret-stdin is required (the secret never goes on the command line).');
  const urls = { tokenUrl: values['token-url'] as string, usersUrl: values['graphql-url'] as string };
  for (const [flag, url] of [
    ['--token-url', urls.tokenUrl],
    ['--graphql-url', urls.usersUrl],
  ] as const) {
    const check = checkServerUrl(url, flag);
    if (!check.ok) throw new UsageError(`xoi-users: ${check.message}`);
  }
  const apiSecret = await readStdin(io.stdin);
  if (apiSecret === '') throw new UsageError('xoi-users: the API secret on standard input is empty.');
  const client = createXoiClient({ ...urls, jobsUrl: urls.usersUrl, apiKey: values['api-key'] as string, apiSecret });
  let users;
  try {
    users = await client.allUsers();
  } catch (error) {
    if (error instanceof XoiError) throw new CommandFailure(`${error.message} ${error.nextStep ?? ''}`.trim());
    throw error;
  }
  const rows = users.map((user) => ({
    email: user.email,
    enabled: user.enabled !== false,
    name: [user.given_name, user.family_name].filter(Boolean).join(' '),
  }));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const width = Math.max(5, ...rows.map((row) => row.email.length));
    io.stdout.write(
      `${['EMAIL'.padEnd(width), 'ENABLED', 'NAME'].join('  ')}\n${rows.map((row) => [row.email.padEnd(width), (row.enabled ? 'yes' : 'no').padEnd(7), row.name].join('  ')).join('\n')}\n`,
    );
  }
  return 0;
}
