package dev.smo.core.spi;

/** Publishes dashboards (Grafana in production). */
public interface DashboardPublisher {

    /**
     * Creates or overwrites the dashboard.
     *
     * @param dashboard the dashboard
     * @return the dashboard's URL
     * @throws dev.smo.core.SmoIntegrationException when publishing fails
     */
    String publish(Dashboard dashboard);

    /**
     * Deletes the dashboard; does nothing when it does not exist.
     *
     * @param uid the dashboard's uid
     */
    void delete(String uid);
}
