package dev.smo.core.local;

import dev.smo.core.spi.ProfileStore;
import dev.smo.core.spi.ProfileStoreContract;

class InMemoryProfileStoreTest extends ProfileStoreContract {

    @Override
    protected ProfileStore emptyStore() {
        return new InMemoryProfileStore();
    }
}
