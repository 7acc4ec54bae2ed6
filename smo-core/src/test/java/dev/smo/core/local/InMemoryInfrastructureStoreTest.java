package dev.smo.core.local;

import dev.smo.core.spi.InfrastructureStore;
import dev.smo.core.spi.InfrastructureStoreContract;

class InMemoryInfrastructureStoreTest extends InfrastructureStoreContract {

    @Override
    protected InfrastructureStore emptyStore() {
        return new InMemoryInfrastructureStore();
    }
}
