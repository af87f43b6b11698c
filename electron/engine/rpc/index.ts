/** The entry point of electron/engine/rpc/: what is used from outside the folder (its tests import through here). */
export { PendingRequests } from './pending-requests';
export { RpcClient, serveRpc, type RpcPort } from './worker-rpc';
