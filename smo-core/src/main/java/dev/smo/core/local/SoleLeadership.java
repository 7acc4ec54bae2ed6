package dev.smo.core.local;

import dev.smo.core.spi.Leadership;
import java.util.OptionalLong;

/** The leadership of a single process: it always leads, in one term. */
public final class SoleLeadership implements Leadership {

    private final String replica;

    /** A sole replica named {@code local}. */
    public SoleLeadership() {
        this("local");
    }

    /** @param replica the replica's id */
    public SoleLeadership(String replica) {
        this.replica = replica;
    }

    @Override
    public String replica() {
        return replica;
    }

    @Override
    public OptionalLong epoch() {
        return OptionalLong.of(1);
    }

    @Override
    public boolean alive() {
        return true;
    }

    @Override
    public void close() {}
}
