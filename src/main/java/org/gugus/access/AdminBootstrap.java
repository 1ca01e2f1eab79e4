package org.gugus.access;

import java.io.UncheckedIOException;

import java.nio.file.Path;
import org.gugus.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On a database without accounts (the first start), creates {@code admin} with a generated
 * password, written to {@code $GUGUS_HOME/admin.password} (readable by its owner only). The log
 * says where the password is, never the password.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final Path passwordFile;

    AdminBootstrap(Accounts accounts, @Value("${gugus.home}") Path home) {
        this.accounts = accounts;
        this.passwordFile = home.resolve("admin.password");
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.none()) {
            // the file first: an admin whose password nobody could read would lock everyone out
            String password = Accounts.generatePassword();
            try {
                PrivateFiles.write(passwordFile, password + "\n");
            } catch (UncheckedIOException e) {
                // the home is not writable: readiness says so at ERROR; the next start tries again
                log.error(Messages.get("access.admin.not-written", passwordFile.toAbsolutePath()).both());
                return;
            }
            try {
                accounts.add("admin", Role.ADMIN, null, password);
            } catch (IllegalArgumentException e) {
                return; // another Gugus process starting at the same time created it (and wrote its file)
            }
            log.warn(Messages.get("access.admin.created", passwordFile.toAbsolutePath()).both());
        }
    }
}
