package dev.smo.persistence.internal;

import dev.smo.core.Vim;
import dev.smo.core.spi.Nfvcl;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/** The vims table. The sealed password is written here but only read by {@link #sealedPassword}. */
final class VimRows {

    private static final String COLUMNS =
            "id, name, nfvcl_name, pop_area, url, vim_user, networks, insecure, use_floating_ip, created_at, updated_at";

    private VimRows() {}

    static Optional<Long> insert(Handle h, Vim vim, byte[] sealedPassword, Instant now) {
        return h.createQuery("INSERT INTO vims (name, nfvcl_name, pop_area, url, vim_user, networks, insecure, "
                        + "use_floating_ip, password_sealed, created_at, updated_at) VALUES (:name, :nfvclName, "
                        + ":popArea, :url, :user, CAST(:networks AS jsonb), :insecure, :floating, :sealed, :now, :now) "
                        + "ON CONFLICT DO NOTHING RETURNING id")
                .bind("name", vim.name())
                .bind("nfvclName", vim.nfvclName())
                .bind("popArea", vim.popArea())
                .bind("url", vim.url())
                .bind("user", vim.user())
                .bind("networks", Json.write(networks(vim.networks())))
                .bind("insecure", vim.insecure())
                .bind("floating", vim.useFloatingIp())
                .bind("sealed", sealedPassword)
                .bind("now", Sql.timestamp(now))
                .mapTo(Long.class)
                .findOne();
    }

    static Optional<Vim> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM vims WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> vim(rs))
                .findOne();
    }

    static Optional<Vim> byName(Handle h, String name) {
        return h.createQuery("SELECT " + COLUMNS + " FROM vims WHERE name = :name OR nfvcl_name = :name "
                        + "ORDER BY name = :name DESC, id LIMIT 1")
                .bind("name", name)
                .map((rs, ctx) -> vim(rs))
                .findOne();
    }

    static List<Vim> list(Handle h, OptionalInt popArea) {
        if (popArea.isEmpty()) {
            return h.createQuery("SELECT " + COLUMNS + " FROM vims ORDER BY id")
                    .map((rs, ctx) -> vim(rs))
                    .list();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM vims WHERE pop_area = :popArea ORDER BY id")
                .bind("popArea", popArea.getAsInt())
                .map((rs, ctx) -> vim(rs))
                .list();
    }

    /** @return the NFVCL name (the sealing context) and the sealed password, when the VIM exists and has one */
    static Optional<Map.Entry<String, byte[]>> sealedPassword(Handle h, long id) {
        return h.createQuery(
                        "SELECT nfvcl_name, password_sealed FROM vims WHERE id = :id AND password_sealed IS NOT NULL")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString("nfvcl_name"), rs.getBytes("password_sealed")))
                .findOne();
    }

    static boolean delete(Handle h, long id) {
        return h.createUpdate("DELETE FROM vims WHERE id = :id").bind("id", id).execute() == 1;
    }

    private static Vim vim(ResultSet rs) throws SQLException {
        return new Vim(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("nfvcl_name"),
                rs.getInt("pop_area"),
                rs.getString("url"),
                rs.getString("vim_user"),
                networks(rs.getString("networks")),
                rs.getBoolean("insecure"),
                rs.getBoolean("use_floating_ip"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private static List<Map<String, Object>> networks(List<Nfvcl.Network> networks) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Nfvcl.Network n : networks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", n.name());
            m.put("cidr", n.cidr());
            m.put("gateway", n.gateway());
            out.add(m);
        }
        return out;
    }

    private static List<Nfvcl.Network> networks(String json) {
        List<Nfvcl.Network> out = new ArrayList<>();
        for (Map<String, Object> m : Json.readObjects(json)) {
            out.add(new Nfvcl.Network((String) m.get("name"), (String) m.get("cidr"), (String) m.get("gateway")));
        }
        return out;
    }
}
