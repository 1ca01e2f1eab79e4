package org.gugus.system.database;

import java.util.Locale;
import org.gugus.system.Message;
import org.gugus.system.Messages;

/**
 * The platform whose PostgreSQL binaries the embedded server needs, named as the
 * io.zonky.test.postgres artifacts name them: Linux, macOS and Windows, on x86-64 or ARM64.
 *
 * @param system {@code linux}, {@code darwin} or {@code windows}
 * @param architecture {@code x86_64} or {@code arm_64}
 */
record PostgresPlatform(String system, String architecture) {

    static PostgresPlatform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static PostgresPlatform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("windows") ? "windows" : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("linux") ? "linux" : os.replaceAll("\\W", "");
        String arch = osArch.toLowerCase(Locale.ROOT);
        String architecture = switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return new PostgresPlatform(system, architecture);
    }

    /** The archive inside the binaries jar, e.g. {@code postgres-linux-x86_64.txz}. */
    String binariesResource() {
        return "postgres-" + name() + ".txz";
    }

    String name() {
        return system + "-" + architecture;
    }

    boolean posix() {
        return !"windows".equals(system);
    }

    /** Linux: where glibc's tunables and {@code /proc} are. */
    boolean linux() {
        return "linux".equals(system);
    }

    String executable(String program) {
        return posix() ? program : program + ".exe";
    }

    /** What to do when this build has no binaries for the platform it runs on. */
    Message missingBinaries() {
        return Messages.get("system.database.no-binaries", name());
    }
}
