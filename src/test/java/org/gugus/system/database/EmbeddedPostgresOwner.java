package org.gugus.system.database;

import java.nio.file.Path;

/**
 * A process that starts the embedded PostgreSQL on a data directory, says its port on standard
 * output and waits to be killed: the Gugus that dies without stopping its server.
 */
public final class EmbeddedPostgresOwner {

    private EmbeddedPostgresOwner() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(Path.of(args[0]), 0);
        System.out.println("port " + postgres.port() + " owned " + postgres.owned());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
