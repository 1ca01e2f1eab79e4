package org.gugus.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit log ({@code access.audit_event}, append-only): every read that returns a name or NIK,
 * every change, every sign-in and failed sign-in, with who, when and from which address. The
 * modules that return or change personal data record it here, in the same transaction as the change.
 */
@Service
public class Audit {

    static final int DEFAULT_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final CurrentUser user;

    Audit(JdbcClient jdbc, CurrentUser user) {
        this.jdbc = jdbc;
        this.user = user;
    }

    /** The current user read these rows with names or NIKs through the current HTTP request. */
    public void read(List<Long> rowIds) {
        read(user.requestLine().orElse("?"), rowIds);
    }

    /** The current user read these rows with names or NIKs through {@code target} (a command, an endpoint). */
    public void read(String target, List<Long> rowIds) {
        record(user.name(), "READ", target, rowIds);
    }

    /** The current user changed something: a correction, a dismissal, an account, a setting. */
    public void change(String action, String target, List<Long> rowIds) {
        record(user.name(), action, target, rowIds);
    }

    /** A sign-in or failed sign-in, by the name given. */
    void signIn(String name, boolean succeeded, String address) {
        insert(name, user.channel(), address, succeeded ? "LOGIN" : "LOGIN_FAILED", null, List.of());
    }

    private void record(String name, String action, String target, List<Long> rowIds) {
        insert(name, user.channel(), user.address().orElse(null), action, target, rowIds);
    }

    private void insert(String name, String channel, String address, String action, String target, List<Long> rowIds) {
        jdbc.sql("""
                insert into access.audit_event (username, channel, address, action, target, rows, row_ids)
                values (:user, :channel, :address, :action, :target, :rows, :ids)
                """)
                .param("user", name).param("channel", channel).param("address", address).param("action", action)
                .param("target", target).param("rows", rowIds.size())
                .param("ids", rowIds.toArray(Long[]::new))
                .update();
    }

    /** The log, oldest first; of one user and/or since a moment when given. */
    public List<AuditEvent> list(String userName, OffsetDateTime since, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                select id, at, username, channel, address, action, target, rows, row_ids
                  from access.audit_event where true""");
        if (userName != null) {
            sql.append(" and username = :user");
            params.put("user", userName);
        }
        if (since != null) {
            sql.append(" and at >= :since");
            params.put("since", since);
        }
        sql.append(" order by id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(Audit::event).list();
    }

    private static AuditEvent event(ResultSet rs, int n) throws SQLException {
        Array ids = rs.getArray("row_ids");
        List<Long> rowIds = ids == null ? List.of() : Arrays.stream((Long[]) ids.getArray()).toList();
        return new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("username"),
                rs.getString("channel"), rs.getString("address"), rs.getString("action"), rs.getString("target"),
                rs.getInt("rows"), rowIds);
    }
}
