import { createManageServer } from '../server/create-manage-server.js';
import type { ServeArgs } from './parse-serve-args.js';

/** A running controller: where it listens and how to stop it. */
export interface RunningController {
  /** The bound base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Stop accepting connections and finish open requests. */
  close(): Promise<void>;
}

/** Start the manage API on `host:port` (port 0 picks a free one) and report the bound URL. */
export async function serve({ port, host, logLevel }: Pick<ServeArgs, 'port' | 'host' | 'logLevel'>): Promise<RunningController> {
  const app = createManageServer({ logLevel });
  await app.listen({ port, host });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${boundPort}`, close: () => app.close() };
}
