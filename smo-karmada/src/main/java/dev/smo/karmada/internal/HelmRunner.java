package dev.smo.karmada.internal;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.UpgradeCommand;
import dev.smo.karmada.HelmOptions;
import dev.smo.karmada.RegistryOptions;
import dev.smo.karmada.artifact.RegistryCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Helm 3 in-process (helm-java), configured once: the Karmada kubeconfig, registry options and timeouts.
 * Every failure comes back as a {@link DeployFailure} carrying Helm's own message.
 */
final class HelmRunner {

    /** Extra time a Helm call gets beyond Helm's own timeout before SMO stops waiting for it. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final Path kubeconfig;
    private final RegistryOptions registry;
    private final HelmOptions options;
    private final ExecutorService executor;
    private final Set<String> loggedIn = ConcurrentHashMap.newKeySet();

    HelmRunner(Path kubeconfig, RegistryOptions registry, HelmOptions options) {
        this.kubeconfig = kubeconfig;
        this.registry = registry;
        this.options = options;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "smo-helm");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param chart the chart reference
     * @param namespace the release's namespace
     * @param release the release name
     * @param version chart version, or {@code null}
     * @param values the values file
     * @return Helm's release
     */
    Release install(String chart, String namespace, String release, String version, Path values) throws DeployFailure {
        login(chart);
        InstallCommand install = Helm.install(chart)
                .withName(release)
                .withNamespace(namespace)
                .withValuesFile(values)
                .withKubeConfig(kubeconfig)
                .withTimeout(timeoutSeconds());
        apply(
                version,
                new ChartFlags(
                        install::withVersion,
                        install::waitReady,
                        install::disableOpenApiValidation,
                        install::plainHttp,
                        install::insecureSkipTlsVerify,
                        install::withCaFile));
        return waited("install " + release, install);
    }

    /** Same as {@link #install}, for an existing release; values are replaced, not reused. */
    Release upgrade(String chart, String namespace, String release, String version, Path values) throws DeployFailure {
        login(chart);
        UpgradeCommand upgrade = Helm.upgrade(chart)
                .withName(release)
                .withNamespace(namespace)
                .withValuesFile(values)
                .withKubeConfig(kubeconfig)
                .withTimeout(timeoutSeconds())
                .resetValues();
        apply(
                version,
                new ChartFlags(
                        upgrade::withVersion,
                        upgrade::waitReady,
                        upgrade::disableOpenApiValidation,
                        upgrade::plainHttp,
                        upgrade::insecureSkipTlsVerify,
                        upgrade::withCaFile));
        return waited("upgrade " + release, upgrade);
    }

    /** The flags install and upgrade share, set through each command's own methods (they share no type). */
    private record ChartFlags(
            Consumer<String> version,
            Runnable waitReady,
            Runnable noOpenApiValidation,
            Runnable plainHttp,
            Runnable insecureSkipTlsVerify,
            Consumer<Path> caFile) {}

    private void apply(String version, ChartFlags flags) {
        if (version != null) {
            flags.version().accept(version);
        }
        if (options.waitReady()) {
            flags.waitReady().run();
        }
        if (!options.openApiValidation()) {
            flags.noOpenApiValidation().run();
        }
        if (registry.plainHttp()) {
            flags.plainHttp().run();
        }
        if (registry.insecureSkipTlsVerify()) {
            flags.insecureSkipTlsVerify().run();
        }
        if (registry.caFile() != null) {
            flags.caFile().accept(registry.caFile());
        }
    }

    /**
     * Runs an install or upgrade; with {@code --wait}, Helm's bare "context deadline exceeded" means the
     * resources did not become ready in time, which another attempt would not fix.
     */
    private Release waited(String what, Callable<Release> call) throws DeployFailure {
        try {
            return run(what, call);
        } catch (DeployFailure e) {
            if (options.waitReady() && e.getMessage().contains("context deadline exceeded")) {
                throw new DeployFailure(
                        e.getMessage() + " (the release's resources did not become ready within "
                                + options.timeout().toSeconds()
                                + " s)\nMaybe check the workloads on the member clusters, "
                                + "or raise the Helm timeout.",
                        false,
                        e.getCause());
            }
            throw e;
        }
    }

    /** @return the release as Helm's storage knows it, or empty when Helm has no record of it */
    Optional<Release> status(String namespace, String release) throws DeployFailure {
        try {
            return Optional.of(run(
                    "status " + release,
                    () -> Helm.status(release)
                            .withNamespace(namespace)
                            .withKubeConfig(kubeconfig)
                            .call()));
        } catch (DeployFailure e) {
            if (HelmMessages.notFound(e.getMessage())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Uninstalls the release; nothing happens when Helm has no record of it. */
    void uninstall(String namespace, String release) throws DeployFailure {
        run(
                "uninstall " + release,
                () -> Helm.uninstall(release)
                        .withNamespace(namespace)
                        .withKubeConfig(kubeconfig)
                        .ignoreNotFound()
                        .call());
    }

    /**
     * Logs in to the chart's OCI registry once, when credentials are configured for its host. Helm keeps the
     * login in its registry configuration file ({@code $HELM_REGISTRY_CONFIG}, by default
     * {@code ~/.config/helm/registry/config.json}).
     */
    private void login(String chart) throws DeployFailure {
        if (!chart.startsWith("oci://")) {
            return;
        }
        URI uri = URI.create(chart);
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        RegistryCredentials credentials = registry.credentialsFor(uri.getHost(), uri.getPort());
        if (credentials == null || loggedIn.contains(host)) {
            return;
        }
        var login = Helm.registry()
                .login()
                .withHost(host)
                .withUsername(credentials.username())
                .withPassword(credentials.password());
        if (registry.plainHttp()) {
            login.plainHttp();
        }
        if (registry.insecureSkipTlsVerify()) {
            login.insecureSkipTlsVerify();
        }
        if (registry.caFile() != null) {
            login.withCaFile(registry.caFile());
        }
        run("registry login " + host, login);
        loggedIn.add(host);
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, options.timeout().toSeconds());
    }

    /**
     * Runs one Helm call on a daemon thread and waits at most Helm's timeout plus a grace period: a JNI call
     * cannot be interrupted, so an API server that never answers would otherwise block the caller forever.
     */
    private <T> T run(String what, Callable<T> call) throws DeployFailure {
        Future<T> future = executor.submit(call);
        long limit = options.timeout().plus(GRACE).toMillis();
        try {
            return future.get(limit, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null
                    ? cause.toString()
                    : cause.getMessage().strip();
            throw new DeployFailure(message, HelmMessages.isTransient(message), cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DeployFailure(
                    "Helm " + what + " did not finish within " + limit + " ms; it may still be " + "running.",
                    false,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployFailure("Interrupted while Helm " + what + " was running.", false, e);
        }
    }
}
