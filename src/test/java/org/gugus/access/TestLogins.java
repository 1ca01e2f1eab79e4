package org.gugus.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Accounts for tests: added once per database, signed in with HTTP Basic (API) or by form (pages). */
public final class TestLogins {

    private TestLogins() {
    }

    /** The {@code Authorization} header of an account with this role, added if it does not exist yet. */
    public static String basic(Accounts accounts, String name, Role role, String office) {
        return header(name, password(accounts, name, role, office));
    }

    /** The password of an account with this role, added if it does not exist yet: to sign in by form. */
    public static String password(Accounts accounts, String name, Role role, String office) {
        String password = name + "-test-password";
        if (accounts.list().stream().noneMatch(account -> account.name().equals(name))) {
            accounts.add(name, role, office, password);
        }
        return password;
    }

    /** The {@code Authorization} header for a name and password as given. */
    public static String header(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
