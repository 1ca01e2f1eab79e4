package org.gugus.access;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Every path needs a role and anything not listed here is denied, so a new
 * endpoint is closed until it is added (and {@code RoleMatrixIntegrationTests} fails until its row
 * is there). The API and the actuator take HTTP Basic on every request and keep no session (so no
 * cookie to forge a request with, hence no CSRF token); the pages sign in by form ({@code /login}), with
 * CSRF tokens and a session that times out ({@code server.servlet.session.timeout}).
 * <p>
 * Within a path, OFFICE accounts see only their office's rows: the modules ask {@link CurrentUser}
 * and answer 404 for another office's row, as for a row that does not exist.
 */
// the command line runs without a web server: there is nothing to secure over HTTP
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String STEWARD = Role.STEWARD.name();
    private static final String REVIEWER = Role.REVIEWER.name();
    private static final String OFFICE = Role.OFFICE.name();
    private static final String COORDINATOR = Role.COORDINATOR.name();
    private static final String AUDITOR = Role.AUDITOR.name();

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(STEWARD, ADMIN)
                        .requestMatchers("/api/review/**").hasAnyRole(REVIEWER, OFFICE)
                        .requestMatchers("/api/sftp/**").hasAnyRole(STEWARD, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/files/*/feedback").hasAnyRole(STEWARD, REVIEWER, ADMIN, OFFICE)
                        .requestMatchers("/api/files/**").hasAnyRole(STEWARD, REVIEWER, OFFICE)
                        .requestMatchers(HttpMethod.GET, "/api/persons/pairs", "/api/persons/pairs/*")
                                .hasAnyRole(REVIEWER, ADMIN, OFFICE)
                        .requestMatchers(HttpMethod.POST, "/api/persons/pairs/*/decision").hasAnyRole(REVIEWER, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/persons/resolve").hasAnyRole(STEWARD, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/audit").hasRole(AUDITOR)
                        // from a cell to the persons behind it: provincial roles only, never national
                        .requestMatchers(HttpMethod.GET, "/api/reports/indicators/persons").hasAnyRole(ADMIN, STEWARD, REVIEWER)
                        .requestMatchers(HttpMethod.GET, "/api/reports/indicators", "/api/reports/indicators.xlsx",
                                "/api/reports/indicators.csv").hasAnyRole(COORDINATOR, ADMIN, STEWARD, REVIEWER, OFFICE)
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(paths -> paths
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.GET, "/").authenticated()
                        .requestMatchers("/tinjauan", "/tinjauan/**").hasAnyRole(REVIEWER, OFFICE)
                        // live progress (web-live): the stream of a file loaded again from its page, the steward's
                        .requestMatchers(HttpMethod.GET, "/berkas/*/aliran").hasRole(STEWARD)
                        .requestMatchers(HttpMethod.GET, "/berkas", "/berkas/**").hasAnyRole(STEWARD, REVIEWER, OFFICE)
                        // review and coordinator pages: pairs as the persons API, the dashboard as the report API
                        .requestMatchers(HttpMethod.GET, "/pasangan", "/pasangan/*").hasAnyRole(REVIEWER, ADMIN, OFFICE)
                        .requestMatchers(HttpMethod.POST, "/pasangan/*").hasAnyRole(REVIEWER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/dasbor", "/dasbor/unduh.xlsx", "/dasbor/unduh.csv")
                                .hasAnyRole(COORDINATOR, ADMIN, STEWARD, REVIEWER, OFFICE)
                        // steward pages (web-steward): upload, jobs, reloading a failed file
                        .requestMatchers("/unggah", "/unggah/**").hasAnyRole(STEWARD, ADMIN)
                        .requestMatchers("/jobs", "/jobs/**").hasAnyRole(STEWARD, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/berkas/*/muat-ulang").hasRole(STEWARD)
                        .requestMatchers("/sumber", "/sumber/**").hasAnyRole(STEWARD, ADMIN)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'")))
                .build();
    }
}
