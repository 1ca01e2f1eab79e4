package org.gugus.access;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in account as Spring Security holds it: its role, and the office an OFFICE account is bound to. */
class AccountUser extends User {

    private final Role role;
    private final String officeCode;

    AccountUser(String name, String passwordHash, boolean enabled, Role role, String officeCode) {
        super(name, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.officeCode = officeCode;
    }

    Role role() {
        return role;
    }

    String officeCode() {
        return officeCode;
    }
}
