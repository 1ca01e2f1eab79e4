package org.gugus.workbook;

/**
 * The file has no bytes at all (F_EMPTY), which usually means an upload or a copy was cut off,
 * not that the office sent the wrong kind of file.
 */
public class EmptyFileException extends UnreadableFileException {

    public EmptyFileException() {
        super("Berkas kosong (0 byte); kirim ulang berkas yang berisi data.",
                "The file is empty (0 bytes); send the file again with its data.");
    }
}
