package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RedisQueueStoreContractTest extends QueueStoreContract {
    /** RedisQueueStore: enter.lua, find.lua, restore.lua, admit.lua, release.lua, stats.lua and set-capacity.lua. */
    RedisQueueStoreContractTest() {
        super(Stores::real);
    }
}
