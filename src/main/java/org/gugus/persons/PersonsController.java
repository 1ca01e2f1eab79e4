package org.gugus.persons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gugus.access.Audit;
import org.gugus.access.CurrentUser;
import org.gugus.access.Role;
import org.gugus.persons.linkage.Decision;
import org.gugus.persons.linkage.VictimPair;
import org.gugus.system.Messages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The persons API (JSON): pairs queued for review, a pair side by side, decisions, and resolution
 * on demand. Reviewers and administrators see every pair, with names and NIKs in the side-by-side
 * view (audited), and decide; an OFFICE account sees only pairs whose two records are both of its
 * office, without names or NIKs, and does not decide; stewards and administrators start a
 * resolution. Coordinators and auditors have no access ({@code SecurityConfiguration}).
 */
@RestController
@RequestMapping("/api/persons")
class PersonsController {

    private final PersonPairs pairs;
    private final PersonResolution resolution;
    private final CurrentUser user;
    private final Audit audit;

    PersonsController(PersonPairs pairs, PersonResolution resolution, CurrentUser user, Audit audit) {
        this.pairs = pairs;
        this.resolution = resolution;
        this.user = user;
        this.audit = audit;
    }

    @GetMapping("/pairs")
    Map<String, Object> pairs(@RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "" + PersonPairs.DEFAULT_LIMIT) int limit) {
        List<PairSummary> listed = pairs.list(PairStatus.of(status), user.officeScope().orElse(null), limit);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("count", listed.size());
        page.put("pairs", listed);
        return page;
    }

    @GetMapping("/pairs/{id}")
    PairDetail pair(@PathVariable long id) {
        boolean personal = mayReadNames();
        PairDetail detail = pairs.detail(id, user.officeScope().orElse(null), personal);
        if (personal) {
            audit.read(List.of(detail.pair().victimA(), detail.pair().victimB()));
        }
        return detail;
    }

    @PostMapping("/pairs/{id}/decision")
    Map<String, Object> decide(@PathVariable long id, @RequestBody DecisionRequest request) {
        if (request == null || request.decision() == null) {
            throw new IllegalArgumentException(Messages.get("persons.decide.unknown", "").both());
        }
        Decision decision = PersonPairs.decision(request.decision());
        VictimPair victims = pairs.victims(id);
        ResolutionSummary summary = pairs.decide(id, user.officeScope().orElse(null), decision, user.name(),
                request.note(), () -> audit.change("PERSONS_DECIDE", "POST /api/persons/pairs/" + id + "/decision "
                        + decision.name(), List.of(victims.a(), victims.b())));
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("pair_id", id);
        done.put("decision", decision);
        done.put("decided_by", user.name());
        done.put("resolution", summary);
        return done;
    }

    @PostMapping("/resolve")
    ResolutionSummary resolve(@RequestParam(defaultValue = "false") boolean all) {
        return all ? resolution.resolveAll("api") : resolution.resolvePending("api");
    }

    private boolean mayReadNames() {
        return user.role().map(role -> role == Role.REVIEWER || role == Role.ADMIN).orElse(false);
    }

    /** A decision as sent: {@code same} or {@code different}, and an optional note; the decider is who signed in. */
    record DecisionRequest(String decision, String note) {
    }
}
