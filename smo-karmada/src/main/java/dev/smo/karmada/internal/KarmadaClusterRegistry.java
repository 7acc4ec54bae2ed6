package dev.smo.karmada.internal;

import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.ClusterRegistry;
import dev.smo.karmada.RetryPolicy;
import io.kubernetes.client.openapi.ApiException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Joins clusters to Karmada in push mode, as {@code karmadactl join} does from the control plane's side: the
 * namespace {@code karmada-cluster}, the member's two Secrets and its {@code Cluster}. An existing object is brought
 * in line with a merge patch, so a join repeated after a restart converges. Readiness is the Cluster's {@code Ready}
 * condition.
 */
public final class KarmadaClusterRegistry implements ClusterRegistry {

    private static final System.Logger LOG = System.getLogger(KarmadaClusterRegistry.class.getName());
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** How long a member's token controller may take to fill a service account's token. */
    private static final java.time.Duration TOKEN_WAIT = java.time.Duration.ofSeconds(30);

    private final KubeApi karmada;
    private final Retrier retrier;

    /**
     * @param client the Karmada API server
     * @param retry retries of transient failures
     */
    public KarmadaClusterRegistry(io.kubernetes.client.openapi.ApiClient client, RetryPolicy retry) {
        this.karmada = new KubeApi(Objects.requireNonNull(client, "client"));
        this.retrier = new Retrier(retry);
    }

    @Override
    public void join(String name, String kubeconfig, Map<String, String> labels) {
        if (name == null || !DNS_LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("Member name (" + name + ") is not a DNS-1123 label.");
        }
        MemberKubeconfig given = MemberKubeconfig.parse(name, kubeconfig);
        MemberKubeconfig parsed =
                given.token() != null ? given : MemberServiceAccount.token(name, kubeconfig, given, TOKEN_WAIT);
        call("create namespace " + KarmadaMemberObjects.NAMESPACE, () -> {
            createOrKeep(KubeResource.NAMESPACES, null, KarmadaMemberObjects.namespace());
            return null;
        });
        call("store the credentials of member (" + name + ")", () -> {
            apply(
                    KarmadaMemberObjects.SECRETS,
                    KarmadaMemberObjects.NAMESPACE,
                    name,
                    KarmadaMemberObjects.secret(name, parsed, labels));
            apply(
                    KarmadaMemberObjects.SECRETS,
                    KarmadaMemberObjects.NAMESPACE,
                    KarmadaMemberObjects.impersonator(name),
                    KarmadaMemberObjects.impersonatorSecret(name, parsed, labels));
            return null;
        });
        call("create the Cluster of member (" + name + ")", () -> {
            apply(KubeResource.KARMADA_CLUSTERS, null, name, KarmadaMemberObjects.cluster(name, parsed, labels));
            return null;
        });
        LOG.log(Level.INFO, "Cluster ({0}) joined Karmada in push mode at {1}.", name, parsed.server());
    }

    @Override
    public MemberState state(String name) {
        Map<String, Object> cluster;
        try {
            cluster = retrier.call(
                    () -> karmada.get(KubeResource.KARMADA_CLUSTERS, null, name),
                    e -> e instanceof ApiException api && ApiErrors.isTransient(api));
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return new MemberState(MemberState.Phase.ABSENT, "Karmada has no Cluster (" + name + ").");
            }
            throw failure("read the Cluster of member (" + name + ")", e);
        }
        for (Object condition : Json.list(cluster, "status", "conditions")) {
            if ("Ready".equals(Json.string(condition, "type"))) {
                String reason = Json.string(condition, "reason");
                String message = Json.string(condition, "message");
                String why = (reason == null ? "" : reason) + (message == null ? "" : ": " + message);
                return "True".equals(Json.string(condition, "status"))
                        ? new MemberState(MemberState.Phase.READY, why)
                        : new MemberState(MemberState.Phase.NOT_READY, why);
            }
        }
        return new MemberState(MemberState.Phase.NOT_READY, "Karmada reports no Ready condition yet.");
    }

    @Override
    public void leave(String name) {
        call("remove member (" + name + ")", () -> {
            deleteIfPresent(KubeResource.KARMADA_CLUSTERS, null, name);
            deleteIfPresent(KarmadaMemberObjects.SECRETS, KarmadaMemberObjects.NAMESPACE, name);
            deleteIfPresent(
                    KarmadaMemberObjects.SECRETS,
                    KarmadaMemberObjects.NAMESPACE,
                    KarmadaMemberObjects.impersonator(name));
            return null;
        });
        LOG.log(Level.INFO, "Cluster ({0}) left Karmada.", name);
    }

    private void apply(KubeResource resource, String namespace, String name, Map<String, Object> body)
            throws ApiException {
        try {
            karmada.create(resource, namespace, body);
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            karmada.mergePatch(resource, namespace, name, body);
        }
    }

    private void createOrKeep(KubeResource resource, String namespace, Map<String, Object> body) throws ApiException {
        try {
            karmada.create(resource, namespace, body);
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private void deleteIfPresent(KubeResource resource, String namespace, String name) throws ApiException {
        try {
            karmada.delete(resource, namespace, name);
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    private void call(String what, Retrier.Attempt<Void, ApiException> attempt) {
        try {
            retrier.call(attempt, e -> e instanceof ApiException api && ApiErrors.isTransient(api));
        } catch (ApiException e) {
            throw failure(what, e);
        }
    }

    private static SmoIntegrationException failure(String what, ApiException e) {
        return new SmoIntegrationException(
                "Karmada refused to " + what + ": " + ApiErrors.describe(e)
                        + "\nMaybe check that SMO's identity may write clusters.cluster.karmada.io and Secrets in "
                        + KarmadaMemberObjects.NAMESPACE + ".",
                e);
    }
}
