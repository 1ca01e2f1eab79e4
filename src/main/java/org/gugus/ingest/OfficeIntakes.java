package org.gugus.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gugus.ingest.sftp.SftpSources;
import org.gugus.ingest.sftp.SourceStatus;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each of the ten offices with its latest file, this month's deliveries and its SFTP source. */
@Component
public class OfficeIntakes {

    private final JdbcClient jdbc;
    private final FileRegistry registry;
    private final ObjectProvider<SftpSources> sftp;
    private final String timeZone;

    OfficeIntakes(JdbcClient jdbc, FileRegistry registry, ObjectProvider<SftpSources> sftp,
            @Value("${gugus.time-zone:Asia/Makassar}") String timeZone) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.sftp = sftp;
        this.timeZone = timeZone;
    }

    /** Every office in Kemendagri order, or only {@code officeCode}'s when it is set. */
    public List<OfficeIntake> list(Optional<String> officeCode) {
        Map<String, Long> thisMonth = new HashMap<>();
        jdbc.sql("""
                select office_code, count(*) from ingest.received_file
                 where office_code is not null
                   and date_trunc('month', received_at at time zone ?) = date_trunc('month', now() at time zone ?)
                 group by office_code
                """).params(timeZone, timeZone).query(rs -> {
                    thisMonth.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, SourceStatus> sources = new HashMap<>();
        SftpSources sftpSources = sftp.getIfAvailable();
        if (sftpSources != null) {
            sftpSources.statuses().forEach(status -> sources.put(status.office(), status));
        }
        return RegencyOffices.all().stream()
                .filter(office -> officeCode.map(office.code()::equals).orElse(true))
                .map(office -> intake(office, thisMonth.getOrDefault(office.code(), 0L), sources.get(office.code())))
                .toList();
    }

    private OfficeIntake intake(RegencyOffice office, long filesThisMonth, SourceStatus source) {
        ReceivedFile last = registry.list(office.code(), null, 1).stream().findFirst().orElse(null);
        if (source == null) {
            return new OfficeIntake(office, last, filesThisMonth, null, null, null, null);
        }
        boolean failing = source.lastError() != null && !"OK".equals(source.state());
        return new OfficeIntake(office, last, filesThisMonth, source.state(), source.nextPoll(),
                failing ? source.lastError().messageId() : null, failing ? source.lastError().messageEn() : null);
    }
}
