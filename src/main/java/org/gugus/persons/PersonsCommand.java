package org.gugus.persons;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.gugus.access.Audit;
import org.gugus.persons.linkage.ComparisonWeight;
import org.gugus.persons.linkage.Decision;
import org.gugus.persons.linkage.LevelWeights;
import org.gugus.persons.linkage.LinkageModel;
import org.gugus.persons.linkage.VictimPair;
import org.gugus.system.GugusCommand;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus persons resolve|pairs|decide|model}: link victim records into persons now, the pairs
 * queued for review (never with names or NIKs), a reviewer's decision, the estimated model. Exit
 * status 0, 1 when a pair does not exist or an option is wrong.
 */
@Command(name = "persons", mixinStandardHelpOptions = true,
        subcommands = {PersonsCommand.Resolve.class, PersonsCommand.Pairs.class, PersonsCommand.Decide.class,
                PersonsCommand.Model.class})
class PersonsCommand {

    @Command(name = "resolve", mixinStandardHelpOptions = true)
    static class Resolve implements GugusCommand {

        @Option(names = "--all", descriptionKey = "gugus.persons.resolve.all")
        private boolean all;

        @Option(names = "--json", descriptionKey = "json")
        private boolean asJson;

        private final PersonResolution resolution;
        private final JsonMapper json;

        Resolve(PersonResolution resolution, JsonMapper json) {
            this.resolution = resolution;
            this.json = json;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            ResolutionSummary summary = all ? resolution.resolveAll("command") : resolution.resolvePending("command");
            if (asJson) {
                out.println(json.writeValueAsString(summary));
            } else {
                out.println(PersonsText.summary(summary));
            }
            return 0;
        }
    }

    @Command(name = "pairs", mixinStandardHelpOptions = true)
    static class Pairs implements GugusCommand {

        @Option(names = "--status", paramLabel = "STATUS", descriptionKey = "gugus.persons.pairs.status")
        private String status = "OPEN";

        @Option(names = "--limit", paramLabel = "N", descriptionKey = "gugus.persons.pairs.limit")
        private int limit = PersonPairs.DEFAULT_LIMIT;

        @Option(names = "--json", descriptionKey = "json")
        private boolean asJson;

        private final PersonPairs pairs;
        private final JsonMapper json;

