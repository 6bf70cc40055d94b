import { createMemoryStorage } from "../../src/storage/index.js";
import { describeStorageContract } from "./contract.js";

describeStorageContract("memory", async () => createMemoryStorage());
