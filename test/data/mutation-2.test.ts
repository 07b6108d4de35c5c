/** The mutation test (issue 7), shard 2: see test/support/mutation-shard.ts. */
import { describeMutationShard } from "../support/mutation-shard";

describeMutationShard(2);
