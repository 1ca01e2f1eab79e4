package org.gugus.feedback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The answer's workbook: SXSSF (a window of rows in memory; strings inline rather than in a
 * shared table that would grow with the file), each sheet's data written by {@link SheetXmlWriter}
 * and deflated at the fastest level as they are written, on a thread of their own
 * ({@link DeflatedOutput}). Writing the XLSX then joins each sheet's entry from its start and end
 * as XSSF made them, deflated here, and those deflated data unchanged, where SXSSF would read back
 * the plain XML from its temporary file and deflate it all on one thread at the end. The entries'
 * contents are byte for byte what SXSSF writes; only how they are compressed differs.
 */
final class AnswerZip extends SXSSFWorkbook {

    private static final byte[] SHEET_DATA = "<sheetData".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHEET_DATA_END = "</sheetData>".getBytes(StandardCharsets.US_ASCII);

    private final Map<XSSFSheet, SheetXmlWriter> writers = new IdentityHashMap<>();
    private SheetXmlWriter created;

    AnswerZip(int rowWindow) {
        super(null, rowWindow, false, false);
        // commons-compress's own zip (POI's default for ZIP64 "always" is a writer of its own that takes
        // no raw entries); a zip64 record only where an entry needs one, as POI 4 wrote them
        setZip64Mode(Zip64Mode.AsNeeded);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        created = new SheetXmlWriter();
        return created;
    }

    @Override
    public SXSSFSheet createSheet() {
        return registered(super.createSheet());
    }

    @Override
    public SXSSFSheet createSheet(String name) {
        return registered(super.createSheet(name));
    }

    /** The sheet data writer of a sheet made here. */
    SheetXmlWriter writerOf(SXSSFSheet sheet) {
        return writers.get(getXSSFWorkbook().getSheet(sheet.getSheetName()));
    }

    private SXSSFSheet registered(SXSSFSheet sheet) {
        writers.put(getXSSFWorkbook().getSheet(sheet.getSheetName()), created);
        created = null;
        return sheet;
    }

    /** As SXSSF's, then each sheet's dimension from all its rows, those written straight too. */
    @Override
    protected void flushSheets() throws IOException {
        super.flushSheets();
        writers.forEach((sheet, data) -> data.dimension().ifPresent(sheet::setDimensionOverride));
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }

    /** As SXSSF's, but a sheet's entry joined from deflated parts (see the class comment). */
    @Override
    protected void injectData(ZipEntrySource source, OutputStream out) throws IOException {
        ZipArchiveOutputStream zip = createArchiveOutputStream(out);
        try {
            Enumeration<? extends ZipArchiveEntry> entries = source.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                if (entry.getTime() >= 0) {
                    copy.setTime(entry.getTime());
                }
                try (InputStream in = source.getInputStream(entry)) {
                    if (in instanceof ZipArchiveThresholdInputStream guarded) {
                        guarded.setGuardState(false);
                    }
                    XSSFSheet sheet = getSheetFromZipEntryName(entry.getName());
                    SheetXmlWriter data = sheet == null || sheet instanceof XSSFChartSheet ? null : writers.get(sheet);
                    if (data == null) {
                        if (entry.getSize() >= 0) {
                            copy.setSize(entry.getSize());
                        }
                        zip.putArchiveEntry(copy);
                        IOUtils.copy(in, zip);
                        zip.closeArchiveEntry();
                    } else {
                        joined(zip, copy, in.readAllBytes(), data);
                    }
                }
            }
            zip.finish();
        } finally {
            source.close();
        }
    }

    /**
     * The sheet's entry: its XML up to {@code <sheetData>}, the deflated rows, then from
     * {@code </sheetData>} on, as SXSSF joins them (an empty {@code <sheetData/>} opened with a line
     * break after it).
     */
    private static void joined(ZipArchiveOutputStream zip, ZipArchiveEntry entry, byte[] xml, SheetXmlWriter data)
            throws IOException {
        data.close();
        Parts parts = Parts.of(xml);
        DeflatedOutput.Written rows = data.deflated();
        long crc = DeflatedOutput.combine(crc(parts.start()), rows.crc(), rows.size());
        crc = DeflatedOutput.combine(crc, crc(parts.end()), parts.end().length);
        byte[] start = DeflatedOutput.part(parts.start(), false);
        byte[] end = DeflatedOutput.part(parts.end(), true);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setCrc(crc);
        entry.setSize(parts.start().length + rows.size() + parts.end().length);
        entry.setCompressedSize(start.length + rows.deflatedSize() + end.length);
        try (InputStream deflatedRows = Files.newInputStream(data.deflatedFile().toPath())) {
            InputStream joined = new SequenceInputStream(Collections.enumeration(List.of(
                    new ByteArrayInputStream(start), deflatedRows, new ByteArrayInputStream(end))));
            zip.addRawArchiveEntry(entry, joined);
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** A sheet's XML as XSSF wrote it, around its (empty) sheet data. */
    private record Parts(byte[] start, byte[] end) {

        static Parts of(byte[] xml) {
            int at = indexOf(xml, SHEET_DATA, 0);
            if (at < 0) {
                // no sheet data at all: SXSSF would add them at the end
                return new Parts(concat(xml, "<sheetData>\n".getBytes(StandardCharsets.US_ASCII)), SHEET_DATA_END);
            }
            int after = at + SHEET_DATA.length;
            byte[] before = Arrays.copyOfRange(xml, 0, at);
            if (after + 1 < xml.length && xml[after] == '/' && xml[after + 1] == '>') {
                return new Parts(concat(before, "<sheetData>\n".getBytes(StandardCharsets.US_ASCII)),
                        concat(SHEET_DATA_END, Arrays.copyOfRange(xml, after + 2, xml.length)));
            }
            // <sheetData>...</sheetData>: XSSF leaves it empty for a streamed sheet
            int close = indexOf(xml, SHEET_DATA_END, after);
            return new Parts(Arrays.copyOfRange(xml, 0, close), Arrays.copyOfRange(xml, close, xml.length));
        }

        private static int indexOf(byte[] in, byte[] what, int from) {
            outer:
            for (int i = from; i <= in.length - what.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (in[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static byte[] concat(byte[] a, byte[] b) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
            out.writeBytes(a);
            out.writeBytes(b);
            return out.toByteArray();
        }
    }
}
