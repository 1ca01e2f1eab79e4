package org.gugus.ingest.sftp;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.gugus.ingest.FileAnswers;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends a pulled file's answer workbook back to the source's {@code feedback-directory}, once the
 * file is loaded or quarantined, under the answer's own name (uploaded under a temporary name
 * first, so the office never takes a half-written file). An upload that fails is logged and
 * leaves the pull as it was: the answer stays in the outbox.
 */
@Component
class FeedbackUpload {

    private static final Logger log = LoggerFactory.getLogger(FeedbackUpload.class);

    private final ObjectProvider<FileAnswers> answers;
    // providers: a command other than pull starts without Camel (system.CommandsWithoutCamel)
    private final ObjectProvider<CamelContext> camel;
    private final ObjectProvider<ProducerTemplate> producer;

    FeedbackUpload(ObjectProvider<FileAnswers> answers, ObjectProvider<CamelContext> camel,
            ObjectProvider<ProducerTemplate> producer) {
        this.answers = answers;
        this.camel = camel;
        this.producer = producer;
    }

    void sendBack(SftpSource source, FileOutcome delivery) {
        if (source.feedbackDirectory().isEmpty()
                || (delivery.status() != LoadStatus.LOADED && delivery.status() != LoadStatus.QUARANTINED)) {
            return;
        }
        FileAnswers made = answers.getIfAvailable();
        Optional<Path> answer = made == null ? Optional.empty() : made.answerOf(delivery.fileId());
        if (answer.isEmpty()) {
            log.warn("No answer workbook of file #{} to send back to {}", delivery.fileId(), source.routeId());
            return;
        }
        try {
            SftpEndpoint endpoint = camel.getObject().getEndpoint(source.feedbackUri(), SftpEndpoint.class);
            source.secure(endpoint.getConfiguration());
            producer.getObject().sendBodyAndHeader(endpoint, answer.get().toFile(), Exchange.FILE_NAME,
                    answer.get().getFileName().toString());
            log.info("Answer workbook of file #{} sent back to {} folder {}", delivery.fileId(), source.routeId(),
                    source.feedbackDirectory().get());
        } catch (RuntimeException e) {
            log.warn("Answer workbook of file #{} not sent back to {} ({}); it stays in the outbox", delivery.fileId(),
                    source.routeId(), e.getClass().getName());
        }
    }
}
