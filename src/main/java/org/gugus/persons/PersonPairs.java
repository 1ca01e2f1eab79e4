package org.gugus.persons;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gugus.persons.linkage.Decision;
import org.gugus.persons.linkage.VictimPair;
import org.gugus.system.Messages;
import org.gugus.warehouse.LinkableVictim;
import org.gugus.warehouse.LinkableVictims;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of pairs, as the command line and the API show it, and decisions on it. Lists
 * carry no names or NIKs; the side-by-side view carries them only when asked to (the caller decides
 * who may, and audits it).
 */
@Service
public class PersonPairs {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;

    private final PersonStore store;
    private final LinkableVictims victims;
    private final PersonResolution resolution;

    PersonPairs(PersonStore store, LinkableVictims victims, PersonResolution resolution) {
        this.store = store;
        this.victims = victims;
        this.resolution = resolution;
    }

    /**
     * The pairs of a status (every status when null), oldest first; with an office, only pairs whose
     * two records are both of that office.
     */
    @Transactional(readOnly = true)
    public List<PairSummary> list(PairStatus status, String office, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(Messages.get("persons.pairs.limit", limit, MAX_LIMIT).both());
        }
        List<PersonStore.StoredPair> stored = store.pairs(status);
        Set<Long> ids = new HashSet<>();
        stored.forEach(pair -> {
            ids.add(pair.victimA());
            ids.add(pair.victimB());
        });
        Map<Long, LinkableVictim> records = records(ids);
        List<PairSummary> pairs = new ArrayList<>();
        for (PersonStore.StoredPair pair : stored) {
            LinkableVictim a = records.get(pair.victimA());
            LinkableVictim b = records.get(pair.victimB());
            if (office != null && !(office.equals(a.officeCode()) && office.equals(b.officeCode()))) {
                continue;
            }
            pairs.add(summary(pair, a, b));
            if (pairs.size() == limit) {
                break;
            }
        }
        return pairs;
    }

    /**
     * One pair side by side; names and NIK only when {@code personalData}.
     *
     * @param office when given, the pair must have both records in this office, else it is not found
     * @throws NoSuchElementException when there is no such pair (for this office)
     */
    @Transactional(readOnly = true)
    public PairDetail detail(long id, String office, boolean personalData) {
        PersonStore.StoredPair pair = store.storedPair(id).orElseThrow(() -> notFound(id));
        Map<Long, LinkableVictim> records = records(Set.of(pair.victimA(), pair.victimB()));
        LinkableVictim a = records.get(pair.victimA());
        LinkableVictim b = records.get(pair.victimB());
        if (office != null && !(office.equals(a.officeCode()) && office.equals(b.officeCode()))) {
            throw notFound(id);
        }
        List<PairDetail.Field> fields = new ArrayList<>();
        field(fields, "office_code", a, b, LinkableVictim::officeCode);
        field(fields, "case_number", a, b, LinkableVictim::caseNumber);
        field(fields, "report_date", a, b, LinkableVictim::reportDate);
        if (personalData) {
            field(fields, "name", a, b, LinkableVictim::name);
            field(fields, "nik", a, b, LinkableVictim::nik);
        }
        field(fields, "sex", a, b, LinkableVictim::sex);
        field(fields, "birth_date", a, b, LinkableVictim::birthDate);
        field(fields, "age", a, b, LinkableVictim::age);
        field(fields, "birth_place", a, b, LinkableVictim::birthPlace);
        field(fields, "origin_regency", a, b, LinkableVictim::originRegency);
        field(fields, "origin_regency_code", a, b, LinkableVictim::originRegencyCode);
        field(fields, "origin_district_code", a, b, LinkableVictim::originDistrictCode);
        field(fields, "origin_village_code", a, b, LinkableVictim::originVillageCode);
        field(fields, "address", a, b, LinkableVictim::address);
        return new PairDetail(summary(pair, a, b), personalData, fields,
                store.decisionsOf(new VictimPair(pair.victimA(), pair.victimB())));
    }

    /**
     * Keeps the decision and links the pair's records again at once.
     *
     * @param office when given, the pair must have both records in this office, else it is not found
     * @param audit  records the change, in the decision's transaction
     */
    public ResolutionSummary decide(long id, String office, Decision decision, String by, String note, Runnable audit) {
        if (office != null) {
            detail(id, office, false);
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException(Messages.get("persons.decide.no-decider").both());
        }
        return resolution.decide(id, decision, by.strip(), note == null || note.isBlank() ? null : note.strip(), audit);
    }

    /** The two victim ids of a pair. */
    public VictimPair victims(long id) {
        PersonStore.StoredPair pair = store.storedPair(id).orElseThrow(() -> notFound(id));
        return new VictimPair(pair.victimA(), pair.victimB());
    }

    static NoSuchElementException notFound(long id) {
        return new NoSuchElementException(Messages.get("persons.pairs.not-found", id).both());
    }

    /** A decision as written: same / different, in English or Indonesian (sama / beda), any case. */
    public static Decision decision(String written) {
        String word = written == null ? "" : written.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "same", "sama" -> Decision.SAME;
            case "different", "beda", "berbeda" -> Decision.DIFFERENT;
            default -> throw new IllegalArgumentException(Messages.get("persons.decide.unknown", written).both());
        };
    }

    private Map<Long, LinkableVictim> records(Set<Long> ids) {
        return victims.byIds(ids).stream().collect(Collectors.toMap(LinkableVictim::id, Function.identity()));
    }

    private static PairSummary summary(PersonStore.StoredPair pair, LinkableVictim a, LinkableVictim b) {
        return new PairSummary(pair.id(), pair.status(), pair.victimA(), pair.victimB(), a.officeCode(), b.officeCode(),
                a.caseNumber(), b.caseNumber(), pair.probability(), pair.weight(), pair.comparisons(), pair.queuedAt());
    }

    private static void field(List<PairDetail.Field> fields, String name, LinkableVictim a, LinkableVictim b,
            Function<LinkableVictim, Object> value) {
        fields.add(new PairDetail.Field(name, text(value.apply(a)), text(value.apply(b))));
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
