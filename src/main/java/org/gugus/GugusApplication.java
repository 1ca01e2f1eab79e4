package org.gugus;

import org.gugus.reference.Regions;
import org.gugus.system.GugusCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Gugus: regency files in, the provincial warehouse out. Without arguments it runs the server
 * (drop folders, the intake job, the REST API); with a command ({@code load ...}) it runs that
 * command and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GugusApplication {

    public static void main(String[] args) {
        if (GugusCommandLine.mayStartGugus(args)) {
            // the provinces and regencies, read on the other core while Spring builds the context (the districts
            // and villages at their first use)
            Regions.loadInBackground(Regions.CURRENT_EDITION);
        }
        if (GugusCommandLine.isCommand(args)) {
            System.exit(GugusCommandLine.run(GugusApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(GugusApplication.class, args);
    }
}
