package org.gugus.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Reads an account from {@code access.account} for sign-in (HTTP Basic and the login form). */
@Component
class AccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        return jdbc.sql("select name, password_hash, enabled, role, office_code from access.account where name = ?")
                .param(name)
                .query((rs, n) -> new AccountUser(rs.getString("name"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), Role.valueOf(rs.getString("role")), rs.getString("office_code")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(name));
    }
}
