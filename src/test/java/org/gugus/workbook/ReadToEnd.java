package org.gugus.workbook;

import java.nio.file.Path;

/**
 * Reads a file to its end with the default limits and prints what happened (the exception's class
 * and English message, or the number of rows): the body of a forked JVM with a small heap.
 */
public final class ReadToEnd {

    private ReadToEnd() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long rows = 0;
        try (WorkbookReader reader = WorkbookReaders.open(file, file.getFileName().toString())) {
            while (reader.next() != null) {
                rows++;
            }
            System.out.println("READ " + rows);
        }
        catch (UnreadableFileException ex) {
            System.out.println(ex.getClass().getSimpleName() + ": " + ex.messageEn());
        }
    }
}
