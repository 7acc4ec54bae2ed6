package dev.smo.persistence.internal;

import dev.smo.core.ServiceProfile;
import dev.smo.core.spi.ProfileStore;
import dev.smo.persistence.UnableToAccessDatabaseException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/** The service_profiles repository on Jdbi; every call is one statement in autocommit. */
public final class DefaultPostgresProfileStore implements ProfileStore {

    private static final String COLUMNS = "graph, service, version, alpha, beta, r_squared, samples_used, "
            + "samples_total, unsaturated, outliers, alpha_low, alpha_high, beta_low, beta_high, window_from, "
            + "window_to, learned_at";
    /** PostgreSQL's unique_violation: another save took the version first. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final int ATTEMPTS = 5;

    private final Jdbi jdbi;

    public DefaultPostgresProfileStore(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
    }

    @Override
    public ServiceProfile save(ServiceProfile p) {
        Objects.requireNonNull(p, "profile");
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.withHandle(h -> h.createQuery("INSERT INTO service_profiles (" + COLUMNS + ") SELECT "
                                + ":graph, :service, COALESCE(MAX(version), 0) + 1, :alpha, :beta, :r2, :used, "
                                + ":total, :unsaturated, :outliers, :alphaLow, :alphaHigh, :betaLow, :betaHigh, "
                                + ":from, :to, :learnedAt FROM service_profiles WHERE graph = :graph AND service = "
                                + ":service RETURNING " + COLUMNS)
                        .bind("graph", p.graph())
                        .bind("service", p.service())
                        .bind("alpha", p.alpha())
                        .bind("beta", p.beta())
                        .bind("r2", p.rSquared())
                        .bind("used", p.samplesUsed())
                        .bind("total", p.samplesTotal())
                        .bind("unsaturated", p.unsaturated())
                        .bind("outliers", p.outliers())
                        .bind("alphaLow", p.alphaLow())
                        .bind("alphaHigh", p.alphaHigh())
                        .bind("betaLow", p.betaLow())
                        .bind("betaHigh", p.betaHigh())
                        .bind("from", Sql.timestamp(p.from()))
                        .bind("to", Sql.timestamp(p.to()))
                        .bind("learnedAt", Sql.timestamp(p.learnedAt()))
                        .map(DefaultPostgresProfileStore::row)
                        .one());
            } catch (JdbiException e) {
                if (attempt < ATTEMPTS && UNIQUE_VIOLATION.equals(sqlState(e))) {
                    continue;
                }
                throw failed("store the profile of service (" + p.service() + ") of graph (" + p.graph() + ")", e);
            }
        }
    }

    @Override
    public Optional<ServiceProfile> current(String graph, String service) {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM service_profiles WHERE graph = "
                            + ":graph AND service = :service ORDER BY version DESC LIMIT 1")
                    .bind("graph", graph)
                    .bind("service", service)
                    .map(DefaultPostgresProfileStore::row)
                    .findOne());
        } catch (JdbiException e) {
            throw failed("read the profile of service (" + service + ") of graph (" + graph + ")", e);
        }
    }

    @Override
    public Map<String, ServiceProfile> currentOf(String graph) {
        try {
            Map<String, ServiceProfile> current = new TreeMap<>();
            jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT ON (service) " + COLUMNS + " FROM service_profiles "
                                    + "WHERE graph = :graph ORDER BY service, version DESC")
                            .bind("graph", graph)
                            .map(DefaultPostgresProfileStore::row)
                            .list())
                    .forEach(p -> current.put(p.service(), p));
            return current;
        } catch (JdbiException e) {
            throw failed("read the profiles of graph (" + graph + ")", e);
        }
    }

    @Override
    public List<ServiceProfile> history(String graph, String service) {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM service_profiles WHERE graph = "
                            + ":graph AND service = :service ORDER BY version")
                    .bind("graph", graph)
                    .bind("service", service)
                    .map(DefaultPostgresProfileStore::row)
                    .list());
        } catch (JdbiException e) {
            throw failed("read the profiles of service (" + service + ") of graph (" + graph + ")", e);
        }
    }

    private static ServiceProfile row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ServiceProfile(
                rs.getString("graph"),
                rs.getString("service"),
                rs.getInt("version"),
                rs.getDouble("alpha"),
                rs.getDouble("beta"),
                rs.getDouble("r_squared"),
                rs.getInt("samples_used"),
                rs.getInt("samples_total"),
                rs.getInt("unsaturated"),
                rs.getInt("outliers"),
                rs.getDouble("alpha_low"),
                rs.getDouble("alpha_high"),
                rs.getDouble("beta_low"),
                rs.getDouble("beta_high"),
                Sql.instant(rs, "window_from"),
                Sql.instant(rs, "window_to"),
                Sql.instant(rs, "learned_at"));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static UnableToAccessDatabaseException failed(String action, JdbiException e) {
        return new UnableToAccessDatabaseException(
                "PostgreSQL failed to " + action + ": " + Exceptions.rootMessage(e), e);
    }
}
