package dev.smo.nfvcl;

import dev.smo.core.spi.Nfvcl;
import dev.smo.nfvcl.internal.HttpNfvcl;
import java.net.http.HttpClient;

/** Creates {@link Nfvcl} ports that talk to a real NFVCL over HTTP. */
public final class NfvclClient {

    private NfvclClient() {}

    /**
     * @param config where the NFVCL is and how to log in
     * @return the port; nothing is contacted yet
     */
    public static Nfvcl create(NfvclConfig config) {
        return create(
                config, HttpClient.newBuilder().connectTimeout(config.timeout()).build());
    }

    /**
     * @param config where the NFVCL is and how to log in
     * @param http the HTTP client to use (proxies, TLS)
     * @return the port; nothing is contacted yet
     */
    public static Nfvcl create(NfvclConfig config, HttpClient http) {
        return new HttpNfvcl(config, http);
    }
}
