package org.gugus.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AnswerBookTests {

    @Test
    void makesTheWorkbookLibraryReadyWithoutAFileAndLeavesNoTemporaryDataBehind() throws IOException {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        long before = poiFiles(temporary);
        assertThatCode(AnswerBook::prepare).doesNotThrowAnyException();
        // twice: the second in a process whose classes are ready, as a command's first answer finds them
        assertThatCode(AnswerBook::prepare).doesNotThrowAnyException();
        assertThat(poiFiles(temporary)).isLessThanOrEqualTo(before);
    }

    /** SXSSF's temporary sheet data (poifiles), which a prepared workbook must drop when closed. */
    private static long poiFiles(Path temporary) throws IOException {
        Path folder = temporary.resolve("poifiles");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