        Pairs(PersonPairs pairs, JsonMapper json) {
            this.pairs = pairs;
            this.json = json;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            try {
                List<PairSummary> listed = pairs.list(PairStatus.of(status), null, limit);
                if (asJson) {
                    Map<String, Object> page = new LinkedHashMap<>();
                    page.put("count", listed.size());
                    page.put("pairs", listed);
                    out.println(json.writeValueAsString(page));
                } else {
                    listed.forEach(pair -> PersonsText.pair(pair, out));
                    err.println(Messages.get("persons.pairs.count", listed.size()).both());
                }
                return 0;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true)
    static class Decide implements GugusCommand {

        @Parameters(index = "0", paramLabel = "PAIR_ID", descriptionKey = "gugus.persons.decide.pair")
        private long pairId;

        @Parameters(index = "1", paramLabel = "same|different", descriptionKey = "gugus.persons.decide.decision")
        private String decision;

        @Option(names = "--by", paramLabel = "NAMA", required = true, descriptionKey = "gugus.persons.decide.by")
        private String by;

        @Option(names = "--note", paramLabel = "TEKS", descriptionKey = "gugus.persons.decide.note")
        private String note;

        @Option(names = "--json", descriptionKey = "json")
        private boolean asJson;

        private final PersonPairs pairs;
        private final Audit audit;
        private final JsonMapper json;

        Decide(PersonPairs pairs, Audit audit, JsonMapper json) {
            this.pairs = pairs;
            this.audit = audit;
            this.json = json;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            try {
                Decision decided = PersonPairs.decision(decision);
                VictimPair victims = pairs.victims(pairId);
                ResolutionSummary summary = pairs.decide(pairId, null, decided, by, note, () -> audit.change(
                        "PERSONS_DECIDE", "gugus persons decide " + pairId + " " + decided.name().toLowerCase(Locale.ROOT)
                                + " --by " + by, List.of(victims.a(), victims.b())));
                if (asJson) {
                    Map<String, Object> done = new LinkedHashMap<>();
                    done.put("pair_id", pairId);
                    done.put("decision", decided);
                    done.put("resolution", summary);
                    out.println(json.writeValueAsString(done));
                } else {
                    out.println(Messages.get("persons.decide.done", pairId, PersonsText.decision(decided)).both());
                    out.println(PersonsText.summary(summary));
                }
                return 0;
            } catch (IllegalArgumentException | NoSuchElementException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "model", mixinStandardHelpOptions = true)
    static class Model implements GugusCommand {

        @Option(names = "--json", descriptionKey = "json")
        private boolean asJson;

        private final PersonStore store;
        private final JsonMapper json;

        Model(PersonStore store, JsonMapper json) {
            this.store = store;
            this.json = json;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            var stored = store.model();
            LinkageModel model = stored.map(PersonStore.StoredModel::model).orElseGet(LinkageModel::initial);
            if (asJson) {
                out.println(json.writeValueAsString(model));
                return 0;
            }
            err.println(stored.map(s -> Messages.get("persons.model.estimated", s.estimatedAt().toLocalDateTime()
                    .withNano(0).toString().replace('T', ' '), s.records()))
                    .orElseGet(() -> Messages.get("persons.model.initial")).both());
            out.println(Messages.get("persons.model.prior", PersonsText.number(model.priorWeight()),
                    PersonsText.number(1 / (1 + Math.pow(2, -model.priorWeight())))).both());
            out.println("%-24s %-28s %10s %10s %9s".formatted("comparison", "level", "m", "u", "weight"));
            for (LevelWeights level : model.levels()) {
                out.println("%-24s %-28s %10.6f %10.6f %9.2f".formatted(level.comparison(), level.level(), level.m(),
                        level.u(), level.weight()).replace(',', '.'));
            }
            return 0;
        }
    }

    /** The texts of the persons commands. */
    static final class PersonsText {

        private PersonsText() {
        }

        static String summary(ResolutionSummary summary) {
            return Messages.get(summary.all() ? "persons.resolve.all" : "persons.resolve.pending", summary.victims(),
                    summary.persons(), summary.links(), summary.pairsQueued(), number(summary.seconds())).both()
                    + (summary.followSeconds() < 0.005 ? ""
                            : System.lineSeparator() + Messages.get("persons.resolve.followed",
                                    number(summary.followSeconds())).both())
                    + (summary.pairsNotQueued() == 0 ? ""
                            : System.lineSeparator() + Messages.get("persons.resolve.not-queued", summary.pairsNotQueued()).both());
        }

        /** One pair: its records by office, case and id, the probability and each comparison. Never a name or NIK. */
        static void pair(PairSummary pair, PrintStream out) {
            out.println("#%d %s p=%s  %s %s (%d) ~ %s %s (%d)".formatted(pair.id(), pair.status(),
                    number(pair.probability()), pair.officeA(), pair.caseA(), pair.victimA(), pair.officeB(),
                    pair.caseB(), pair.victimB()));
            out.println("    " + pair.comparisons().stream().map(PersonsText::comparison).collect(Collectors.joining("  ")));
        }

        static String comparison(ComparisonWeight weight) {
            return weight.comparison() + "=" + weight.level() + " (" + (weight.weight() >= 0 ? "+" : "")
                    + number(weight.weight()) + ")";
        }

        static Message decision(Decision decision) {
            return Messages.get("persons.decision." + decision.name().toLowerCase(Locale.ROOT));
        }

        static String number(double value) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
    }
}
