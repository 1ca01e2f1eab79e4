package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PreparedRecordsTests {

    private final Linkage linkage = new Linkage(LinkageSettings.defaults().withMaxBlockSizes(200, 50));
    private final ToLongFunction<String> keyHash = Linkage.keyHashAfter("c2FsdCDDqSDwn5iA:");

    @Test
    void givesBackEachRecordAsNormalisedWithTheKeysOfItsBlocks() throws IllegalAccessException {
        List<VictimReport> reports = new ArrayList<>(new SyntheticVictims(11).generate(1_500).reports());
        reports.add(Report.id(100_001).name("Siti Siti Nur  nur 2").address("Jl. Merdeka No. 0012 RT 03").build());
        reports.add(Report.id(100_002).name("Élodie محمد 😀 \uD800x").address("٣٤ Jalan 1234567890123 ds. ").build());
        reports.add(Report.id(100_003).build());
        reports.sort(Comparator.comparingLong(VictimReport::victimId));
        try (PreparedRecords held = linkage.preparedRecords()) {
            // in chunks, as a run adds them
            for (int from = 0; from < reports.size(); from += 700) {
                held.add(reports.subList(from, Math.min(reports.size(), from + 700)), keyHash);
            }
            List<Long> keyed = new ArrayList<>();
            held.forEachKeys((victim, hashes, caps) -> {
                keyed.add(victim);
                VictimReport report = reports.get(keyed.size() - 1);
                linkage.cappedKeyHashes(report, keyHash, (id, expectedHashes, expectedCaps) -> {
                    assertThat(victim).isEqualTo(id);
                    assertThat(hashes).as("record %d", id).containsExactly(expectedHashes);
                    assertThat(caps).as("record %d", id).containsExactly(expectedCaps);
                });
            });
            assertThat(keyed).containsExactlyElementsOf(reports.stream().map(VictimReport::victimId).toList());
            assertThat(held.size()).isEqualTo(reports.size());
            assertReadBackAsNormalised(held, reports);
            assertThat(held.holds(999_999_999L)).isFalse();
            assertThat(held.read(999_999_999L, UnaryOperator.identity())).isNull();
        }
    }

    @Test
    void givesEachRecordsKeysAsItKeepsThemAsTheyAreReadBackAfter() {
        List<VictimReport> reports = new ArrayList<>(new SyntheticVictims(12).generate(900).reports());
        reports.sort(Comparator.comparingLong(VictimReport::victimId));
        List<String> given = new ArrayList<>();
        List<String> readBack = new ArrayList<>();
        try (PreparedRecords held = linkage.preparedRecords()) {
            for (int from = 0; from < reports.size(); from += 400) {
                held.add(reports.subList(from, Math.min(reports.size(), from + 400)), keyHash,
                        (victim, hashes, caps) -> given.add(victim + Arrays.toString(hashes) + Arrays.toString(caps)));
            }
            held.forEachKeys((victim, hashes, caps) -> readBack.add(victim + Arrays.toString(hashes) + Arrays.toString(caps)));
        }
        assertThat(given).hasSize(reports.size()).containsExactlyElementsOf(readBack);
    }

    /**
     * Each record's keys that pair marked once ({@link PreparedRecords#keepValidKeys}): a record is read back with only
     * those keys' hashes, ascending; a record flagged as having more keys than a mask marks, with all of them.
     */
    @Test
    void givesBackOnlyTheKeysMarkedAsPairingOnceTheyAreKept() {
        List<VictimReport> reports = new ArrayList<>(new SyntheticVictims(14).generate(600).reports());
        reports.sort(Comparator.comparingLong(VictimReport::victimId));
        try (PreparedRecords held = linkage.preparedRecords()) {
            List<long[]> keys = new ArrayList<>();
            held.add(reports, keyHash, (victim, hashes, caps) -> keys.add(hashes));
            Random random = new Random(3);
            int[] masks = new int[reports.size()];
            for (int i = 0; i < masks.length; i++) {
                masks[i] = i % 50 == 7 ? 1 << PreparedRecords.MASKED_KEYS
                        : random.nextInt(1 << Math.min(keys.get(i).length, PreparedRecords.MASKED_KEYS));
            }
            held.keepValidKeys(masks);
            for (int i = 0; i < reports.size(); i++) {
                long[] hashes = keys.get(i);
                PreparedRecords.Held read = held.read(reports.get(i).victimId(), UnaryOperator.identity());
                List<Long> expected = new ArrayList<>();
                for (int k = 0; k < hashes.length; k++) {
                    if (i % 50 == 7 || (masks[i] & 1 << k) != 0) {
                        expected.add(hashes[k]);
                    }
                }
                expected.sort(null);
                assertThat(read.validOnly()).as("record %d", i).isEqualTo(i % 50 != 7);
                assertThat(read.sortedHashes()).as("record %d", i)
                        .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
                assertSameFields(read.record(), new Prepared(reports.get(i)));
            }
            assertThatThrownBy(() -> held.keepValidKeys(new int[reports.size() - 1]))
                    .isInstanceOf(IllegalArgumentException.class);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsEachRecordWholeWhereverItFallsInItsMapAndThoseAddedAfterTheMapWasMade() throws IllegalAccessException {
        List<VictimReport> reports = new ArrayList<>(new SyntheticVictims(13).generate(600).reports());
        reports.sort(Comparator.comparingLong(VictimReport::victimId));
        // a map in segments of 1 KiB, each reaching 256 bytes into the next: records of a few hundred bytes start near
        // a segment's end, past it, or reach beyond what their segment maps
        try (PreparedRecords held = new PreparedRecords(linkage, 10)) {
            held.add(reports.subList(0, 400), keyHash);
            assertReadBackAsNormalised(held, reports.subList(0, 400)); // the map made at the first read
            held.add(reports.subList(400, reports.size()), keyHash);
            assertReadBackAsNormalised(held, reports);
        }
    }

    private void assertReadBackAsNormalised(PreparedRecords held, List<VictimReport> reports)
            throws IllegalAccessException {
        for (VictimReport report : reports) {
            Prepared expected = new Prepared(report);
            PreparedRecords.Held read = held.read(report.victimId(), UnaryOperator.identity());
            assertSameFields(read.record(), expected);
            assertThat(read.sortedHashes()).as("record %d", report.victimId())
                    .containsExactly(linkage.sortedKeyHashes(expected, keyHash));
        }
    }

    @Test
    void knowsWhichRecordsItHoldsWhetherTheirIdsAreDenseGappedOrSparse() {
        // dense (a first load's sequence) with gaps, then ids far apart: the bits of the dense ones let go for the search
        long[][] runs = {{1, 2, 3, 5, 8, 13, 64, 65, 127, 128, 129, 300}, {7, 1_000, 1_001, 5_000_000_000L},
                {Long.MAX_VALUE - 3, Long.MAX_VALUE - 1}};
        for (long[] ids : runs) {
            try (PreparedRecords held = linkage.preparedRecords()) {
                for (long id : ids) {
                    held.add(List.of(Report.id(id).name("Siti Aminah").build()), keyHash);
                }
                for (long id : ids) {
                    assertThat(held.holds(id)).as("id %d", id).isTrue();
                    assertThat(held.holds(id + 1)).as("id %d", id + 1).isEqualTo(Arrays.stream(ids).anyMatch(k -> k == id + 1));
                    assertThat(held.holds(id - 1)).as("id %d", id - 1).isEqualTo(Arrays.stream(ids).anyMatch(k -> k == id - 1));
                }
                assertThat(held.holds(0)).isFalse();
                assertThat(held.holds(-1)).isFalse();
                assertThat(held.holds(ids[ids.length - 1] + 64)).isFalse();
            }
        }
    }

    @Test
    void refusesRecordsOutOfTheOrderOfTheirIds() {
        try (PreparedRecords held = linkage.preparedRecords()) {
            held.add(List.of(Report.id(5).name("Siti Aminah").build()), keyHash);
            assertThatThrownBy(() -> held.add(List.of(Report.id(4).name("Siti Aminah").build()), keyHash))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keepsItsRecordsInAFileNoOtherProcessCanFindByName() throws IOException {
        Path descriptors = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(descriptors), "open files listed by the system (Linux)");
        try (PreparedRecords held = linkage.preparedRecords()) {
            held.add(List.of(Report.id(7).name("Siti Aminah").nik("6472014101900001").build()), keyHash);
            List<String> open = new ArrayList<>();
            try (Stream<Path> files = Files.list(descriptors)) {
                files.forEach(fd -> {
                    try {
                        open.add(Files.readSymbolicLink(fd).toString());
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                });
            }
            List<String> records = open.stream().filter(name -> name.contains("gugus-bounded-run")).toList();
            assertThat(records).isNotEmpty().allSatisfy(name -> assertThat(name).endsWith("(deleted)"));
        }
    }

    /** Every field of two records equal (arrays by their elements). */
    @Test
    void recordsPreparedBeforeTheirIdsWereKnownAreKeptUnderTheirIdsAsThoseItPrepares() throws IllegalAccessException {
        List<VictimReport> reports = new ArrayList<>(new SyntheticVictims(13).generate(600).reports());
        reports.sort(Comparator.comparingLong(VictimReport::victimId));
        try (PreparedRecords prepared = linkage.preparedRecords(); PreparedRecords itself = linkage.preparedRecords()) {
            // prepared under no id (0), as rows before their publish: their ids written in as they are kept
            List<byte[]> ahead = reports.stream().map(report -> PreparedRecords.bytes(linkage, withoutId(report),
                    keyHash)).toList();
            long[] ids = reports.stream().mapToLong(VictimReport::victimId).toArray();
            List<String> given = new ArrayList<>();
            prepared.addPrepared(Arrays.copyOf(ids, 250), ahead.subList(0, 250), (id, hashes, caps) -> given.add(
                    id + Arrays.toString(hashes) + Arrays.toString(caps)));
            prepared.addPrepared(Arrays.copyOfRange(ids, 250, ids.length), ahead.subList(250, ids.length),
                    (id, hashes, caps) -> given.add(id + Arrays.toString(hashes) + Arrays.toString(caps)));
            List<String> expected = new ArrayList<>();
            itself.add(reports, keyHash, (id, hashes, caps) -> expected.add(
                    id + Arrays.toString(hashes) + Arrays.toString(caps)));

            assertThat(given).as("each record's keys given under its id").containsExactlyElementsOf(expected);
            assertThat(prepared.size()).isEqualTo(itself.size());
            for (VictimReport report : reports) {
                PreparedRecords.Held read = prepared.read(report.victimId(), UnaryOperator.identity());
                PreparedRecords.Held own = itself.read(report.victimId(), UnaryOperator.identity());
                assertSameFields(read.record(), own.record());
                assertThat(read.sortedHashes()).containsExactly(own.sortedHashes());
            }
            assertThatThrownBy(() -> prepared.addPrepared(new long[] {1}, List.of(), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aFileOfRecordsPreparedBeforeTheirIdsWereKnownIsAdoptedWholeEachReadUnderItsId() throws Exception {
        List<VictimReport> reports = new ArrayList<>(new SyntheticVictims(18).generate(600).reports());
        reports.sort(Comparator.comparingLong(VictimReport::victimId));
        Path path = Files.createTempFile("prepared-elsewhere", ".bin");
        try (PreparedRecords adopting = linkage.preparedRecords(); PreparedRecords itself = linkage.preparedRecords()) {
            // prepared under no id (0), one after the other in a file of their own, as rows before their publish
            FileChannel file = FileChannel.open(path,
                    StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            long[] starts = new long[reports.size()];
            long end = 0;
            for (int i = 0; i < reports.size(); i++) {
                starts[i] = end;
                ByteBuffer bytes = ByteBuffer.wrap(PreparedRecords.bytes(linkage, withoutId(reports.get(i)),
                        keyHash));
                while (bytes.hasRemaining()) {
                    end += file.write(bytes, end);
                }
            }
            long[] ids = reports.stream().mapToLong(VictimReport::victimId).toArray();
            adopting.adopt(file, ids, starts, end);
            List<String> given = new ArrayList<>();
            adopting.forEachKeys((id, hashes, caps) -> given.add(id + Arrays.toString(hashes) + Arrays.toString(caps)));
            List<String> expected = new ArrayList<>();
            itself.add(reports, keyHash, (id, hashes, caps) -> expected.add(
                    id + Arrays.toString(hashes) + Arrays.toString(caps)));

            assertThat(given).as("each record's keys given under its id").containsExactlyElementsOf(expected);
            assertThat(adopting.size()).isEqualTo(itself.size());
            for (VictimReport report : reports) {
                assertThat(adopting.holds(report.victimId())).isTrue();
                PreparedRecords.Held read = adopting.read(report.victimId(), UnaryOperator.identity());
                PreparedRecords.Held own = itself.read(report.victimId(), UnaryOperator.identity());
                assertSameFields(read.record(), own.record());
                assertThat(read.sortedHashes()).containsExactly(own.sortedHashes());
            }
            assertThatThrownBy(() -> itself.adopt(file, new long[] {1}, new long[] {0}, 1))
                    .as("records kept already").isInstanceOf(IllegalStateException.class);
        }
        assertThat(path).as("the adopted file closed with the records").doesNotExist();
    }

    private static VictimReport withoutId(VictimReport r) {
        return new VictimReport(0, r.officeCode(), r.caseNumber(), r.name(), r.nik(), r.sex(), r.birthDate(), r.age(),
                r.reportDate(), r.birthPlace(), r.originRegencyCode(), r.originDistrictCode(), r.originVillageCode(),
                r.address());
    }

    private static void assertSameFields(Prepared actual, Prepared expected) throws IllegalAccessException {
        for (Field field : Prepared.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("tokenChance")) {
                continue;
            }
            field.setAccessible(true);
            Object a = field.get(actual);
            Object e = field.get(expected);
            String as = "record " + expected.id + ", " + field.getName();
            if (e instanceof Object[] array) {
                assertThat((Object[]) a).as(as).containsExactly(array);
            } else if (e instanceof int[] array) {
                assertThat((int[]) a).as(as).containsExactly(array);
            } else {
                assertThat(a).as(as).isEqualTo(e);
            }
        }
    }
}
