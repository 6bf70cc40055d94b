import { memoryStorageOver, type MemoryStore } from "../../src/storage/memory-storage.js";
import { describeStorageContract } from "./contract.js";

describeStorageContract("memory", async () => {
  const store: MemoryStore = { visitors: new Map(), counters: new Map(), invitationSet: null };
  return {
    storage: memoryStorageOver(store),
    // Two services in one process over one store: the nearest memory comes to two servers.
    twin: async () => memoryStorageOver(store),
    damageVisitor: async (visitorId, version, json) => {
      store.visitors.set(visitorId, { version, json, writtenAtMs: Date.now() });
    },
    damageInvitationSet: async (version, json) => {
      store.invitationSet = { version, json };
    },
    rawVisitor: async (visitorId) => structuredClone(store.visitors.get(visitorId)),
    holds: { notJson: true, textVersion: true },
    ageVisitor: async (visitorId, seconds) => {
      const entry = store.visitors.get(visitorId);
      if (entry !== undefined) entry.writtenAtMs -= seconds * 1000;
    },
  };
});
