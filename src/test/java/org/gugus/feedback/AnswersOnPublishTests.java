package org.gugus.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gugus.persons.PersonsChanged;
import org.gugus.warehouse.VictimsPublished;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnswersOnPublishTests {

    /** The files whose sheets were copied, in the order the copying thread copied them. */
    private final List<Long> copied = new CopyOnWriteArrayList<>();
    private AnswersOnPublish onPublish;

    /** A copy that says which file it copied and then fails, as a copy of a file that cannot be read would. */
    private final Feedback feedback = new Feedback(null, null, null, Path.of("outbox"), ZoneId.of("Asia/Makassar"), 0) {
        @Override
        AnswerBook copyPublished(long fileId) {
            copied.add(fileId);
            throw new CopiedException(fileId);
        }
    };

    private static final class CopiedException extends RuntimeException {
        CopiedException(long fileId) {
            super("copied #" + fileId);
        }
    }

    @AfterEach
    void close() {
        onPublish.destroy();
    }

    @Test
    void holdsACopyUntilThePersonsChangeSoAFileDroppedBeforeItIsNeverCopied() {
        onPublish = new AnswersOnPublish(feedback, true, false, true);

        onPublish.start(VictimsPublished.ofFile(7, "64.72"));
        onPublish.drop(7);
        onPublish.start(VictimsPublished.ofFile(8, "64.72"));
        onPublish.release(new PersonsChanged(Set.of(1L), false));

        // one copying thread, in order: once 8's copy is taken, 7's would have run before it
        assertThatThrownBy(() -> onPublish.take(8)).isInstanceOf(CopiedException.class).hasMessage("copied #8");
        assertThat(copied).containsExactly(8L);
    }

    @Test
    void startsAHeldCopyWhenTheLoadsEndTakesItAndNoChangeOfPersonsCame() {
        onPublish = new AnswersOnPublish(feedback, true, false, true);

        onPublish.start(VictimsPublished.ofFile(9, "64.72"));

        assertThatThrownBy(() -> onPublish.take(9)).isInstanceOf(CopiedException.class).hasMessage("copied #9");
        assertThat(copied).containsExactly(9L);
        assertThat(onPublish.take(9)).as("taken once").isEmpty();
    }

    @Test
    void startsTheCopyOnThePublishWithoutWaitingForThePersonsWhenToldTo() {
        onPublish = new AnswersOnPublish(feedback, true, false, false);

        onPublish.start(VictimsPublished.ofFile(10, "64.72"));
        onPublish.drop(10);
        onPublish.start(VictimsPublished.ofFile(11, "64.72"));

        assertThatThrownBy(() -> onPublish.take(11)).isInstanceOf(CopiedException.class).hasMessage("copied #11");
        assertThat(copied).containsExactly(10L, 11L);
    }

    @Test
    void neitherHoldsNorCopiesACorrectionsPublish() {
        onPublish = new AnswersOnPublish(feedback, true, false, true);

        onPublish.start(VictimsPublished.ofCorrection(12, "64.72"));
        onPublish.release(new PersonsChanged(Set.of(1L), false));
        onPublish.start(VictimsPublished.ofFile(13, "64.72"));

        assertThatThrownBy(() -> onPublish.take(13)).isInstanceOf(CopiedException.class);
        assertThat(copied).containsExactly(13L);
    }
}
