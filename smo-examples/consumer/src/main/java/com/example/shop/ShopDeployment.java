package com.example.shop;

import dev.smo.core.Orchestrator;
import dev.smo.core.StoredGraph;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Deploys the shop's graph (a GPU recommender and a storefront) with whatever orchestrator it is given. */
public final class ShopDeployment {

    private final Orchestrator smo;

    /** @param smo the orchestrator */
    public ShopDeployment(Orchestrator smo) {
        this.smo = smo;
    }

    /** @return the deployed graph */
    public StoredGraph deploy() {
        return smo.deployDescriptor("shop", descriptor());
    }

    /** @return the graph descriptor bundled with the application */
    public static String descriptor() {
        try (InputStream in = ShopDeployment.class.getResourceAsStream("shop.yaml")) {
            if (in == null) {
                throw new IllegalStateException("shop.yaml is missing from the application.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
