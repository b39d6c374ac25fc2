import { randomBytes } from "node:crypto";
import type { Integration, IntegrationStore } from "./integration-store";

type Index = Map<string, Set<string>>;

/**
 * The integration store in this process's memory; gone when the server restarts. Every message asks for its room's
 * integrations, so they are indexed by room (and by creator, for their limit): no question goes through them all.
 */
export function createMemoryIntegrationStore(now: () => number = Date.now): IntegrationStore {
  const integrations = new Map<string, Integration>();
  const byRoom: Index = new Map();
  const byCreator: Index = new Map();
  const ids = (index: Index, key: string) => index.get(key) ?? new Set<string>();
  const listed = (index: Index, key: string) => [...ids(index, key)].map((id) => integrations.get(id) as Integration);
  const unindex = (index: Index, key: string, id: string) => {
    ids(index, key).delete(id);
    if (ids(index, key).size === 0) index.delete(key);
  };

  /* eslint-disable @typescript-eslint/require-await -- async like every IntegrationStore, which a database may stand behind */
  return {
    async get(id) {
      return integrations.get(id);
    },
    async ofRoom(roomId) {
      return listed(byRoom, roomId);
    },
    async ofCreator(userId) {
      return listed(byCreator, userId);
    },
    async add(integration, { perRoom, perCreator }) {
      const { roomId, createdBy } = integration;
      if (ids(byRoom, roomId).size >= perRoom || ids(byCreator, createdBy).size >= perCreator) return undefined;
      const id = randomBytes(12).toString("base64url");
      const status = { disabled: null, lastSuccessAt: null, lastError: null, lastErrorAt: null, dropped: 0 };
      const added: Integration = { ...integration, id, createdAt: now(), status };
      integrations.set(id, added);
      byRoom.set(roomId, ids(byRoom, roomId).add(id));
      byCreator.set(createdBy, ids(byCreator, createdBy).add(id));
      return added;
    },
    async remove(id) {
      const integration = integrations.get(id);
      if (!integration) return;
      integrations.delete(id);
      unindex(byRoom, integration.roomId, id);
      unindex(byCreator, integration.createdBy, id);
    },
    async setSecret(id, secret) {
      const integration = integrations.get(id);
      if (integration) integration.secret = secret;
    },
    async report(id, report) {
      const integration = integrations.get(id);
      if (!integration) return undefined;
      const { status } = integration;
      if (report.ok) status.lastSuccessAt = report.at;
      else {
        Object.assign(status, { lastError: report.error, lastErrorAt: report.at });
        status.dropped += report.dropped;
        if (report.disable) status.disabled = report.error;
      }
      return integration;
    },
  };
  /* eslint-enable @typescript-eslint/require-await */
}
