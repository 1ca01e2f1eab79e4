package org.gugus.ingest.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import java.time.Duration;
import java.util.List;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

class SftpFailureTests {

    @Test
    void explainsAChangedHostKeyInIndonesianThenEnglishAndDoesNotRetryIt() {
        var failure = SftpFailure.of(new IllegalStateException("Cannot connect to sftp://kab@h:22",
                new Exception("HostKey has been changed: [h]:22")), "kab@h:22/", "/etc/gugus/known_hosts", "64.72", "");

        assertThat(failure.code()).isEqualTo("F_SFTP_HOST_KEY");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.messageId()).contains("Kunci host", "/etc/gugus/known_hosts");
        assertThat(failure.messageEn()).contains("host key", "/etc/gugus/known_hosts");
        assertThat(failure.message()).startsWith(failure.messageId());
    }

    @Test
    void treatsAHostMissingFromKnownHostsAsAHostKeyProblem() {
        assertThat(SftpFailure.of(new Exception("reject HostKey: 10.0.0.5"), "a", "k", "64.72", "").code()).isEqualTo("F_SFTP_HOST_KEY");
    }

    @Test
    void retriesAnUnreachableServer() {
        var failure = SftpFailure.of(new RuntimeException("Cannot connect", new ConnectException("Connection refused")),
                "kab@h:22/", "k", "64.72", "");

        assertThat(failure.code()).isEqualTo("F_SFTP_UNREACHABLE");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.messageEn()).contains("Connection refused");
    }

    @Test
    void doesNotRetryARefusedLogin() {
        var failure = SftpFailure.of(new Exception("Auth fail for methods 'publickey,password'"), "a", "k", "64.72", "");

        assertThat(failure.code()).isEqualTo("F_SFTP_LOGIN");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void treatsAFolderMissingOnTheServerAsAConfigurationErrorNamingOfficeAndFolder() {
        var failure = SftpFailure.of(new GenericFileOperationFailedException("Cannot change directory to: tppo",
                new SftpException(ChannelSftp.SSH_FX_NO_SUCH_FILE, "No such file")), "kab@h:22/laporan/tppo", "k", "64.72",
                "laporan/tppo");

        assertThat(failure.code()).isEqualTo("F_SFTP_NO_FOLDER");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.messageEn()).contains("Office 64.72", "'laporan/tppo' does not exist", "kab@h:22/laporan/tppo");
    }

    @Test
    void retriesAFileThatVanishedBetweenListingAndDownload() {
        var failure = SftpFailure.of(new GenericFileOperationFailedException("Cannot retrieve file: data.xlsx",
                new SftpException(ChannelSftp.SSH_FX_NO_SUCH_FILE, "No such file")), "a", "k", "64.72", "");

        assertThat(failure.code()).isEqualTo("F_SFTP_TRANSFER");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void backsOffTwiceAsLongEachTimeUpToTheLimitForTheConfiguredAttempts() {
        var retry = new SftpProperties.Retry(5, Duration.ofMinutes(1), Duration.ofMinutes(5));
        RetryPolicy policy = retry.policy(failure -> true);
        BackOffExecution waits = policy.getBackOff().start();

        assertThat(List.of(waits.nextBackOff(), waits.nextBackOff(), waits.nextBackOff(), waits.nextBackOff(),
                waits.nextBackOff())).containsExactly(60_000L, 120_000L, 240_000L, 300_000L, BackOffExecution.STOP);
    }
}
