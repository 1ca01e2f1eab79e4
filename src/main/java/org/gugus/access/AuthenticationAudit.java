package org.gugus.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Puts sign-ins in the audit log. Every failed sign-in is recorded. A successful one is recorded
 * once per account and address per half hour: over HTTP Basic every request signs in again, and
 * what each request read is recorded on its own.
 */
@Component
class AuthenticationAudit {

    private static final Duration QUIET = Duration.ofMinutes(30);

    private final Audit audit;
    private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

    AuthenticationAudit(Audit audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        String address = address(authentication);
        Instant now = Instant.now();
        Instant last = lastRecorded.put(authentication.getName() + "@" + address, now);
        if (last == null || last.plus(QUIET).isBefore(now)) {
            audit.signIn(authentication.getName(), true, address);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        audit.signIn(event.getAuthentication().getName(), false, address(event.getAuthentication()));
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
