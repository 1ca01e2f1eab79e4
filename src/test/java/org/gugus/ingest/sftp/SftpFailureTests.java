package org.gugus.ingest.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SftpFailureTests {

    @Test
    void explainsAChangedHostKeyInIndonesianThenEnglishAndDoesNotRetryIt() {
        var failure = SftpFailure.of(new IllegalStateException("Cannot connect to sftp://kab@h:22",
                new Exception("HostKey has been changed: [h]:22")), "kab@h:22/", "/etc/gugus/known_hosts");

        assertThat(failure.code()).isEqualTo("F_SFTP_HOST_KEY");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.messageId()).contains("Kunci host", "/etc/gugus/known_hosts");
        assertThat(failure.messageEn()).contains("host key", "/etc/gugus/known_hosts");
        assertThat(failure.message()).startsWith(failure.messageId());
    }

    @Test
    void treatsAHostMissingFromKnownHostsAsAHostKeyProblem() {
        assertThat(SftpFailure.of(new Exception("reject HostKey: 10.0.0.5"), "a", "k").code()).isEqualTo("F_SFTP_HOST_KEY");
    }

    @Test
    void retriesAnUnreachableServer() {
        var failure = SftpFailure.of(new RuntimeException("Cannot connect", new ConnectException("Connection refused")),
                "kab@h:22/", "k");

        assertThat(failure.code()).isEqualTo("F_SFTP_UNREACHABLE");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.messageEn()).contains("Connection refused");
    }

    @Test
    void doesNotRetryARefusedLogin() {
        var failure = SftpFailure.of(new Exception("Auth fail for methods 'publickey,password'"), "a", "k");

        assertThat(failure.code()).isEqualTo("F_SFTP_LOGIN");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void backsOffTwiceAsLongEachTimeUpToTheLimit() {
        var retry = new SftpProperties.Retry(6, Duration.ofMinutes(1), Duration.ofMinutes(5));

        assertThat(retry.delayBefore(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.delayBefore(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(retry.delayBefore(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(retry.delayBefore(5)).isEqualTo(Duration.ofMinutes(5));
    }
}
