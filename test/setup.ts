import { torch } from "../src";

beforeAll(async () => {
  await torch.ready();
});
