package org.gugus.access;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.Messages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of Gugus ({@code access.account}): added, listed, disabled and given new passwords
 * by an administrator (or on the command line), each change in the audit log. Passwords are stored
 * only as {@link PasswordEncoder} hashes.
 */
@Service
public class Accounts {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 12;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Audit audit;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, Audit audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    /**
     * Adds an account.
     *
     * @param office   the office code of an OFFICE account ({@code 64.72} or {@code 6472}); none for other roles
     * @param password the password, or {@code null} to have one generated
     * @return the password: the one generated, or the one given
     */
    @Transactional
    public String add(String name, Role role, String office, String password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(Messages.get("access.account.bad-name", name).both());
        }
        String officeCode = officeOf(role, office);
        String chosen = password == null ? generatePassword() : password;
        if (chosen.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException(Messages.get("access.account.short-password", MIN_PASSWORD).both());
        }
        int added = jdbc.sql("""
                insert into access.account (name, role, office_code, password_hash) values (?, ?, ?, ?)
                on conflict (name) do nothing
                """).params(name, role.name(), officeCode, passwords.encode(chosen)).update();
        if (added == 0) {
            throw new IllegalArgumentException(Messages.get("access.account.exists", name).both());
        }
        audit.change("ACCOUNT_ADDED", name + " " + role + (officeCode == null ? "" : " " + officeCode), List.of());
        return chosen;
    }

    /** Every account, by name. */
    public List<Account> list() {
        return jdbc.sql("select name, role, office_code, enabled, created_at from access.account order by name")
                .query((rs, n) -> new Account(rs.getString("name"), Role.valueOf(rs.getString("role")),
                        rs.getString("office_code"), rs.getBoolean("enabled"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** Whether any account exists (none on a fresh database). */
    public boolean none() {
        return jdbc.sql("select not exists (select 1 from access.account)").query(Boolean.class).single();
    }

    /** Stops an account from signing in; its audit trail stays. */
    @Transactional
    public void disable(String name) {
        if (jdbc.sql("update access.account set enabled = false, updated_at = now() where name = ?").param(name)
                .update() == 0) {
            throw new NoSuchElementException(Messages.get("access.account.unknown", name).both());
        }
        audit.change("ACCOUNT_DISABLED", name, List.of());
    }

    /** Gives an account a new generated password (and enables it again); returns the password. */
    @Transactional
    public String resetPassword(String name) {
        String password = generatePassword();
        if (jdbc.sql("update access.account set password_hash = ?, enabled = true, updated_at = now() where name = ?")
                .params(passwords.encode(password), name).update() == 0) {
            throw new NoSuchElementException(Messages.get("access.account.unknown", name).both());
        }
        audit.change("PASSWORD_RESET", name, List.of());
        return password;
    }

    private static String officeOf(Role role, String office) {
        if (role != Role.OFFICE) {
            if (office != null) {
                throw new IllegalArgumentException(Messages.get("access.account.office-only", role).both());
            }
            return null;
        }
        if (office == null) {
            throw new IllegalArgumentException(Messages.get("access.account.office-needed").both());
        }
        return RegencyOffices.byCode(office).map(RegencyOffice::code).orElseThrow(() ->
                new IllegalArgumentException(Messages.get("access.account.unknown-office", office).both()));
    }

    static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
