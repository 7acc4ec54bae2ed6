package dev.smo.core.local;

import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.GraphStoreContract;

class InMemoryGraphStoreTest extends GraphStoreContract {

    @Override
    protected GraphStore emptyStore() {
        return new InMemoryGraphStore();
    }
}
