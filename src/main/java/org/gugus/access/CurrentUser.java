package org.gugus.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is asking: the signed-in account of an HTTP request, or, on the command line and in Gugus's
 * own background work, the operating-system user ({@code os:<user>}), who can read Gugus's files and
 * database password anyway and so sees every office.
 */
@Component
public class CurrentUser {

    /** The account name, or {@code os:<user>} outside an HTTP request. */
    public String name() {
        return account().map(AccountUser::getUsername).orElseGet(() -> "os:" + System.getProperty("user.name"));
    }

    /** The role of the signed-in account; empty outside an HTTP request. */
    public Optional<Role> role() {
        return account().map(AccountUser::role);
    }

    /** The one office whose rows the user may see, for OFFICE accounts; empty when every office. */
    public Optional<String> officeScope() {
        return account().map(AccountUser::officeCode);
    }

    /** Whether the user may see rows of this office. */
    public boolean maySee(String officeCode) {
        return officeScope().map(scope -> scope.equals(officeCode)).orElse(true);
    }

    /** {@code HTTP} inside a request, else {@code CLI} (the command line, or Gugus's own schedules). */
    String channel() {
        return request().isPresent() ? "HTTP" : "CLI";
    }

    /** The client's address (as the trusted reverse proxy forwarded it), inside a request. */
    Optional<String> address() {
        return request().map(HttpServletRequest::getRemoteAddr);
    }

    /** The request as the audit log names it: method, path and query. */
    Optional<String> requestLine() {
        return request().map(request -> request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    }

    private static Optional<AccountUser> account() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountUser user
                ? Optional.of(user) : Optional.empty();
    }

    private static Optional<HttpServletRequest> request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
